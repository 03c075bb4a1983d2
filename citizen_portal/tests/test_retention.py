"""Retention of web-form submissions (citizen_portal.retention): each form keeps its answers
and files for its own number of days, the nightly purge removes what is older (the files from
the private storage too) and says so once in the audit trail; the data-protection officer's
report shows each form's retention, count and oldest date; and every attachment handed out
to staff is in the audit trail."""

import datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import GroupPagePermission

from citizen_portal.models import (
    FormAttachment,
    FormPage,
    FormPageSubmission,
    FormReferenceCounter,
)
from citizen_portal.retention import purge_expired_submissions
from portal.audit.models import AuthEvent
from portal.tests.factories import UserFactory, sign_in_for_admin

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/personuppgifter/"
PDF = b"%PDF-1.4\n%%EOF\n"
RETENTION = 30


@pytest.fixture
def form():
    """The seeded parking-permit form, kept for RETENTION days."""
    page = FormPage.objects.get(locale__language_code="sv", slug="ansok-om-parkeringstillstand")
    page.retention_days = RETENTION
    page.save(update_fields=["retention_days"])
    return page


def submit(form, *, days_ago: int) -> FormPageSubmission:
    """A submission with an attached file, sent `days_ago` days ago."""
    submission = FormPageSubmission.objects.create(
        page=form,
        form_data={"namn": "Zelda Zylofon"},
        reference=FormReferenceCounter.next_reference(timezone.localdate().year),
    )
    FormAttachment.objects.create(
        submission=submission,
        field_name="intyg",
        file=ContentFile(PDF, name="intyg.pdf"),
        original_name="intyg.pdf",
        content_type="application/pdf",
        size=len(PDF),
    )
    sent = timezone.now() - datetime.timedelta(days=days_ago)
    FormSubmission.objects.filter(pk=submission.pk).update(submit_time=sent)
    submission.refresh_from_db()
    return submission


def file_path(submission) -> Path:
    return Path(submission.attachments.get().file.path)


def report_row(client, label_start: str) -> list[str]:
    """The report's row whose heading starts with `label_start`: heading, then each cell."""
    response = client.get(REPORT_URL)
    assert response.status_code == 200
    table = BeautifulSoup(response.content, "html.parser").select_one("table")
    assert table.caption is not None
    for row in table.select("tbody tr"):
        heading = row.find("th", scope="row")
        if heading.get_text(" ", strip=True).startswith(label_start):
            return [heading.get_text(" ", strip=True)] + [
                cell.get_text(" ", strip=True) for cell in row.find_all("td")
            ]
    pytest.fail(f"no row {label_start!r} in the report")


def purge_events():
    return AuthEvent.objects.filter(event=AuthEvent.Event.PURGED)


def test_the_field_has_a_sensible_default_and_is_in_the_settings_panel():
    field = FormPage._meta.get_field("retention_days")

    assert field.default == 365
    assert "ärendehanteringssystem" in str(field.help_text)
    assert "retention_days" in [
        getattr(panel, "field_name", None)
        for group in FormPage.settings_panels
        for panel in getattr(group, "children", [group])
    ]


def test_the_purge_removes_an_expired_submission_and_its_file_and_keeps_a_newer_one(client, form):
    old = submit(form, days_ago=RETENTION + 10)
    new = submit(form, days_ago=RETENTION - 1)
    old_file, new_file = file_path(old), file_path(new)
    assert old_file.exists()
    sign_in_for_admin(client, UserFactory(is_superuser=True))
    before = report_row(client, f"Inskickade formulär: {form.title}")
    count_before = FormPageSubmission.objects.filter(page=form).count()
    assert f"{RETENTION} dagar efter att formuläret skickades in" in before[1]
    assert before[3] == str(count_before)
    assert before[4] == timezone.localtime(old.submit_time).date().isoformat()

    assert purge_expired_submissions() == 1

    assert not FormPageSubmission.objects.filter(pk=old.pk).exists()
    assert not FormAttachment.objects.filter(submission_id=old.pk).exists()
    assert not old_file.exists()
    assert FormPageSubmission.objects.filter(pk=new.pk).exists()
    assert new_file.exists()
    (event,) = purge_events()
    assert event.user is None
    assert event.detail["kind"] == "citizen_portal.formpagesubmission"
    assert event.detail["count"] == 1
    assert event.detail["attachments"] == 1
    assert event.detail["form"] == form.pk
    assert event.detail["municipality"] == form.municipality.short_name
    assert event.detail["retention"] == f"{RETENTION} dagar"
    assert "Zelda" not in str(event.detail)
    after = report_row(client, f"Inskickade formulär: {form.title}")
    assert after[3] == str(count_before - 1)
    assert after[4] != before[4]


def test_the_purge_is_safe_to_run_twice_and_when_a_file_is_already_gone(form):
    old = submit(form, days_ago=RETENTION + 1)
    file_path(old).unlink()

    assert purge_expired_submissions() == 1
    assert purge_expired_submissions() == 0

    assert not FormPageSubmission.objects.filter(pk=old.pk).exists()
    assert purge_events().count() == 1


def test_each_form_keeps_its_own_retention(form):
    other = FormPage.objects.get(locale__language_code="sv", slug="lamna-synpunkter")
    other.retention_days = 1000
    other.save(update_fields=["retention_days"])
    kept = submit(other, days_ago=RETENTION + 10)

    purge_expired_submissions()

    assert FormPageSubmission.objects.filter(pk=kept.pk).exists()


def test_the_scheduler_runs_the_purge_as_a_nightly_job(form, settings):
    from portal.scheduler import run_due_jobs

    settings.SCHEDULED_JOBS = {
        "purge_form_submissions": {
            "call": "citizen_portal.retention.purge_expired_submissions",
            "at": "03:45",
        }
    }
    old = submit(form, days_ago=RETENTION + 1)

    assert run_due_jobs() == ["purge_form_submissions"]

    assert not FormPageSubmission.objects.filter(pk=old.pk).exists()


def test_the_report_lists_attachments_feedback_and_the_portals_own_data(client, form):
    submit(form, days_ago=2)
    sign_in_for_admin(client, UserFactory(is_superuser=True))

    attachments = report_row(client, "Bifogade filer i formulär")
    assert int(attachments[3]) >= 1
    assert report_row(client, "Kommentarer i sidfeedback")[1] == "24 månader"
    assert "30 dagar" in report_row(client, "Skickade e-postmeddelanden")[1]
    assert report_row(client, "Begäranden om allmänna handlingar")
    assert report_row(client, "Ärenden i e-tjänsten")
    assert report_row(client, "Invånares identiteter")
    assert report_row(client, "Sessioner")


def editor_of(page):
    group = Group.objects.create(name=f"Testredaktörer {Group.objects.count()}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(group=group, page=page, permission_type="change")
    return UserFactory(groups=[group])


def test_an_ordinary_editor_cannot_see_the_report(client, form):
    sign_in_for_admin(client, editor_of(form))

    response = client.get(REPORT_URL)

    assert response.status_code == 403
    assert b"Inskickade formul" not in response.content


def test_a_holder_of_the_permission_sees_the_report(client, form):
    user = editor_of(form)
    user.user_permissions.add(Permission.objects.get(codename="view_personal_data_report"))
    sign_in_for_admin(client, user)

    assert client.get(REPORT_URL).status_code == 200


def test_an_attachment_download_is_in_the_audit_trail(client, form):
    submission = submit(form, days_ago=1)
    attachment = submission.attachments.get()
    editor = editor_of(form)
    sign_in_for_admin(client, editor)

    response = client.get(
        reverse("form_attachment", args=[attachment.pk]), REMOTE_ADDR="192.0.2.44"
    )

    assert response.status_code == 200
    (event,) = AuthEvent.objects.filter(event=AuthEvent.Event.FILE_DOWNLOADED)
    assert event.user == editor
    assert event.ip_address == "192.0.2.44"
    assert event.detail["kind"] == "citizen_portal.formattachment"
    assert event.detail["object_id"] == attachment.pk
    assert event.detail["reference"] == submission.reference
    assert "intyg.pdf" not in str(event.detail)


def test_a_refused_download_writes_no_access_entry(client, form):
    attachment = submit(form, days_ago=1).attachments.get()
    other = FormPage.objects.get(locale__language_code="sv", slug="lamna-synpunkter")
    sign_in_for_admin(client, editor_of(other))

    assert client.get(reverse("form_attachment", args=[attachment.pk])).status_code == 403
    assert not AuthEvent.objects.filter(event=AuthEvent.Event.FILE_DOWNLOADED).exists()
