"""Swedish definite forms and compounds: the query expansion (search/swedish.py) and what it
finds in the demo on either database."""

import pytest
from django.core.cache import cache
from wagtail.search.query import And, Or, PlainText

from citizen_portal.models import ServicePage
from search import swedish

VOCABULARY = frozenset(
    {"bygglov", "ansökan", "förskola", "skola", "för", "hus", "kommun", "avgift", "parkering"}
)


def test_a_definite_ending_also_searches_the_base_word_found_in_the_vocabulary():
    assert swedish.definite_forms("bygglovet", VOCABULARY) == ["bygglov"]
    assert swedish.definite_forms("förskolan", VOCABULARY) == ["förskola"]
    assert swedish.definite_forms("huset", VOCABULARY) == ["hus"]
    assert swedish.definite_forms("kvarnen", VOCABULARY) == []


def test_a_compound_is_split_into_two_words_of_the_vocabulary_with_its_linking_s():
    assert swedish.compound_parts("bygglovsansökan", VOCABULARY) == ("bygglov", "ansökan")
    assert swedish.compound_parts("parkeringsavgiften", VOCABULARY) == ("parkering", "avgift")
    assert swedish.compound_parts("kommunhus", VOCABULARY) == ("kommun", "hus")


def test_known_words_and_short_first_parts_are_not_split():
    assert swedish.compound_parts("förskola", VOCABULARY) is None  # a word of its own
    assert swedish.compound_parts("förhus", VOCABULARY) is None  # "för" is too short a part
    assert swedish.compound_parts("zylofon", VOCABULARY) is None


def test_the_query_keeps_the_typed_word_and_adds_the_alternatives():
    query = swedish.build_query("Bygglovsansökan förskolan", VOCABULARY)

    assert isinstance(query, And)
    first, second = query.subqueries
    assert isinstance(first, Or)
    assert first.subqueries[0].query_string == "bygglovsansökan"
    assert [p.query_string for p in first.subqueries[1].subqueries] == ["bygglov", "ansökan"]
    assert [p.query_string for p in second.subqueries] == ["förskolan", "förskola"]
    single = swedish.build_query("zylofon", VOCABULARY)
    assert isinstance(single, PlainText) and single.query_string == "zylofon"
    assert swedish.build_query("  ,. ", VOCABULARY) is None


@pytest.mark.django_db
def test_the_vocabulary_holds_the_words_of_the_indexed_pages():
    words = swedish.build_vocabulary()

    assert {"bygglov", "förskola", "ansökan"} <= words


@pytest.mark.django_db
def test_the_scheduled_job_fills_the_cache_and_a_search_reads_it_without_building(
    client, monkeypatch
):
    monkeypatch.setitem(swedish._memo, "words", None)

    assert swedish.refresh_vocabulary() > 0

    def build_vocabulary():
        raise AssertionError("a search built the vocabulary the job had put in the cache")

    monkeypatch.setattr(swedish, "build_vocabulary", build_vocabulary)
    assert "bygglov" in swedish.vocabulary()
    monkeypatch.setitem(swedish._memo, "words", None)
    expected = services_titled("Bygglov")
    assert expected and expected <= found_pages(client, "bygglovsansökan")


@pytest.mark.django_db
def test_a_search_builds_the_vocabulary_itself_when_the_cache_has_none(client, monkeypatch):
    monkeypatch.setitem(swedish._memo, "words", None)
    assert cache.get(swedish.VOCABULARY_CACHE_KEY) is None

    assert services_titled("Bygglov") <= found_pages(client, "bygglovsansökan")

    assert "bygglov" in cache.get(swedish.VOCABULARY_CACHE_KEY)


def found_pages(client, q):
    response = client.get("/sok/", {"q": q, "typ": "sidor"})
    assert response.status_code == 200
    found, number = set(), 1
    while True:
        results_page = response.context["results_page"]
        found |= {r.page.pk for r in results_page.object_list}
        if not results_page.has_next():
            return found
        number += 1
        response = client.get("/sok/", {"q": q, "typ": "sidor", "sida": number})


def services_titled(title):
    return set(
        ServicePage.objects.live()
        .filter(locale__language_code="sv", title=title)
        .values_list("pk", flat=True)
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "title"),
    [("förskolan", "Förskola"), ("bygglovet", "Bygglov"), ("bygglovsansökan", "Bygglov")],
)
def test_definite_and_compound_forms_find_the_service_pages(client, typed, title):
    expected = services_titled(title)
    assert expected, f"the demo has no service page titled {title}"

    missing = expected - found_pages(client, typed)

    assert not missing, f"/sok/?q={typed} misses {len(missing)} of the {title} pages"
