"""Employee content never appears in the site search, whatever is searched for: not the demo's
employee pages, not a document in a restricted collection, not an employee page an editor
recommended, in the results (any kind, any result page) or in the suggestions."""

import pytest
from django.core.files.base import ContentFile
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page

from citizen_portal.models import ServicePage
from employee_portal.models import EmployeeOnlyPage
from search import swedish

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
INTERNAL_DOCUMENT = "Krisplan vid strömavbrott för kommunens förskolor"


@pytest.fixture
def employee_content():
    """The demo's employee pages, each also recommended for its own title words, and an
    internal document linked from a public page but kept in a restricted collection."""
    pages = list(Page.objects.type(EmployeeOnlyPage).live().filter(locale__language_code="sv"))
    assert len(pages) > 1, "the demo has no employee pages"
    queries = set()
    for page in pages:
        queries.add(page.title)
        queries.update(word for word in swedish.words(page.title) if len(word) >= 4)
    for number, query in enumerate(sorted(queries)):
        SearchPromotion.objects.create(
            query=Query.get(query), page=pages[number % len(pages)], sort_order=-1
        )

    internal = Collection.get_first_root_node().add_child(name="Interna rutiner")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model().objects.create(
        title=INTERNAL_DOCUMENT, collection=internal, file=ContentFile(PDF, name="krisplan.pdf")
    )
    service = ServicePage.objects.live().filter(locale__language_code="sv").first()
    service.body = [("document_link", {"document": document, "title": ""})]
    service.save_revision().publish()
    queries.add(INTERNAL_DOCUMENT)
    queries.update(swedish.words(INTERNAL_DOCUMENT))

    # The search index itself finds them all: only the site search's rules keep them out.
    for page in pages:
        assert page.pk in {p.pk for p in Page.objects.live().search(page.title)}, page.title
    assert document in get_document_model().objects.search(INTERNAL_DOCUMENT)
    return pages, document, sorted(queries)


def every_result(client, q):
    """The promotions and every result on every result page for `q`."""
    found, number = [], 1
    while True:
        response = client.get("/sok/", {"q": q, "sida": number})
        assert response.status_code == 200
        if number == 1:
            found += response.context["promotions"]
        results_page = response.context["results_page"]
        if results_page is None:
            return found
        found += list(results_page.object_list)
        if not results_page.has_next():
            return found
        number += 1


def test_no_query_finds_employee_content(client, employee_content):
    pages, document, queries = employee_content
    employee_ids = {page.pk for page in pages}
    leaks = []

    for q in queries:
        for result in every_result(client, q):
            if result.page is not None and result.page.pk in employee_ids:
                leaks.append((q, result.url))
            if result.url.startswith("/medarbetare/") or result.url == document.url:
                leaks.append((q, result.url))

    assert not leaks, leaks


def test_no_typed_beginning_suggests_an_employee_page(client, employee_content):
    pages, _document, queries = employee_content
    public_titles = set(
        Page.objects.live()
        .public()
        .not_type(EmployeeOnlyPage)
        .filter(title__in=[p.title for p in pages])
        .values_list("title", flat=True)
    )
    employee_titles = {page.title for page in pages} - public_titles
    leaks = []

    for q in queries:
        for typed in {q, q[:4], q[:2]}:
            suggested = client.get("/sok/forslag/", {"q": typed}).json()["suggestions"]
            leaks += [(typed, s["title"]) for s in suggested if s["title"] in employee_titles]

    assert not leaks, leaks
