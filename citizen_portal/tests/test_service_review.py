"""Service pages share the employee portal's review dates (portal.review): the owner is reminded
before the date, past it the page leaves the public site and shows in the stale-content report,
and "still valid" brings it back."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from citizen_portal.models import DepartmentPage, ServicePage
from portal import review
from portal.tests.factories import UserFactory, group_with_page_permissions, sign_in_for_admin

from .factories import ServicePageFactory

pytestmark = pytest.mark.django_db


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def department():
    return DepartmentPage.objects.live().filter(municipality__slug="mellerud").first()


@pytest.fixture
def owner(department):
    group = group_with_page_permissions(
        "Webbredaktörer Mellerud", department, "add", "change", "publish"
    )
    return UserFactory(
        groups=[group], first_name="Eva", last_name="Strand", email="eva.strand@mellerud.se"
    )


def published_service(department, owner, **fields):
    page = ServicePageFactory(parent=department, owner=owner, **fields)
    page.save_revision(user=owner).publish(user=owner, skip_permission_checks=True)
    return ServicePage.objects.get(pk=page.pk)


def test_the_owner_of_a_service_page_is_reminded(
    department, owner, django_capture_on_commit_callbacks
):
    page = published_service(department, owner, title="Parkeringstillstånd", review_by=days(5))

    with django_capture_on_commit_callbacks(execute=True):
        review.send_reminders()

    [message] = [m for m in mail.outbox if page.title in m.subject]
    assert message.to == ["eva.strand@mellerud.se"]


def test_past_its_date_a_service_page_leaves_the_site_until_confirmed(department, owner, client):
    page = published_service(department, owner, title="Hemtjänst", review_by=days(-1))
    url = page.url
    assert client.get(url).status_code == 200

    assert page.title in review.unpublish_stale()

    assert client.get(url).status_code == 404
    admin = sign_in_for_admin(client, owner)
    response = admin.get(reverse("portal_review_report"))
    assert page.title in response.text

    admin.post(
        reverse("portal_review_confirm", args=[page.pk]),
        {"review_by": page.review_by.isoformat()},
    )
    page.refresh_from_db()
    assert page.live
    assert page.review_by > timezone.localdate()
    client.logout()
    assert client.get(url).status_code == 200


def test_every_demo_service_page_has_a_date_ahead():
    pages = ServicePage.objects.live()
    assert pages.exists()
    assert not pages.filter(review_by__lt=timezone.localdate()).exists()
