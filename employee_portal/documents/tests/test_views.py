"""The register for employees at /medarbetare/dokument/: search, filters, a document's page
and its file, for signed-in employees only; nothing expired, and nothing of it in the public
search or the sitemap."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from employee_portal.documents.models import RegisterDocument
from portal.identity.models import EmployeeProfile
from portal.tests.factories import UserFactory

from .factories import PDF, RegisterDocumentFactory, municipality

pytestmark = pytest.mark.django_db

INDEX_URL = "/medarbetare/dokument/"


def detail_url(document):
    return f"{INDEX_URL}{document.pk}/"


def file_url(document):
    return f"{INDEX_URL}{document.pk}/fil/"


@pytest.fixture
def employee_in(client, employee_group):
    """Signs in an employee of the given municipality and returns the client."""

    def sign_in(slug):
        user = UserFactory(groups=[employee_group])
        EmployeeProfile.objects.create(user=user, municipality=municipality(slug))
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def indexed(django_capture_on_commit_callbacks):
    """Documents made inside this are in the search index (it is updated on commit)."""

    def make(**fields):
        with django_capture_on_commit_callbacks(execute=True):
            return RegisterDocumentFactory(**fields)

    return make


def listed(response) -> list[int]:
    return [document.pk for document in response.context["results_page"].object_list]


# --- Who gets in -------------------------------------------------------------------------------


def test_an_anonymous_visitor_is_sent_to_log_in_from_every_view(client):
    document = RegisterDocumentFactory()

    for url in (INDEX_URL, detail_url(document), file_url(document)):
        response = client.get(url)

        assert response.status_code == 302, url
        assert response["Location"] == f"/accounts/login/?next={url}"


def test_a_signed_in_user_who_is_not_an_employee_is_refused(client):
    document = RegisterDocumentFactory()
    client.force_login(UserFactory())

    for url in (INDEX_URL, detail_url(document), file_url(document)):
        assert client.get(url).status_code == 403, url


def test_the_list_is_for_the_employee_and_kept_by_no_cache(employee_in):
    response = employee_in("amal").get(INDEX_URL)

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    content = response.content.decode()
    assert content.count("<h1") == 1
    assert "<h1>Dokument</h1>" in content


# --- The list, the search and the filters --------------------------------------------------------


def test_by_default_the_list_holds_the_own_municipalitys_and_the_shared_documents(employee_in):
    own = RegisterDocumentFactory(municipality=municipality("mellerud"))
    shared = RegisterDocumentFactory(municipality=None)
    other = RegisterDocumentFactory(municipality=municipality("amal"))

    response = employee_in("mellerud").get(INDEX_URL)

    found = listed(response)
    assert own.pk in found
    assert shared.pk in found
    assert other.pk not in found
    assert response.context["selected_municipality"] == "mellerud"
    assert response.context["results_page"].paginator.count == (
        RegisterDocument.objects.current().for_municipality(municipality("mellerud").pk).count()
    )


def test_all_municipalities_shows_the_others_documents_too(employee_in):
    other = RegisterDocumentFactory(municipality=municipality("amal"))

    response = employee_in("mellerud").get(INDEX_URL, {"kommun": "alla", "sida": "1"})

    assert other.pk in listed(response) or response.context["results_page"].has_next()
    assert response.context["results_page"].paginator.count == (
        RegisterDocument.objects.current().count()
    )


def test_another_municipality_can_be_chosen(employee_in):
    bengtsfors = RegisterDocumentFactory(municipality=municipality("bengtsfors"))
    own = RegisterDocumentFactory(municipality=municipality("mellerud"))

    found = listed(employee_in("mellerud").get(INDEX_URL, {"kommun": "bengtsfors"}))

    assert bengtsfors.pk in found
    assert own.pk not in found


def test_the_category_filter_narrows_the_list(employee_in):
    template = RegisterDocumentFactory(
        municipality=municipality("mellerud"), category=RegisterDocument.Category.TEMPLATE
    )
    routine = RegisterDocumentFactory(
        municipality=municipality("mellerud"), category=RegisterDocument.Category.ROUTINE
    )

    response = employee_in("mellerud").get(INDEX_URL, {"kategori": "mall"})

    found = listed(response)
    assert template.pk in found
    assert routine.pk not in found
    assert {d.category for d in response.context["results_page"].object_list} == {"mall"}


def test_search_finds_words_of_the_title_and_the_owner_and_not_others(employee_in, indexed):
    by_title = indexed(title="Rutin för Zylofonkontroll", municipality=municipality("mellerud"))
    by_owner = indexed(
        title="Riktlinje för fordon",
        owner="Zylofonsamordnare, Melleruds kommun",
        municipality=None,
    )
    unrelated = indexed(title="Mall för kallelse", municipality=municipality("mellerud"))
    client = employee_in("mellerud")

    found = listed(client.get(INDEX_URL, {"q": "Zylofonkontroll"}))
    assert found == [by_title.pk]

    found = listed(client.get(INDEX_URL, {"q": "Zylofonsamordnare"}))
    assert found == [by_owner.pk]
    assert unrelated.pk not in found

    response = client.get(INDEX_URL, {"q": "Zylofonkontroll"})
    assert "1 dokument för ”Zylofonkontroll”" in response.content.decode()


def test_search_keeps_to_the_chosen_municipality(employee_in, indexed):
    amal = indexed(title="Rutin för Xenokvittens", municipality=municipality("amal"))
    client = employee_in("mellerud")

    assert listed(client.get(INDEX_URL, {"q": "Xenokvittens"})) == []
    assert listed(client.get(INDEX_URL, {"q": "Xenokvittens", "kommun": "alla"})) == [amal.pk]


def test_the_list_is_paged_by_sida(employee_in):
    for number in range(25):
        RegisterDocumentFactory(
            title=f"Mall för Paginering {number:02d}",
            municipality=municipality("mellerud"),
            category=RegisterDocument.Category.TEMPLATE,
        )
    client = employee_in("mellerud")

    first = client.get(INDEX_URL, {"kategori": "mall"})
    second = client.get(INDEX_URL, {"kategori": "mall", "sida": "2"})

    assert len(listed(first)) == 20
    assert first.context["results_page"].has_next()
    assert listed(second)
    assert not set(listed(first)) & set(listed(second))
    assert "sida=2" in first.content.decode()


def test_each_row_shows_title_link_category_municipality_owner_and_last_day(employee_in):
    document = RegisterDocumentFactory(
        title="Rutin för Radkontroll",
        municipality=municipality("mellerud"),
        owner="Kanslichef, Melleruds kommun",
        valid_until=datetime.date(2031, 3, 31),
    )

    content = employee_in("mellerud").get(INDEX_URL).content.decode()

    assert f'<a href="{detail_url(document)}">Rutin för Radkontroll</a>' in content
    text = " ".join(BeautifulSoup(content, "html.parser").get_text(" ").split())
    assert (
        "Rutin/instruktion · Melleruds kommun · Ansvarig: Kanslichef, Melleruds kommun · "
        "Gäller till 31 mars 2031"
    ) in text
    assert '<time datetime="2031-03-31">31 mars 2031</time>' in content


# --- Expired documents ---------------------------------------------------------------------------


def test_an_expired_document_is_neither_listed_nor_found_nor_opened(employee_in, indexed):
    expired = indexed(
        title="Rutin för Utgångsprov",
        municipality=municipality("mellerud"),
        valid_until=timezone.localdate() - datetime.timedelta(days=1),
    )
    client = employee_in("mellerud")

    assert expired.pk not in listed(client.get(INDEX_URL, {"kommun": "alla"}))
    assert listed(client.get(INDEX_URL, {"q": "Utgångsprov", "kommun": "alla"})) == []
    assert client.get(detail_url(expired)).status_code == 404
    assert client.get(file_url(expired)).status_code == 404


def test_the_demos_expired_routine_is_hidden_from_employees(employee_in):
    expired = RegisterDocument.objects.expired().get(title="Tillfällig rutin för distansarbete")
    client = employee_in("amal")

    assert expired.pk not in listed(client.get(INDEX_URL, {"kommun": "alla"}))
    assert client.get(detail_url(expired)).status_code == 404


# --- A document and its file ---------------------------------------------------------------------


def test_the_document_page_shows_everything_and_links_the_file_with_type_and_size(employee_in):
    document = RegisterDocumentFactory(
        title="Lönepolicy för provning",
        municipality=municipality("bengtsfors"),
        owner="HR-chef, Bengtsfors kommun",
        owner_email="hr@bengtsfors.se",
        decided_by="Kommunfullmäktige 2024-03-20 § 45",
        version="3.0",
        valid_until=datetime.date(2031, 6, 30),
    )

    response = employee_in("mellerud").get(detail_url(document))

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    content = response.content.decode()
    assert "<h1>Lönepolicy för provning</h1>" in content
    assert 'href="mailto:hr@bengtsfors.se"' in content
    assert f'href="{file_url(document)}"' in content
    text = " ".join(BeautifulSoup(content, "html.parser").get_text(" ").split())
    for fact in (
        "Kategori Rutin/instruktion",
        "Gäller för Bengtsfors kommun",
        "Ansvarig HR-chef, Bengtsfors kommun hr@bengtsfors.se",
        "Beslutat av Kommunfullmäktige 2024-03-20 § 45",
        "Version 3.0",
        "Gäller till 30 juni 2031",
        f"Ladda ner (PDF, {len(PDF)} byte) : Lönepolicy för provning",
    ):
        assert fact in text, fact


def test_the_file_is_a_download_that_is_not_sniffed_or_stored(employee_in):
    document = RegisterDocumentFactory(title="Rutin för nedladdning", version="1.1")

    response = employee_in("mellerud").get(file_url(document))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="rutin-for-nedladdning-v1-1.pdf"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"


def test_a_document_that_does_not_exist_is_404(employee_in):
    client = employee_in("amal")

    assert client.get(f"{INDEX_URL}999999/").status_code == 404
    assert client.get(f"{INDEX_URL}999999/fil/").status_code == 404


# --- Nothing public --------------------------------------------------------------------------


def test_the_public_search_does_not_find_a_register_document(client, employee_group, indexed):
    document = indexed(title="Rutin för Kvastfeningsprov", municipality=None)
    # The document is in the search index: it is the public search that must leave it out.
    assert document.pk in [d.pk for d in RegisterDocument.objects.search("Kvastfeningsprov")]

    for signed_in in (False, True):
        if signed_in:
            client.force_login(UserFactory(groups=[employee_group]))
        response = client.get("/sok/", {"q": "Kvastfeningsprov"})

        assert response.status_code == 200
        assert response.context["total"] == 0
        assert "Rutin för Kvastfeningsprov" not in response.content.decode()
        assert detail_url(document) not in response.content.decode()


def test_the_sitemap_does_not_list_the_register(client):
    document = RegisterDocumentFactory()

    content = client.get("/sitemap.xml").content.decode()

    assert "<loc>" in content
    assert "/medarbetare/dokument/" not in content
    assert detail_url(document) not in content
