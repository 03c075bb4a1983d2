"""Registering a back-office system in the admin (Settings → System med ärende-API): the client
id and secret are shown once, on the page that answers the form; only the secret's hash is
stored; a new secret replaces the old at once. Editors without the permission do not get in."""

import re

import pytest
from django.urls import reverse

from eservices.api.models import CaseApiClient
from eservices.models import EService
from portal.models import Municipality
from portal.tests.factories import UserFactory, sign_in_for_admin

from .factories import basic

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client):
    return sign_in_for_admin(client, UserFactory(is_superuser=True, is_staff=True))


def shown(response, label):
    """The value of the read-only field labelled `label` on the credentials page."""
    html = response.content.decode()
    match = re.search(rf'for="([^"]+)">{label}</label>', html)
    assert match, html
    field = re.search(rf'id="{match.group(1)}" type="text" readonly value="([^"]+)"', html)
    assert field, html
    return field.group(1)


def token_status(client, client_id, secret):
    return client.post(
        reverse("case_api_token"),
        {"grant_type": "client_credentials"},
        HTTP_AUTHORIZATION=basic(client_id, secret),
    ).status_code


def test_an_administrator_registers_a_system_and_sees_its_secret_once(admin, client):
    mellerud = Municipality.objects.get(slug="mellerud")
    permit = EService.objects.get(municipality=mellerud, kind="bygglov")
    response = admin.post(
        reverse("case_api_clients:add"),
        {
            "name": "Mellerud ByggR",
            "municipality": mellerud.pk,
            "eservices": [permit.pk],
            "active": "on",
            "webhook_url": "",
        },
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    client_id = shown(response, r"Klient-id \(client_id\)")
    secret = shown(response, r"Hemlighet \(client_secret\)")
    registered = CaseApiClient.objects.get(name="Mellerud ByggR")
    assert registered.client_id == client_id
    assert secret not in registered.application.client_secret
    assert registered.user.get_full_name() == "Mellerud ByggR (system)"
    assert not registered.user.is_active
    assert list(registered.eservices.all()) == [permit]

    edit = admin.get(reverse("case_api_clients:edit", args=[registered.pk]))
    assert secret not in edit.content.decode()
    assert token_status(client.__class__(), client_id, secret) == 200

    renewed = admin.post(reverse("case_api_clients:new_secret", args=[registered.pk]))
    new_secret = shown(renewed, r"Hemlighet \(client_secret\)")
    assert new_secret != secret
    assert token_status(client.__class__(), client_id, secret) == 401
    assert token_status(client.__class__(), client_id, new_secret) == 200

    deleted = admin.post(reverse("case_api_clients:delete", args=[registered.pk]))
    assert deleted.status_code == 302
    assert not CaseApiClient.objects.filter(pk=registered.pk).exists()
    assert token_status(client.__class__(), client_id, new_secret) == 401
    registered.user.refresh_from_db()  # kept, for the case histories that name it


def test_e_services_of_another_municipality_are_refused(admin):
    mellerud = Municipality.objects.get(slug="mellerud")
    amal_permit = EService.objects.get(municipality__slug="amal", kind="bygglov")
    response = admin.post(
        reverse("case_api_clients:add"),
        {"name": "Blandat", "municipality": mellerud.pk, "eservices": [amal_permit.pk]},
    )
    assert response.status_code == 200
    assert not CaseApiClient.objects.filter(name="Blandat").exists()
    assert "Välj bara e-tjänster i Mellerud" in response.content.decode()


def test_an_editor_without_the_permission_cannot_register_systems(client):
    from django.contrib.auth.models import Permission

    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in_for_admin(client, editor)
    assert client.get(reverse("case_api_clients:index")).status_code in (302, 403)
    assert client.get(reverse("case_api_clients:add")).status_code in (302, 403)


def test_an_administrator_reads_the_webhook_deliveries_and_cannot_change_them(admin, client):
    from eservices.api.models import WebhookDelivery

    from .factories import make_client

    registered, _client_id, _secret = make_client(
        "Mellerud ByggR", "mellerud", "bygglov", webhook_url="https://byggr.example/hooks"
    )
    WebhookDelivery.objects.create(
        client=registered,
        event=WebhookDelivery.Event.SUBMITTED,
        payload={"type": "case.submitted", "data": {"reference": "BYG-1461-2026-00042"}},
        attempts=3,
        last_error="HTTP 503",
    )

    page = client.get("/admin/case_api_webhooks/")

    assert page.status_code == 200
    html = page.content.decode()
    for shown in ("Mellerud ByggR", "Ansökan inskickad", "BYG-1461-2026-00042", "HTTP 503"):
        assert shown in html
    assert "/admin/case_api_webhooks/new/" not in html
    assert client.get("/admin/case_api_webhooks/new/").status_code == 404


def test_a_handler_does_not_see_the_webhook_deliveries(client):
    from eservices.tests.test_end_place import handler

    sign_in_for_admin(client, handler("mellerud", "handle_building_permit"))

    assert client.get("/admin/case_api_webhooks/").status_code in (302, 403)
