"""Access to and purge of personal data in the audit trail (portal.audit.access), and the
data-protection officer's report (portal.personal_data): who may see it, what it says about
the data portal/ holds itself. The domain apps' rows are tested with their purges."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import RequestFactory
from django.utils import timezone

from portal.audit.access import record_access, record_purge
from portal.audit.models import AppendOnlyError, AuthEvent
from portal.tests.factories import UserFactory, sign_in_for_admin

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/personuppgifter/"


def test_an_access_names_who_what_which_and_from_where():
    user = UserFactory()
    request = RequestFactory().get("/admin/", REMOTE_ADDR="192.0.2.7")
    request.user = user

    event = record_access(
        request, AuthEvent.Event.DATA_VIEWED, kind="x.thing", object_id=7, reference="X-1"
    )

    assert (event.user, event.username, event.ip_address) == (user, user.username, "192.0.2.7")
    assert event.detail == {"kind": "x.thing", "object_id": 7, "reference": "X-1"}
    assert event.timestamp is not None


def test_a_purge_is_one_entry_by_the_system_that_cannot_be_changed():
    cutoff = timezone.now() - datetime.timedelta(days=10)

    event = record_purge(kind="x.thing", count=3, cutoff=cutoff, retention="10 dagar", place="A")

    assert event.event == AuthEvent.Event.PURGED
    assert event.get_event_display() == "Gallring"
    assert event.user is None and event.username == "system"
    assert event.detail["cutoff"] == cutoff.isoformat()
    assert event.detail["count"] == 3
    with pytest.raises(AppendOnlyError):
        AuthEvent.objects.filter(pk=event.pk).delete()


def test_the_report_is_refused_to_an_editor_and_shown_to_the_group_with_the_permission(client):
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in_for_admin(client, editor)
    assert client.get(REPORT_URL).status_code == 403

    group = Group.objects.create(name="Dataskyddsombud (test)")
    group.permissions.add(Permission.objects.get(codename="view_personal_data_report"))
    editor.groups.add(group)
    response = client.get(REPORT_URL)
    assert response.status_code == 200
    assert b'<th scope="col">' in response.content
    assert b"<caption>" in response.content
    assert "Granskningslogg" in response.content.decode()


def test_the_report_is_refused_to_someone_not_signed_in(client):
    response = client.get(REPORT_URL)

    assert response.status_code == 302


def test_the_report_is_in_the_reports_menu_only_for_those_who_may_see_it(client):
    sign_in_for_admin(client, UserFactory(is_superuser=True))

    assert REPORT_URL.encode() in client.get("/admin/").content
