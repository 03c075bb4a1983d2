"""Site search at `/sok/`: live, public citizen pages in the visitor's language."""

import pytest
from wagtail.models import Locale

from citizen_portal.models import MunicipalityPage, ServicePage
from search.views import MAX_QUERY_LENGTH, RESULTS_PER_PAGE

pytestmark = pytest.mark.django_db

ALL_MUNICIPALITIES = {"bengtsfors", "dals-ed", "fargelanda", "mellerud", "amal"}


def all_results(client, path, **params):
    """Every page found, following the result pages."""
    found, number = [], 1
    while True:
        response = client.get(path, {**params, "sida": number})
        assert response.status_code == 200
        results_page = response.context["results_page"]
        found.extend(r.page for r in results_page.object_list if r.page is not None)
        if not results_page.has_next():
            return found
        number += 1


def preschool_services():
    return ServicePage.objects.live().filter(
        locale__language_code="sv", title__icontains="förskola"
    )


def test_the_demo_has_a_preschool_service_in_every_municipality():
    assert {p.municipality.slug for p in preschool_services()} == ALL_MUNICIPALITIES


def test_forskola_finds_the_preschool_service_pages_of_all_five_municipalities(client):
    results = all_results(client, "/sok/", q="förskola")

    found = {p.pk for p in results}
    missing = [p.url for p in preschool_services() if p.pk not in found]
    assert not missing, f"not found by /sok/?q=förskola: {missing}"


def test_forskola_shows_the_preschool_services_on_the_first_result_page(client):
    response = client.get("/sok/", {"q": "förskola"})

    first_page = {r.page.pk for r in response.context["results_page"].object_list if r.page}
    assert {p.pk for p in preschool_services()} <= first_page
    for page in preschool_services():
        assert f'href="{page.url}"'.encode() in response.content


def test_search_within_one_municipality(client):
    mellerud_page = MunicipalityPage.objects.get(
        municipality__slug="mellerud", locale__language_code="sv"
    )

    results = all_results(client, "/sok/", q="förskola", kommun="mellerud")

    assert results
    assert all(p.path.startswith(mellerud_page.path) for p in results)


def test_search_ignores_an_unknown_municipality(client):
    response = client.get("/sok/", {"q": "förskola", "kommun": "atlantis"})

    assert response.context["selected_municipality"] == ""
    assert len(response.context["results_page"].object_list) > 0


def test_search_results_are_in_the_visitors_language(client):
    english = Locale.objects.get(language_code="en")
    english_service = ServicePage.objects.live().filter(locale=english).first()
    assert english_service is not None, "the demo has no English service page"

    english_results = all_results(client, "/en/sok/", q=english_service.title)
    swedish_results = all_results(client, "/sok/", q=english_service.title)

    assert english_service.pk in {p.pk for p in english_results}
    assert all(p.locale_id == english.pk for p in english_results)
    assert english_service.pk not in {p.pk for p in swedish_results}


def test_search_without_a_query_shows_the_form_and_no_results(client):
    response = client.get("/sok/")

    assert response.status_code == 200
    assert response.context["results_page"] is None
    assert b'name="q"' in response.content


def test_search_with_no_hits_answers_200(client):
    response = client.get("/sok/", {"q": "xyzzyplugh"})

    assert response.status_code == 200
    assert len(response.context["results_page"].object_list) == 0


def test_search_results_are_paginated(client):
    response = client.get("/sok/", {"q": "kommun"})

    results_page = response.context["results_page"]
    assert len(results_page.object_list) <= RESULTS_PER_PAGE
    assert client.get("/sok/", {"q": "kommun", "sida": "x"}).context["results_page"].number == 1


def test_a_very_long_query_is_cut_not_refused(client):
    response = client.get("/sok/", {"q": "förskola " * 100})

    assert response.status_code == 200
    assert len(response.context["query"]) <= MAX_QUERY_LENGTH


def test_search_never_lists_draft_pages(client, django_capture_on_commit_callbacks):
    page = preschool_services().first()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()

    results = all_results(client, "/sok/", q="förskola")

    assert page.pk not in {p.pk for p in results}


# -- hostile input: what is typed is searched for, never read as query syntax -----------------

HOSTILE_QUERIES = [
    '"bygg',
    '5" tum',
    '"förskola"',
    "förskola' OR 1=1 --",
    "bygg* AND NOT (förskola) NEAR/2 ^x:y",
    "före\x00efter",
    "\x00",
    "förs\x00",
]


@pytest.mark.parametrize("typed", HOSTILE_QUERIES)
def test_suggestions_answer_quotes_operators_and_nul_as_text(client, typed):
    response = client.get("/sok/forslag/", {"q": typed})

    assert response.status_code == 200
    assert "\x00" not in response.json()["query"]


@pytest.mark.parametrize("typed", HOSTILE_QUERIES)
def test_search_answers_quotes_operators_and_nul_as_text(client, typed):
    response = client.get("/sok/", {"q": typed})

    assert response.status_code == 200
    assert "\x00" not in response.context["query"]


def test_a_quoted_word_is_suggested_and_found_like_the_word(client):
    suggested = client.get("/sok/forslag/", {"q": '"försk'}).json()["suggestions"]
    found = client.get("/sok/", {"q": '"förskola"'}).context["results_page"]

    assert any("förskola" in s["title"].lower() for s in suggested)
    assert found.paginator.count > 0


def test_a_nul_between_two_words_searches_for_both(client):
    response = client.get("/sok/", {"q": "förskola\x00kommun"})

    assert response.context["query"] == "förskola kommun"
    assert response.context["results_page"].paginator.count > 0


@pytest.mark.parametrize(
    "params",
    [
        {"q": "förskola", "kommun": '"amal'},
        {"q": "förskola", "kommun": "amal\x00"},
        {"q": "förskola", "typ": "sidor\x00"},
        {"q": "förskola", "typ": '"sidor'},
        {"q": "förskola", "sida": "2\x00"},
        {"q": "förskola", "sida": '"2'},
    ],
)
def test_the_filters_answer_quotes_and_nul_as_unknown_values(client, params):
    response = client.get("/sok/", params)

    assert response.status_code == 200


def test_a_client_searching_too_often_gets_429_with_what_it_typed_kept(client, settings):
    """A robot walking the index is slowed down; the page says why in Swedish, keeps the
    query in the field, runs no search, and is kept by no cache."""
    settings.SEARCH_REQUESTS_PER_MINUTE = 2
    for _ in range(2):
        assert client.get("/sok/", {"q": "förskola"}).status_code == 200

    response = client.get("/sok/", {"q": "bygglov"})

    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Du har sökt många gånger på kort tid" in html
    assert 'value="bygglov"' in html
    assert response.context["results_page"] is None
    # Another client (a different /64) is not held back.
    other = client.get("/sok/", {"q": "bygglov"}, REMOTE_ADDR="2001:db8:5::1")
    assert other.status_code == 200


def test_one_ipv6_network_cannot_search_around_the_limit_with_fresh_addresses(client, settings):
    settings.SEARCH_REQUESTS_PER_MINUTE = 3
    statuses = [
        client.get("/sok/", {"q": "förskola"}, REMOTE_ADDR=f"2001:db8:7::{n}").status_code
        for n in range(1, 6)
    ]
    assert statuses == [200, 200, 200, 429, 429]


def test_suggestions_past_the_limit_answer_429_with_no_suggestions(client, settings):
    settings.SEARCH_SUGGESTIONS_PER_MINUTE = 1
    assert client.get("/sok/forslag/", {"q": "förs"}).status_code == 200

    response = client.get("/sok/forslag/", {"q": "förs"})

    assert response.status_code == 429
    assert response.json() == {"query": "förs", "suggestions": []}
    assert "no-store" in response["Cache-Control"]
