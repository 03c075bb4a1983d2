"""Begär ut handling: the public form at /diarium/begar-ut/, its receipt, the e-mails to the
registrar and the requester, and the registrars' list in the admin (TF 2 kap. 15–16 §§).

Each test makes its own rows in a register of its own (made-up words, dates in 2031), so the
seeded demo rows and requests do not change what it finds."""

from datetime import timedelta
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from citizen_portal.diary import services
from citizen_portal.diary.models import Document, DocumentRequest, Register
from portal.identity import claims as claimkit
from portal.tests.factories import UserFactory, sign_in_for_admin

from .factories import CaseFactory, DocumentFactory, RegisterFactory

pytestmark = pytest.mark.django_db

FORM_URL = "/diarium/begar-ut/"
RECEIPT_URL = "/diarium/begar-ut/kvitto/"
ADMIN_URL = "/admin/begaran-om-handlingar/"
SECRET_TITLE = "Utredning om Zylofonfamiljen på Storgatan 3"
PRIVATE_NAME = "Anna Zylofonsson"


@pytest.fixture(autouse=True)
def _empty_throttle():
    """The throttle counts in the cache, which outlives a test's transaction."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def register(db):
    return RegisterFactory(registrar_email="registrator.zyl@amal.se")


@pytest.fixture
def case(register):
    return CaseFactory(register=register, case_number="ZYL 2031/7")


def make_document(case, number, title="Ansökan om bygglov", **fields) -> Document:
    return DocumentFactory(
        case=case, document_number=f"{case.case_number}-{number}", title=title, **fields
    )


@pytest.fixture
def document(case):
    return make_document(case, 1, party="Zylofon Fastigheter AB", party_type="organisation")


@pytest.fixture
def secret_document(case):
    return make_document(case, 2, title="", secrecy="OSL 26 kap. 1 §")


@pytest.fixture
def private_document(case):
    # As the import stores it: a private individual's name is never kept (publication.py).
    return make_document(case, 3, title="Synpunkter från granne", party_type="private")


def text_of(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def general_data(chosen_register, /, **overrides) -> dict:
    """A request for something not in the web diary, in `chosen_register`."""
    data = {
        "municipality": chosen_register.municipality.slug,
        "register": str(chosen_register.pk),
        "case_number": "",
        "description": "Protokollet från Zylofonnämndens möte i mars 2031.",
        "access": "read",
        "name": "",
        "email": "",
        "postal_address": "",
        "phone": "",
        "website": "",
    }
    return {**data, **overrides}


# --- Storing and routing -----------------------------------------------------------------


def test_a_request_is_stored_before_the_email_which_waits_for_the_commit(
    client, document, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(
            f"{FORM_URL}?handling={document.pk}", {"access": "read", "description": ""}
        )

    assert response.status_code == 302
    assert response["Location"] == RECEIPT_URL
    stored = DocumentRequest.objects.get(document=document)
    assert stored.reference.startswith(f"BEG-{timezone.localdate().year}-")
    assert stored.municipality == document.municipality
    assert stored.register == document.register
    assert stored.case == document.case
    assert (stored.case_number, stored.document_number, stored.document_title) == (
        "ZYL 2031/7",
        "ZYL 2031/7-1",
        "Ansökan om bygglov",
    )
    assert stored.status == DocumentRequest.Status.NEW
    assert mail.outbox == [], "the e-mail went before the request was committed"
    assert len(callbacks) == 1, "only the registrar's e-mail: no address was given"

    for callback in callbacks:
        callback()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["registrator.zyl@amal.se"]
    assert stored.reference in message.subject
    for expected in ("ZYL 2031/7-1", "Ansökan om bygglov", "Ombyggnad av Zylofonhallen"):
        assert expected in message.body
    assert "Läsa handlingen på plats" in message.body
    assert f"/admin/begaran-om-handlingar/edit/{stored.pk}/" in message.body


def test_without_a_registrar_address_the_request_goes_to_the_municipality(
    client, register, django_capture_on_commit_callbacks
):
    register.registrar_email = ""
    register.save()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(FORM_URL, general_data(register))

    assert [message.to for message in mail.outbox] == [[register.municipality.email]]
    assert "Protokollet från Zylofonnämndens möte" in mail.outbox[0].body


def test_the_requester_gets_a_confirmation_with_the_reference_only_when_they_gave_an_address(
    client, register, django_capture_on_commit_callbacks
):
    data = general_data(
        register,
        access="electronic",
        name="Zelda Zylofon",
        email="zelda@example.org",
        phone="070-123 45 67",
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(FORM_URL, data)

    stored = DocumentRequest.objects.get(register=register)
    to_registrar, confirmation = mail.outbox
    assert to_registrar.to == ["registrator.zyl@amal.se"]
    assert "zelda@example.org" in to_registrar.body and "Zelda Zylofon" in to_registrar.body
    assert confirmation.to == ["zelda@example.org"]
    assert stored.reference in confirmation.subject and stored.reference in confirmation.body
    for contact_detail in ("Zelda Zylofon", "070-123 45 67", "zelda@example.org"):
        assert contact_detail not in confirmation.body


def test_a_failing_email_loses_nothing(client, register, django_capture_on_commit_callbacks):
    from portal.models import OutgoingEmail

    with (
        mock.patch(
            "django.core.mail.backends.locmem.EmailBackend.send_messages",
            side_effect=OSError("no server"),
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(FORM_URL, general_data(register), follow=True)

    assert response.status_code == 200
    stored = DocumentRequest.objects.get(register=register)
    assert stored.reference in text_of(response)
    (unsent,) = OutgoingEmail.objects.filter(key=f"document-request:{stored.reference}:registrar")
    assert unsent.sent_at is None and "no server" in unsent.last_error, "kept for another try"


def test_references_are_numbered_per_year():
    year = 2031
    first = DocumentRequest.next_reference(year)
    assert first == "BEG-2031-00001"

    register = Register.objects.filter(municipality__slug="mellerud").first()
    DocumentRequest.objects.create(
        reference="BEG-2031-00041",
        municipality=register.municipality,
        register=register,
        access="read",
    )

    assert DocumentRequest.next_reference(year) == "BEG-2031-00042"
    assert DocumentRequest.next_reference(2032) == "BEG-2032-00001"


def test_a_general_request_is_linked_to_the_case_whose_number_was_typed(client, case):
    client.post(FORM_URL, general_data(case.register, case_number="  ZYL  2031/7 "))

    stored = DocumentRequest.objects.get(register=case.register)
    assert stored.case == case
    assert stored.case_number == "ZYL 2031/7"
    assert stored.case_title == "Ombyggnad av Zylofonhallen"


def test_what_was_asked_for_survives_a_reimport_that_replaces_the_rows(client, document):
    client.post(f"{FORM_URL}?handling={document.pk}", {"access": "read"})

    document.case.delete()

    stored = DocumentRequest.objects.get(register=document.register)
    assert stored.document is None and stored.case is None
    assert (stored.case_number, stored.document_number, stored.document_title) == (
        "ZYL 2031/7",
        "ZYL 2031/7-1",
        "Ansökan om bygglov",
    )


# --- Publication rules ---------------------------------------------------------------------


def test_a_secret_documents_title_is_never_stored_or_shown(
    client, secret_document, django_capture_on_commit_callbacks
):
    # The title a careless export might still carry; the import would have emptied it.
    Document.objects.filter(pk=secret_document.pk).update(title=SECRET_TITLE)
    url = f"{FORM_URL}?handling={secret_document.pk}"

    form_page = client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        receipt = client.post(url, {"access": "read"}, follow=True)

    stored = DocumentRequest.objects.get(document=secret_document)
    assert stored.document_title == "Sekretessmarkerad handling (OSL 26 kap. 1 §)"
    assert "Sekretessmarkerad handling (OSL 26 kap. 1 §)" in text_of(form_page)
    for page in (form_page, receipt):
        assert "Zylofonfamiljen" not in page.content.decode()
    assert "Zylofonfamiljen" not in mail.outbox[0].body


def test_a_private_partys_name_is_never_shown(client, private_document):
    # Even if a name slipped into the row, the form does not show the party at all.
    Document.objects.filter(pk=private_document.pk).update(party=PRIVATE_NAME)

    response = client.get(f"{FORM_URL}?handling={private_document.pk}")

    assert response.status_code == 200
    assert "Synpunkter från granne" in text_of(response)
    assert "Zylofonsson" not in response.content.decode()


# --- The form ------------------------------------------------------------------------------


def test_the_form_says_anyone_may_be_anonymous_and_need_not_give_reasons(client):
    page = text_of(client.get(FORM_URL))

    assert "Du får vara anonym" in page
    assert "behöver inte tala om varför" in page


def test_a_document_row_prefills_municipality_register_and_numbers(client, document):
    response = client.get(f"{FORM_URL}?handling={document.pk}")

    form = response.context["form"]
    assert "municipality" not in form.fields and "register" not in form.fields
    assert not form.fields["description"].required
    page = text_of(response)
    for expected in ("Åmåls kommun", "Zylofonnämnden (ZYL)", "ZYL 2031/7-1", "Ansökan om bygglov"):
        assert expected in page


def test_a_missing_document_leaves_the_general_form_with_a_note(client):
    response = client.get(f"{FORM_URL}?handling=999999999")

    assert response.status_code == 200
    assert "municipality" in response.context["form"].fields
    assert "Vi hittade inte den handlingen" in text_of(response)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"description": ""}, "description", "Beskriv vilken handling du vill ta del av."),
        ({"access": ""}, "access", "Välj hur du vill ta del av handlingen."),
        (
            {"access": "electronic"},
            "email",
            "Skriv din e-postadress: dit skickas den elektroniska kopian.",
        ),
        ({"access": "paper"}, "postal_address", "Skriv din postadress: dit skickas kopian"),
        ({"email": "zelda-at-example"}, "email", "Skriv e-postadressen som namn@exempel.se."),
        ({"phone": "ring mig"}, "phone", "Skriv telefonnumret med siffror"),
        ({"register": ""}, "register", "Välj nämnd eller diarium."),
    ],
)
def test_bad_input_is_explained_at_the_field_and_in_the_summary_and_kept(
    client, register, overrides, field, message
):
    data = general_data(register, name="Zelda Zylofon", **overrides)

    response = client.post(FORM_URL, data)

    assert response.status_code == 200
    assert not DocumentRequest.objects.filter(register=register).exists()
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.title.get_text().startswith("Fel:")
    summary = soup.select_one(".error-summary")
    link = summary.find("a", href=f"#id_{field}") or summary.find("a", href=f"#id_{field}_0")
    assert link is not None and message in link.get_text()
    assert message in soup.select_one(f"#id_{field}_error").get_text()
    assert soup.select_one("#id_name")["value"] == "Zelda Zylofon"
    if field != "description":
        assert "Zylofonnämndens möte" in soup.select_one("#id_description").get_text()


def test_a_register_of_another_municipality_is_refused(client, register):
    mellerud_register = Register.objects.filter(municipality__slug="mellerud").first()

    response = client.post(FORM_URL, general_data(register, register=str(mellerud_register.pk)))

    assert "register" in response.context["form"].errors
    assert "Välj en nämnd hos Åmåls kommun" in text_of(response)
    assert not DocumentRequest.objects.filter(register=mellerud_register).exists()


def test_a_filled_honeypot_gets_a_calm_error_and_nothing_is_stored(client, register):
    before = DocumentRequest.objects.count()

    response = client.post(FORM_URL, general_data(register, website="https://spam.example"))

    assert response.status_code == 200
    assert DocumentRequest.objects.count() == before
    assert "Vi kunde inte ta emot begäran" in text_of(response)
    assert mail.outbox == []


def test_the_honeypot_is_hidden_labelled_and_out_of_the_tab_order(client):
    soup = BeautifulSoup(client.get(FORM_URL).content, "html.parser")

    honeypot = soup.select_one("#id_website")
    assert honeypot["tabindex"] == "-1"
    assert honeypot["autocomplete"] == "off"
    assert soup.select_one('label[for="id_website"]').get_text() == "Lämna det här fältet tomt"
    assert "visually-hidden" in honeypot.parent["class"]


def test_too_many_requests_from_one_address_are_refused_with_a_clear_message(
    client, register, monkeypatch
):
    monkeypatch.setattr(services, "REQUESTS_PER_WINDOW", 2)
    for _request in range(2):
        assert client.post(FORM_URL, general_data(register)).status_code == 302

    response = client.post(FORM_URL, general_data(register, name="Zelda Zylofon"))

    assert response.status_code == 429
    assert "Du har skickat många begäranden på kort tid" in text_of(response)
    assert DocumentRequest.objects.filter(register=register).count() == 2
    assert response.context["form"]["name"].value() == "Zelda Zylofon"
    other_address = client.post(FORM_URL, general_data(register), REMOTE_ADDR="192.0.2.77")
    assert other_address.status_code == 302


# --- The receipt ---------------------------------------------------------------------------


def test_the_receipt_shows_the_reference_what_was_asked_and_where_it_went(client, document):
    response = client.post(
        f"{FORM_URL}?handling={document.pk}",
        {"access": "paper", "postal_address": "Box 7, 662 22 Åmål", "written_decision": "on"},
        follow=True,
    )

    stored = DocumentRequest.objects.get(document=document)
    assert response.status_code == 200
    page = text_of(response)
    assert stored.reference in page
    assert stored.written_decision
    for expected in (
        "ZYL 2031/7-1",
        "Ansökan om bygglov",
        "Kopia på papper",
        "registratorn hos Åmåls kommun",
        "registrator.zyl@amal.se",
        "normalt samma dag",
        "2 kap. 15–16 §",
    ):
        assert expected in page


def test_the_receipt_is_only_for_the_session_that_made_the_request(client, register):
    client.post(FORM_URL, general_data(register))
    stored = DocumentRequest.objects.get(register=register)
    assert stored.reference in text_of(client.get(RECEIPT_URL))

    client.logout()  # a new session, as another browser would have
    response = client.get(RECEIPT_URL)

    assert response.status_code == 404
    assert "Inget kvitto att visa" in text_of(response)
    assert stored.reference not in response.content.decode()


# --- The case page -------------------------------------------------------------------------


def test_the_case_page_links_each_document_and_the_whole_case_to_the_form(
    client, document, secret_document
):
    response = client.get(
        reverse("diary_case", args=["amal", "ZYL", "ZYL 2031/7"]),
    )

    soup = BeautifulSoup(response.content, "html.parser")
    row_link = soup.select_one(f"#handling-{document.pk} a[href]")
    assert row_link["href"] == f"{FORM_URL}?handling={document.pk}"
    # The accessible name says which document: the number is there, visually hidden.
    assert " ".join(row_link.get_text(" ").split()) == "Begär ut handling ZYL 2031/7-1"
    case_link = soup.select_one(f'#begar-ut a[href="{FORM_URL}?arende={document.case.pk}"]')
    assert case_link is not None
    assert soup.select_one('#begar-ut a[href^="mailto:registrator.zyl@amal.se"]') is not None


def test_a_whole_case_request_keeps_the_case_and_asks_what_of_it(client, case):
    url = f"{FORM_URL}?arende={case.pk}"
    assert client.get(url).context["form"]["description"].value() == "Alla handlingar i ärendet."

    client.post(url, {"access": "read", "description": "Alla handlingar i ärendet."})

    stored = DocumentRequest.objects.get(case=case)
    assert stored.document is None and stored.case_number == "ZYL 2031/7"


def test_the_search_page_links_the_request_form_and_the_postlista(client):
    soup = BeautifulSoup(client.get("/diarium/").content, "html.parser")

    assert soup.select_one(f'main a[href="{FORM_URL}"]') is not None
    assert soup.select_one('main a[href="/diarium/postlista/"]') is not None


# --- The registrars' admin -----------------------------------------------------------------


def make_request(register, *, created_at, status=DocumentRequest.Status.NEW, **fields):
    return DocumentRequest.objects.create(
        reference=fields.pop("reference", None) or DocumentRequest.next_reference(created_at.year),
        municipality=register.municipality,
        register=register,
        access="read",
        description="Protokoll",
        created_at=created_at,
        status=status,
        handled_at=created_at + timedelta(hours=2) if status == "handled" else None,
        **fields,
    )


def registrar_in(municipality_slug: str):
    """An employee with the role as single sign-on gives it."""
    user = UserFactory()
    claimkit.apply_employee_claims(
        user,
        claimkit.employee_claims(
            {"municipality": municipality_slug, "roles": ["registrator"], "network": ""}
        ),
    )
    return user


def listed_references(response) -> list[str]:
    return [document_request.reference for document_request in response.context["object_list"]]


def test_the_admin_list_puts_todays_open_first_then_overdue_oldest_first_then_handled(
    client, register
):
    DocumentRequest.objects.all().delete()
    now = timezone.now()
    today_early = timezone.localtime(now).replace(hour=0, minute=1)
    handled = make_request(register, created_at=now - timedelta(days=1), status="handled")
    overdue_2 = make_request(register, created_at=now - timedelta(days=2))
    today = make_request(register, created_at=max(today_early, now - timedelta(minutes=1)))
    overdue_5 = make_request(register, created_at=now - timedelta(days=5), status="in_progress")
    sign_in_for_admin(client, UserFactory(is_superuser=True))

    response = client.get(ADMIN_URL)

    assert response.status_code == 200
    assert listed_references(response) == [
        today.reference,
        overdue_5.reference,
        overdue_2.reference,
        handled.reference,
    ]
    page = text_of(response)
    assert "inkom för 5 dagar sedan" in page
    assert "inkom för 2 dagar sedan" in page


def test_a_registrar_sees_only_their_own_municipalitys_requests(client, register):
    mellerud_register = Register.objects.filter(municipality__slug="mellerud").first()
    now = timezone.now()
    amal_request = make_request(register, created_at=now)
    mellerud_request = make_request(mellerud_register, created_at=now)
    registrar = registrar_in("mellerud")
    assert registrar.has_perm("diary.change_documentrequest")
    sign_in_for_admin(client, registrar)

    listing = client.get(ADMIN_URL)
    assert listing.status_code == 200
    references = listed_references(listing)
    assert mellerud_request.reference in references
    assert amal_request.reference not in references
    assert all(reference.startswith("BEG-") for reference in references)
    assert set(
        DocumentRequest.objects.filter(reference__in=references).values_list(
            "municipality__slug", flat=True
        )
    ) == {"mellerud"}

    assert client.get(f"{ADMIN_URL}edit/{mellerud_request.pk}/").status_code == 200
    for view in ("edit", "inspect", "history", "delete"):
        assert client.get(f"{ADMIN_URL}{view}/{amal_request.pk}/").status_code == 404, view
    assert client.post(
        f"{ADMIN_URL}edit/{amal_request.pk}/", {"status": "handled"}
    ).status_code == (404)
    export = client.get(ADMIN_URL, {"export": "csv"})
    assert export.status_code == 200
    exported = b"".join(export.streaming_content).decode()
    assert mellerud_request.reference in exported
    assert amal_request.reference not in exported


def test_an_employee_without_a_profile_sees_no_requests(client, register):
    make_request(register, created_at=timezone.now())
    user = UserFactory()
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "view_documentrequest", "change_documentrequest"]
        )
    )
    sign_in_for_admin(client, user)

    assert listed_references(client.get(ADMIN_URL)) == []


def test_handling_a_request_stamps_who_and_when(client, register):
    document_request = make_request(register, created_at=timezone.now())
    registrar = registrar_in("amal")
    sign_in_for_admin(client, registrar)
    url = f"{ADMIN_URL}edit/{document_request.pk}/"

    response = client.post(url, {"status": "handled", "internal_note": "Skickad med e-post."})

    assert response.status_code == 302
    document_request.refresh_from_db()
    assert document_request.status == DocumentRequest.Status.HANDLED
    assert document_request.handled_by == registrar
    assert document_request.handled_at is not None
    assert document_request.internal_note == "Skickad med e-post."
    # What the resident asked for cannot be changed here.
    client.post(url, {"status": "in_progress", "internal_note": "", "description": "Annat"})
    document_request.refresh_from_db()
    assert document_request.description == "Protokoll"
    assert document_request.handled_at is None and document_request.handled_by is None


def test_the_admin_home_counts_todays_requests_for_registrars(client, register):
    make_request(register, created_at=timezone.now())
    sign_in_for_admin(client, registrar_in("amal"))

    page = text_of(client.get("/admin/"))

    assert "Begäranden att hantera" in page
    assert "i dag" in page


# --- The demo ------------------------------------------------------------------------------


def test_the_demo_has_requests_of_today_overdue_and_handled_and_seeds_them_once():
    import io

    from citizen_portal.diary.demo import seed_document_requests

    requests = DocumentRequest.objects.all()
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    assert requests.values("municipality").distinct().count() >= 4
    assert requests.filter(created_at__gte=today).exclude(status="handled").exists()
    assert requests.filter(created_at__lt=today).exclude(status="handled").exists()
    assert requests.filter(status="handled", handled_at__isnull=False).exists()
    secret = requests.filter(document__secrecy__gt="").first()
    assert secret is not None and secret.document_title.startswith("Sekretessmarkerad handling")
    count = requests.count()

    seed_document_requests(io.StringIO(), None)

    assert DocumentRequest.objects.count() == count
