"""Review dates (portal.review): owners are reminded by a background task before a page's date,
past it the page is unpublished and listed in the stale-content report, and "still valid" (the
signed link in the reminder, or the report's button) publishes the content that was live with
the date moved on. Shown with employee pages; every ReviewedPageMixin page type works alike."""

import datetime
import io
import re
import time
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from employee_portal.models import (
    EmployeeHomePage,
    EmployeeInformationPage,
    EmployeeNewsIndexPage,
    EmployeeNewsPage,
)
from employee_portal.tests.factories import (
    EmployeeInformationPageFactory,
    EmployeeNewsPageFactory,
)
from portal import review
from portal.tests.factories import UserFactory, group_with_page_permissions, sign_in_for_admin

pytestmark = pytest.mark.django_db


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def home():
    return EmployeeHomePage.objects.live().get()


@pytest.fixture
def news_index():
    return EmployeeNewsIndexPage.objects.live().get()


@pytest.fixture
def publisher(home):
    """May edit and publish everything in Medarbetarportalen."""
    group = group_with_page_permissions(
        "Publicerar för medarbetare", home, "add", "change", "publish"
    )
    return UserFactory(groups=[group], first_name="Karin", last_name="Berg")


@pytest.fixture
def writer(news_index):
    """May edit the employee news, not publish them, and nothing else."""
    group = group_with_page_permissions("Skriver nyheter", news_index, "add", "change")
    return UserFactory(groups=[group])


def published(factory, parent, owner, **fields):
    """A page published the way the admin does it: its live content is a revision too."""
    page = factory(parent=parent, owner=owner, **fields)
    page.save_revision(user=owner).publish(user=owner, skip_permission_checks=True)
    return type(page).objects.get(pk=page.pk)


def reminders_for(page):
    return [message for message in mail.outbox if page.title in message.subject]


# --- Reminders --------------------------------------------------------------------------------


def test_the_owner_is_reminded_once_by_the_background_task(
    home, publisher, django_capture_on_commit_callbacks
):
    page = published(
        EmployeeInformationPageFactory,
        home,
        publisher,
        title="Rutin för tjänsteresor",
        review_by=days(7),
    )

    with django_capture_on_commit_callbacks(execute=False) as queued:
        review.send_reminders()
    assert reminders_for(page) == [], "the reminder must not be sent inline"
    for callback in queued:
        callback()  # the task queued after commit; the test settings run it at once

    (message,) = reminders_for(page)
    assert message.to == [publisher.email]
    assert "Rutin för tjänsteresor" in message.body
    assert f"/admin/pages/{page.pk}/edit/" in message.body
    assert "Ja, sidan stämmer fortfarande: http://" in message.body
    # The one-click link carries a signed token for this page and date (signed with the time,
    # so it is read back rather than made again).
    prefix = reverse("portal_review_confirm_link", args=["TOKEN"]).split("TOKEN")[0]
    token = re.search(re.escape(prefix) + r"([^/\s]+)/", message.body)[1]
    assert review.read_token(token) == (page.pk, page.review_by)
    assert "avpubliceras den automatiskt" in message.body
    # The page's address is the portal's configured one, like the admin links.
    assert f"Adress: {settings.WAGTAILADMIN_BASE_URL}{page.url}" in message.body
    page.refresh_from_db()
    assert page.reminded_for == page.review_by

    with django_capture_on_commit_callbacks(execute=True):
        review.send_reminders()
    assert len(reminders_for(page)) == 1, "one reminder per date"


def test_a_new_date_gets_a_new_reminder(home, publisher, django_capture_on_commit_callbacks):
    page = published(EmployeeInformationPageFactory, home, publisher, review_by=days(5))
    with django_capture_on_commit_callbacks(execute=True):
        review.send_reminders()
    EmployeeInformationPage.objects.filter(pk=page.pk).update(review_by=days(10))
    with django_capture_on_commit_callbacks(execute=True):
        review.send_reminders()
    assert len(reminders_for(page)) == 2


def test_no_reminder_far_from_the_date(home, publisher, django_capture_on_commit_callbacks):
    page = published(EmployeeInformationPageFactory, home, publisher, review_by=days(60))
    with django_capture_on_commit_callbacks(execute=True):
        done = review.send_reminders()
    assert reminders_for(page) == []
    assert page.title not in done["reminded"]


def test_without_an_owners_address_the_fallback_address_is_used_else_none(
    news_index, settings, django_capture_on_commit_callbacks
):
    owner = UserFactory(email="")
    page = published(EmployeeNewsPageFactory, news_index, owner, review_by=days(3))

    settings.CONTENT_REVIEW_FALLBACK_EMAIL = ""
    with django_capture_on_commit_callbacks(execute=True):
        done = review.send_reminders()
    assert reminders_for(page) == []
    assert page.title in done["no_recipient"]

    settings.CONTENT_REVIEW_FALLBACK_EMAIL = "webbredaktion@dalsland.example"
    with django_capture_on_commit_callbacks(execute=True):
        review.send_reminders()
    (message,) = reminders_for(page)
    assert message.to == ["webbredaktion@dalsland.example"]


# --- Past the date ----------------------------------------------------------------------------


def test_past_its_date_a_page_is_unpublished_listed_and_gone_for_employees(
    home, publisher, employee_client, client
):
    page = published(EmployeeInformationPageFactory, home, publisher, review_by=days(-1))
    live_revision = page.live_revision

    assert page in review.stale_pages(), "listed even before the daily job has run"
    assert page.title in review.unpublish_stale()

    page.refresh_from_db()
    assert not page.live
    assert page.stale_revision == live_revision
    assert page.stale_since is not None
    assert PageLogEntry.objects.filter(page=page, action=review.UNPUBLISHED).exists()
    assert employee_client.get(page.url).status_code == 404

    admin = sign_in_for_admin(client, publisher)
    response = admin.get(reverse("portal_review_report"))
    assert response.status_code == 200
    assert page in response.context["stale"]
    assert page.title in response.text
    assert "Stämmer fortfarande" in response.text


def test_a_page_still_within_its_date_stays_published(home, publisher):
    page = published(EmployeeInformationPageFactory, home, publisher, review_by=days(0))
    review.unpublish_stale()
    page.refresh_from_db()
    assert page.live


def test_the_report_lists_only_pages_the_user_may_edit(home, news_index, publisher, writer, client):
    information = published(EmployeeInformationPageFactory, home, publisher, review_by=days(-2))
    news = published(EmployeeNewsPageFactory, news_index, publisher, review_by=days(4))

    admin = sign_in_for_admin(client, writer)
    response = admin.get(reverse("portal_review_report"))

    assert response.status_code == 200
    assert information not in response.context["stale"]
    assert information.title not in response.text
    assert news in response.context["due"]
    # The writer may not publish: no button, and a word on who can.
    assert reverse("portal_review_confirm", args=[news.pk]) not in response.text


def test_the_report_is_not_for_users_who_edit_no_pages(client):
    group = Group.objects.create(name="Bara admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    admin = sign_in_for_admin(client, UserFactory(groups=[group]))
    assert admin.get(reverse("portal_review_report")).status_code == 403


# --- Still valid ------------------------------------------------------------------------------


def test_the_signed_link_brings_back_the_content_that_was_live(
    home, publisher, employee_group, client
):
    page = published(
        EmployeeInformationPageFactory,
        home,
        publisher,
        title="Så beställer du arbetskläder",
        body=[("paragraph", "<p>Beställ via personalenheten.</p>")],
        review_by=days(-3),
        review_interval_months=6,
    )
    token = review.make_token(page)
    review.unpublish_stale()
    # An editor starts on a new version of the unpublished page: as in the admin, the draft
    # goes into the page row and a revision.
    page.refresh_from_db()
    page.title = "Så beställer du arbetskläder (utkast)"
    page.body = [("paragraph", "<p>Ej klart: nytt avtal från hösten.</p>")]
    page.save()
    page.save_revision(user=publisher)

    admin = sign_in_for_admin(client, publisher)
    response = admin.get(reverse("portal_review_confirm_link", args=[token]))

    assert response.status_code == 302
    assert response["Location"] == reverse("portal_review_report")
    page = EmployeeInformationPage.objects.get(pk=page.pk)
    assert page.live
    assert page.review_by == review.add_months(timezone.localdate(), 6)
    assert page.title == "Så beställer du arbetskläder"
    assert "Beställ via personalenheten." in str(page.body)
    assert (page.stale_since, page.stale_revision, page.reminded_for) == (None, None, None)
    assert PageLogEntry.objects.filter(page=page, action=review.CONFIRMED).exists()
    # The draft is still the latest draft, with the new date.
    draft = page.get_latest_revision_as_object()
    assert page.has_unpublished_changes
    assert draft.title == "Så beställer du arbetskläder (utkast)"
    assert draft.review_by == page.review_by

    followed = admin.get(response["Location"])
    assert "är bekräftad och publicerad" in followed.text
    employee = Client()
    employee.force_login(UserFactory(groups=[employee_group]))
    assert employee.get(page.url).status_code == 200


def test_confirming_a_live_page_publishes_the_live_content_not_a_newer_draft(home, publisher):
    page = published(
        EmployeeInformationPageFactory, home, publisher, title="Larmrutin", review_by=days(10)
    )
    draft = page.get_latest_revision_as_object()
    draft.title = "Larmrutin (under arbete)"
    draft.save_revision(user=publisher)

    page = review.confirm_still_valid(page, publisher)

    assert page.live
    assert page.title == "Larmrutin"
    assert page.review_by == review.add_months(days(10), page.review_interval_months)
    assert page.get_latest_revision_as_object().title == "Larmrutin (under arbete)"


def test_a_link_for_an_outdated_date_is_refused(home, publisher, client):
    page = published(EmployeeInformationPageFactory, home, publisher, review_by=days(5))
    token = review.make_token(page)
    review.confirm_still_valid(page, publisher)
    confirmed_date = EmployeeInformationPage.objects.get(pk=page.pk).review_by

    admin = sign_in_for_admin(client, publisher)
    response = admin.get(reverse("portal_review_confirm_link", args=[token]))

    assert response.status_code == 410
    assert "Länken gäller ett äldre datum" in response.text
    assert EmployeeInformationPage.objects.get(pk=page.pk).review_by == confirmed_date


def test_an_expired_link_is_refused(home, publisher, client):
    page = published(EmployeeInformationPageFactory, home, publisher, review_by=days(5))
    token = review.make_token(page)
    admin = sign_in_for_admin(client, publisher)

    later = time.time() + 61 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=later):
        response = admin.get(reverse("portal_review_confirm_link", args=[token]))

    assert response.status_code == 410
    assert "Länken har gått ut" in response.text
    assert EmployeeInformationPage.objects.get(pk=page.pk).review_by == page.review_by


def test_an_altered_link_is_refused(publisher, client):
    admin = sign_in_for_admin(client, publisher)
    response = admin.get(reverse("portal_review_confirm_link", args=["eyJwYWdlIjoxfQ:x:y"]))
    assert response.status_code == 400


def test_without_permission_to_publish_the_link_is_forbidden(news_index, publisher, writer, client):
    page = published(EmployeeNewsPageFactory, news_index, publisher, review_by=days(5))
    admin = sign_in_for_admin(client, writer)

    link = admin.get(reverse("portal_review_confirm_link", args=[review.make_token(page)]))
    button = admin.post(
        reverse("portal_review_confirm", args=[page.pk]), {"review_by": page.review_by.isoformat()}
    )

    assert (link.status_code, button.status_code) == (403, 403)
    assert EmployeeNewsPage.objects.get(pk=page.pk).review_by == page.review_by


def test_an_anonymous_visitor_is_sent_to_log_in(home, publisher, client):
    page = published(EmployeeInformationPageFactory, home, publisher, review_by=days(5))
    url = reverse("portal_review_confirm_link", args=[review.make_token(page)])

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "next=" in response["Location"], "after signing in, the link does its work"
    assert EmployeeInformationPage.objects.get(pk=page.pk).review_by == page.review_by


def test_the_report_button_confirms_once(home, publisher, client):
    page = published(EmployeeInformationPageFactory, home, publisher, review_by=days(-1))
    review.unpublish_stale()
    admin = sign_in_for_admin(client, publisher)
    url = reverse("portal_review_confirm", args=[page.pk])
    seen = {"review_by": page.review_by.isoformat()}

    assert admin.get(url).status_code == 405
    response = admin.post(url, seen)
    assert response.status_code == 302
    confirmed = EmployeeInformationPage.objects.get(pk=page.pk)
    assert confirmed.live
    assert confirmed.review_by == review.add_months(
        timezone.localdate(), page.review_interval_months
    )

    admin.post(url, seen)  # the same button again
    assert EmployeeInformationPage.objects.get(pk=page.pk).review_by == confirmed.review_by


def test_a_confirmation_for_a_date_already_moved_on_changes_nothing(home, publisher):
    page = published(EmployeeInformationPageFactory, home, publisher, review_by=days(3))
    seen = page.review_by
    confirmed = review.confirm_still_valid(page, publisher, for_date=seen)

    with pytest.raises(review.OutdatedDate):
        review.confirm_still_valid(page, publisher, for_date=seen)
    assert EmployeeInformationPage.objects.get(pk=page.pk).review_by == confirmed.review_by


# --- The daily command ------------------------------------------------------------------------


def test_the_daily_command_reminds_unpublishes_and_says_so(
    home, publisher, django_capture_on_commit_callbacks
):
    due = published(
        EmployeeInformationPageFactory, home, publisher, title="Semesterrutin", review_by=days(2)
    )
    stale = published(
        EmployeeInformationPageFactory,
        home,
        publisher,
        title="Gamla larmlistan",
        review_by=days(-4),
    )
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("review_content", stdout=out, stderr=io.StringIO())

    output = out.getvalue()
    assert "Påminnelse: Semesterrutin" in output
    assert "Avpublicerad: Gamla larmlistan" in output
    assert len(reminders_for(due)) == 1
    assert not EmployeeInformationPage.objects.get(pk=stale.pk).live


# --- Helpers ----------------------------------------------------------------------------------


def test_every_reviewed_page_type_takes_part():
    assert {EmployeeInformationPage, EmployeeNewsPage} <= set(review.reviewed_page_models())


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2028, 1, 31), 1, datetime.date(2028, 2, 29)),
        (datetime.date(2026, 11, 15), 3, datetime.date(2027, 2, 15)),
        (datetime.date(2026, 6, 30), 24, datetime.date(2028, 6, 30)),
    ],
)
def test_months_are_calendar_months(start, months, expected):
    assert review.add_months(start, months) == expected
