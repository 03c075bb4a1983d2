"""*Dokumentregister* in the admin: editing rights per municipality, in every view's query.

An editor (role redaktor) of Mellerud keeps Mellerud's documents; Åmål's are 404 to them, in
every view and the export; the shared ones only with manage_shared_documents."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from employee_portal.documents.models import RegisterDocument
from portal.identity import claims as claimkit
from portal.tests.factories import UserFactory, sign_in_for_admin

from .factories import PDF, RegisterDocumentFactory, municipality

pytestmark = pytest.mark.django_db

ADMIN_URL = "/admin/dokumentregister/"


def editor_in(slug: str, *, shared: bool = False):
    """An employee with the role redaktor, as single sign-on gives it."""
    user = UserFactory()
    claimkit.apply_employee_claims(
        user, claimkit.employee_claims({"municipality": slug, "roles": ["redaktor"], "network": ""})
    )
    if shared:
        user.user_permissions.add(Permission.objects.get(codename="manage_shared_documents"))
    return type(user).objects.get(pk=user.pk)  # no cached permissions


def listed(response) -> list[int]:
    return [document.pk for document in response.context["object_list"]]


def form_data(**overrides) -> dict:
    data = {
        "title": "Rutin för utlåning av bilar",
        "description": "Hur du bokar och lämnar tillbaka kommunens bilar.",
        "category": "rutin",
        "municipality": str(municipality("mellerud").pk),
        "department": "",
        "owner": "Fordonssamordnare, Melleruds kommun",
        "owner_email": "fordon@mellerud.se",
        "decided_by": "",
        "version": "1.0",
        "valid_until": (timezone.localdate() + datetime.timedelta(days=200)).isoformat(),
        "file": SimpleUploadedFile("bilar.pdf", PDF, content_type="application/pdf"),
    }
    data.update(overrides)
    return data


@pytest.fixture
def documents():
    return {
        "mellerud": RegisterDocumentFactory(
            title="Mellerudsrutin för provning", municipality=municipality("mellerud")
        ),
        "amal": RegisterDocumentFactory(
            title="Åmålsrutin för provning", municipality=municipality("amal")
        ),
        "shared": RegisterDocumentFactory(title="Gemensam rutin för provning", municipality=None),
    }


def test_the_role_redaktor_may_keep_the_register(client):
    editor = editor_in("mellerud")

    for action in ("view", "add", "change", "delete"):
        assert editor.has_perm(f"employee_documents.{action}_registerdocument"), action
    assert not editor.has_perm("employee_documents.manage_shared_documents")


def test_an_editor_sees_only_their_own_municipalitys_documents(client, documents):
    sign_in_for_admin(client, editor_in("mellerud"))

    response = client.get(ADMIN_URL)

    assert response.status_code == 200
    found = listed(response)
    assert documents["mellerud"].pk in found
    assert documents["amal"].pk not in found
    assert documents["shared"].pk not in found
    assert set(
        RegisterDocument.objects.filter(pk__in=found).values_list("municipality__slug", flat=True)
    ) == {"mellerud"}


def test_another_municipalitys_document_is_404_in_every_view_and_left_out_of_the_export(
    client, documents
):
    sign_in_for_admin(client, editor_in("mellerud"))
    amal = documents["amal"]

    assert client.get(f"{ADMIN_URL}edit/{documents['mellerud'].pk}/").status_code == 200
    for view in ("edit", "inspect", "history", "delete", "usage", "fil"):
        assert client.get(f"{ADMIN_URL}{view}/{amal.pk}/").status_code == 404, view
        assert client.get(f"{ADMIN_URL}{view}/{documents['shared'].pk}/").status_code == 404, view
    assert client.post(f"{ADMIN_URL}edit/{amal.pk}/", form_data()).status_code == 404
    assert client.post(f"{ADMIN_URL}delete/{amal.pk}/").status_code == 404
    assert RegisterDocument.objects.filter(pk=amal.pk, title=amal.title).exists()

    export = client.get(ADMIN_URL, {"export": "csv"})
    assert export.status_code == 200
    exported = b"".join(export.streaming_content).decode()
    assert documents["mellerud"].title in exported
    assert amal.title not in exported
    assert documents["shared"].title not in exported


def test_an_editor_adds_a_document_for_their_own_municipality_and_is_recorded(client):
    editor = editor_in("mellerud")
    sign_in_for_admin(client, editor)

    response = client.post(f"{ADMIN_URL}new/", form_data())

    assert response.status_code == 302, response.context["form"].errors
    document = RegisterDocument.objects.get(title="Rutin för utlåning av bilar")
    assert document.municipality.slug == "mellerud"
    assert document.updated_by == editor
    assert document.file.read() == PDF


def test_an_editor_cannot_add_a_document_for_another_municipality(client):
    sign_in_for_admin(client, editor_in("mellerud"))

    response = client.post(f"{ADMIN_URL}new/", form_data(municipality=str(municipality("amal").pk)))

    assert response.status_code == 200
    assert response.context["form"].errors["municipality"] == [
        "Du kan bara lägga in dokument för din egen kommun."
    ]
    assert not RegisterDocument.objects.filter(title="Rutin för utlåning av bilar").exists()


def test_an_editor_cannot_move_their_document_to_another_municipality(client, documents):
    sign_in_for_admin(client, editor_in("mellerud"))
    mellerud = documents["mellerud"]

    response = client.post(
        f"{ADMIN_URL}edit/{mellerud.pk}/",
        form_data(municipality=str(municipality("amal").pk), file=""),
    )

    assert response.status_code == 200
    assert "municipality" in response.context["form"].errors
    mellerud.refresh_from_db()
    assert mellerud.municipality.slug == "mellerud"


def test_the_form_offers_only_the_own_municipality_without_the_shared_permission(client):
    sign_in_for_admin(client, editor_in("mellerud"))

    field = client.get(f"{ADMIN_URL}new/").context["form"].fields["municipality"]

    assert [m.slug for m in field.queryset] == ["mellerud"]
    assert field.required
    assert field.empty_label is None


def test_a_shared_document_needs_the_shared_permission(client, documents):
    sign_in_for_admin(client, editor_in("mellerud"))
    response = client.post(f"{ADMIN_URL}new/", form_data(municipality=""))
    assert "municipality" in response.context["form"].errors
    assert not RegisterDocument.objects.filter(title="Rutin för utlåning av bilar").exists()

    editor = editor_in("mellerud", shared=True)
    sign_in_for_admin(client, editor)
    field = client.get(f"{ADMIN_URL}new/").context["form"].fields["municipality"]
    assert field.empty_label == "Gemensamt för hela Dalsland"
    response = client.post(f"{ADMIN_URL}new/", form_data(municipality=""))

    assert response.status_code == 302
    assert RegisterDocument.objects.get(title="Rutin för utlåning av bilar").municipality is None
    found = listed(client.get(ADMIN_URL))
    assert documents["shared"].pk in found
    assert documents["mellerud"].pk in found
    assert documents["amal"].pk not in found
    assert client.get(f"{ADMIN_URL}edit/{documents['shared'].pk}/").status_code == 200
    assert client.get(f"{ADMIN_URL}edit/{documents['amal'].pk}/").status_code == 404


def test_a_superuser_sees_every_document_and_expired_ones_are_marked(client, documents):
    expired = RegisterDocumentFactory(
        title="Utgången rutin för provning",
        valid_until=timezone.localdate() - datetime.timedelta(days=3),
    )
    sign_in_for_admin(client, UserFactory(is_superuser=True))

    response = client.get(ADMIN_URL, {"validity": "utgangna"})

    assert expired.pk in listed(response)
    assert documents["amal"].pk not in listed(response)
    assert "Har gått ut" in response.content.decode()
    found = listed(client.get(ADMIN_URL, {"q": "provning"}))
    assert {d.pk for d in documents.values()} | {expired.pk} <= set(found)


def test_the_editor_can_fetch_the_file_of_their_own_expired_document(client):
    expired = RegisterDocumentFactory(
        municipality=municipality("mellerud"),
        valid_until=timezone.localdate() - datetime.timedelta(days=3),
    )
    sign_in_for_admin(client, editor_in("mellerud"))

    inspect = client.get(f"{ADMIN_URL}inspect/{expired.pk}/")
    assert inspect.status_code == 200
    assert f'href="{ADMIN_URL}fil/{expired.pk}/"' in inspect.content.decode()

    response = client.get(f"{ADMIN_URL}fil/{expired.pk}/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["X-Content-Type-Options"] == "nosniff"
