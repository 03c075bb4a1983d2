"""In the editor, a page's review date must lie ahead: a date already passed would only
unpublish the page again the next morning."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from employee_portal.models import EmployeeHomePage, EmployeeInformationPage
from employee_portal.tests.factories import EmployeeInformationPageFactory
from portal.tests.factories import UserFactory, sign_in_for_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    group = Group.objects.create(name="Redigerar medarbetarsidor")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=EmployeeHomePage.objects.get(),
            permission=Permission.objects.get(codename=codename),
        )
    return UserFactory(groups=[group])


def edit(client, page, review_by):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "body": streamfield([("paragraph", rich_text("<p>Ny rutin från och med i dag.</p>"))]),
            "employee_audiences": inline_formset([]),
            "review_by": review_by.isoformat(),
            "review_interval_months": 12,
            "comments": inline_formset([]),
        }
    )
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


@pytest.mark.parametrize(("days", "accepted"), [(-1, False), (0, True), (30, True)])
def test_the_review_date_must_not_have_passed(client, editor, days, accepted):
    page = EmployeeInformationPageFactory(parent=EmployeeHomePage.objects.get())
    before = page.review_by
    sign_in_for_admin(client, editor)

    response = edit(client, page, timezone.localdate() + datetime.timedelta(days=days))

    if accepted:
        assert response.status_code == 302
        assert (
            EmployeeInformationPage.objects.get(pk=page.pk)
            .get_latest_revision_as_object()
            .review_by
            != before
        )
    else:
        assert response.status_code == 200
        assert "review_by" in response.context["form"].errors
        assert "Datumet har redan passerat" in response.content.decode()
        assert EmployeeInformationPage.objects.get(pk=page.pk).get_latest_revision() is None or (
            EmployeeInformationPage.objects.get(pk=page.pk)
            .get_latest_revision_as_object()
            .review_by
            == before
        )
