"""`/sok/` lists pages, documents and diary entries together, and nothing an anonymous visitor
may not see: not employee pages, not documents of restricted collections or linked only from
employee pages, not what the diary's publication rules hold back, not an employee page an
editor promoted by mistake."""

import pytest
from django.core.files.base import ContentFile
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Locale

from citizen_portal.diary.importer import import_rows
from citizen_portal.models import InformationPage, ServicePage
from employee_portal.models import EmployeeHomePage
from employee_portal.tests.factories import EmployeeInformationPageFactory
from search.views import KIND_DIARY, KIND_DOCUMENTS, KIND_PAGES, CombinedResults

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def results(client, **params):
    response = client.get("/sok/", params)
    assert response.status_code == 200
    return response, list(response.context["results_page"].object_list)


def test_a_printable_form_is_found_as_a_document_with_its_file_type(client):
    response, found = results(client, q="värmepump")

    documents = [r for r in found if r.kind == KIND_DOCUMENTS]
    assert documents, "the printable heat pump form was not found"
    assert documents[0].file_type == "PDF"
    assert documents[0].url.encode() in response.content


def test_the_type_filter_keeps_to_one_kind_and_the_counts_stay(client):
    response, found = results(client, q="parkeringstillstånd", typ=KIND_DIARY)

    assert found and {r.kind for r in found} == {KIND_DIARY}
    counts = {kind["value"]: kind["count"] for kind in response.context["kinds"]}
    assert counts[KIND_PAGES] > 0 and counts[KIND_DIARY] > 0


def test_a_diary_count_that_stops_says_there_are_more(client, monkeypatch):
    monkeypatch.setattr("search.views.MAX_COUNTED", 2)
    response, _found = results(client, q="bygglov")

    diary = next(kind for kind in response.context["kinds"] if kind["value"] == KIND_DIARY)
    assert diary["count"] == 2 and diary["more"]
    assert "Diariet (2+)" in response.content.decode()
    pages = next(kind for kind in response.context["kinds"] if kind["value"] == KIND_PAGES)
    assert not pages["more"]


def test_diary_entries_keep_to_the_chosen_municipality(client):
    _response, found = results(client, q="bygglov", typ=KIND_DIARY, kommun="mellerud")

    assert found
    assert all(r.url.startswith("/diarium/mellerud/") for r in found)


def test_what_the_diary_holds_back_cannot_be_searched_for(client):
    import_rows(
        lambda: [
            {
                "municipality": "amal",
                "register": "KS",
                "case_number": "2099-00777",
                "case_title": "Tillsyn enligt miljöbalken",
                "document_number": "2099-00777-1",
                "document_title": "Anmälan om buller, fastighetsägare 19121212-1212",
                "registered_date": "2026-11-02",
                "direction": "in",
                "party": "Zebulon Qwertysson",
                "party_type": "private",
            },
            {
                "municipality": "amal",
                "register": "KS",
                "case_number": "2099-00777",
                "case_title": "Tillsyn enligt miljöbalken",
                "document_number": "2099-00777-2",
                "document_title": "Utredning om familjen Xylokvist",
                "registered_date": "2026-11-03",
                "direction": "internal",
                "secrecy": "OSL 26 kap. 1 §",
            },
        ]
    )

    for hidden in ["Qwertysson", "Xylokvist", "191212121212", "19121212-1212"]:
        _response, found = results(client, q=hidden)
        assert not found, f"/sok/?q={hidden} found {[r.title for r in found]}"

    response, found = results(client, q="tillsyn miljöbalken", typ=KIND_DIARY, kommun="amal")
    titles = [r.title for r in found if "2099-00777" in r.text]
    assert "Sekretessmarkerad handling (OSL 26 kap. 1 §)" in titles
    assert "Anmälan om buller, fastighetsägare [personnummer borttaget]" in titles
    for hidden in [b"Qwertysson", b"Xylokvist", b"19121212-1212"]:
        assert hidden not in response.content


def test_employee_pages_are_never_found_or_suggested(client):
    home = EmployeeHomePage.objects.filter(locale__language_code="sv").first()
    page = EmployeeInformationPageFactory(parent=home, title="Zorbaskolans krisplan")
    page.save_revision().publish()

    _response, found = results(client, q="Zorbaskolans krisplan")
    assert not found

    suggested = client.get("/sok/forslag/", {"q": "Zorbas"}).json()["suggestions"]
    assert suggested == []


def _documents_linked_from(page, *documents):
    """Link the documents, (title, collection) pairs, from the page's body and publish it."""
    created = [
        get_document_model().objects.create(
            title=title, collection=collection, file=ContentFile(PDF, name="blankett.pdf")
        )
        for title, collection in documents
    ]
    if hasattr(page, "apply"):  # a service page: its "how to apply" links the forms
        page.apply = [("document", {"document": d, "title": ""}) for d in created]
    else:  # a rich text link, as an editor of an employee page would make one
        links = "".join(f'<a linktype="document" id="{d.pk}">{d.title}</a>' for d in created)
        page.body = [("paragraph", f"<p>{links}</p>")]
    page.save_revision().publish()
    return created


def _public_service_page():
    return ServicePage.objects.live().filter(locale__language_code="sv").first()


def test_a_document_in_a_restricted_collection_is_not_found(client):
    root = Collection.get_first_root_node()
    internal = root.add_child(name="Interna rutiner")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.LOGIN
    )
    service = _public_service_page()
    _documents_linked_from(
        service,
        ("Qwixlerrutin för kassahantering", internal),
        ("Qwixlerblankett för anmälan", root),
    )

    _response, public = results(client, q="Qwixlerblankett")
    _response, restricted = results(client, q="Qwixlerrutin")

    assert [r.title for r in public] == ["Qwixlerblankett för anmälan"]
    assert restricted == []


def test_a_document_linked_only_from_an_employee_page_is_not_found(client):
    home = EmployeeHomePage.objects.filter(locale__language_code="sv").first()
    page = EmployeeInformationPageFactory(parent=home, title="Rutiner för kassan")
    page.save_revision().publish()
    _documents_linked_from(
        page, ("Qwixlerinstruktion för kassan", Collection.get_first_root_node())
    )

    _response, found = results(client, q="Qwixlerinstruktion")

    assert not found
    # The same kind of link from a public page does publish a document.
    public = InformationPage.objects.live().public().filter(locale__language_code="sv").first()
    _documents_linked_from(
        public, ("Qwixlerinstruktion för besökare", Collection.get_first_root_node())
    )
    _response, found = results(client, q="Qwixlerinstruktion")
    documents = [r.title for r in found if r.kind == KIND_DOCUMENTS]
    assert documents == ["Qwixlerinstruktion för besökare"]


def test_a_promoted_page_comes_first_and_an_employee_page_is_never_promoted(client):
    service = _public_service_page()
    home = EmployeeHomePage.objects.filter(locale__language_code="sv").first()
    query = Query.get("regler för bygglov")
    query.editors_picks.all().delete()  # the demo's own (search/demo.py)
    SearchPromotion.objects.create(query=query, page=home, sort_order=0, description="Internt")
    SearchPromotion.objects.create(
        query=query, page=service, sort_order=1, description="Så söker du bygglov"
    )

    response = client.get("/sok/", {"q": "Regler för  bygglov"})

    promotions = response.context["promotions"]
    assert [r.page.pk for r in promotions] == [service.pk]
    assert promotions[0].text == "Så söker du bygglov"
    assert b"Rekommenderat" in response.content
    assert home.url.encode() not in response.content.split(b'id="search-promotions-heading"')[1]


def test_promotions_are_in_the_visitors_language(client):
    english = ServicePage.objects.live().filter(locale=Locale.objects.get(language_code="en"))
    swedish = _public_service_page()
    SearchPromotion.objects.create(query=Query.get("förskola"), page=swedish, sort_order=0)

    response = client.get("/en/sok/", {"q": "förskola"})

    assert english.exists()
    assert response.context["promotions"] == []


def test_suggestions_are_public_page_titles_beginning_like_the_words(client):
    data = client.get("/sok/forslag/", {"q": "försk"}).json()

    assert data["suggestions"]
    for suggestion in data["suggestions"]:
        assert any(word.lower().startswith("försk") for word in suggestion["title"].split())
    assert client.get("/sok/forslag/", {"q": "f"}).json()["suggestions"] == []


class FakeKind:
    def __init__(self, name, count):
        self.name, self.count = name, count

    def slice(self, start, stop):
        return [f"{self.name}{i}" for i in range(start, stop)]


def test_the_combined_list_cuts_pages_across_the_kinds():
    combined = CombinedResults([FakeKind("p", 3), FakeKind("x", 0), FakeKind("d", 4)])

    assert combined.count() == 7
    assert combined[0:2] == ["p0", "p1"]
    assert combined[2:5] == ["p2", "d0", "d1"]
    assert combined[5:10] == ["d2", "d3"]
