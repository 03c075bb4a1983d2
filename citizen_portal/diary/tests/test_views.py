"""The public diary: search at /diarium/ (filters, errors, pagination) and the case page, and
that neither shows what the publication rules hide (publication.py).

Each test makes its own rows with made-up words and dates in 2031, so whatever demo rows the
seed holds do not change what it finds."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from citizen_portal.diary.models import Document
from citizen_portal.diary.search import search_documents
from portal.models import Municipality

from .factories import CaseFactory, DocumentFactory, RegisterFactory

pytestmark = pytest.mark.django_db

SEARCH_URL = "/diarium/"
SECRET_TITLE = "Utredning om Zylofonfamiljen på Storgatan 3"
PRIVATE_NAME = "Anna Zylofonsson"


def make_document(
    *,
    municipality="amal",
    register="KS",
    case_number="KS 2031/1",
    case_title="Ombyggnad av Zylofonhallen",
    number=None,
    title="Ansökan",
    registered=date(2031, 3, 14),
    direction=Document.Direction.INCOMING,
    party="",
    party_type="",
    secrecy="",
    department="",
) -> Document:
    """One document, its case and register, as the import would store them, with the search
    vector the import fills on PostgreSQL."""
    case = CaseFactory(
        register=RegisterFactory(
            municipality=Municipality.objects.get(slug=municipality),
            code=register,
            name=f"Nämnden {register}",
        ),
        case_number=case_number,
        title=case_title,
        department=department,
    )
    return DocumentFactory(
        case=case,
        **({"document_number": number} if number else {}),
        title=title,
        registered_date=registered,
        direction=direction,
        party=party,
        party_type=party_type,
        secrecy=secrecy,
    )


def search(client, **params):
    response = client.get(SEARCH_URL, params)
    assert response.status_code == 200
    return response


def found(response) -> list[str]:
    """The document numbers on the results page, in order."""
    page = response.context["results_page"]
    return [document.document_number for document in page.object_list] if page else []


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


# --- Filters --------------------------------------------------------------------------------


def test_free_text_finds_words_in_the_case_title_the_document_title_and_the_party(client):
    make_document(case_number="KS 2031/1", case_title="Ombyggnad av Zylofonhallen", number="A")
    make_document(
        case_number="KS 2031/2", case_title="Remiss", title="Zylofonritningar", number="B"
    )
    make_document(
        case_number="KS 2031/3",
        case_title="Tillsyn",
        party="Zylofonbolaget AB",
        party_type=Document.PartyType.ORGANISATION,
        number="C",
    )

    assert found(search(client, q="Zylofonhallen")) == ["A"]
    assert found(search(client, q="zylofonritningar")) == ["B"]
    assert found(search(client, q="Zylofonbolaget")) == ["C"]


def test_every_word_of_the_free_text_must_match(client):
    make_document(case_number="KS 2031/1", case_title="Bygglov Zylofonvägen 1", number="A")
    make_document(case_number="KS 2031/2", case_title="Strandskydd Zylofonvägen 1", number="B")

    assert found(search(client, q="bygglov Zylofonvägen")) == ["A"]


def test_the_municipality_filter_keeps_to_one_municipality(client):
    make_document(municipality="amal", number="Åmål-1")
    make_document(municipality="mellerud", number="Mellerud-1")

    assert found(search(client, q="Zylofonhallen", kommun="mellerud")) == ["Mellerud-1"]
    assert sorted(found(search(client, q="Zylofonhallen"))) == ["Mellerud-1", "Åmål-1"]


def test_the_register_filter_keeps_to_one_register(client):
    make_document(register="KS", case_number="KS 2031/1", number="KS-1")
    make_document(register="BUN", case_number="BUN 2031/1", number="BUN-1")

    assert found(search(client, q="Zylofonhallen", diarium="BUN")) == ["BUN-1"]
    assert found(search(client, q="Zylofonhallen", diarium="bun", kommun="amal")) == ["BUN-1"]


def test_the_date_range_is_inclusive_and_uses_the_registration_date(client):
    make_document(number="januari", registered=date(2031, 1, 10))
    make_document(number="februari", registered=date(2031, 2, 10))
    make_document(number="mars", registered=date(2031, 3, 10))

    assert found(search(client, fran="2031-02-01", till="2031-02-28")) == ["februari"]
    assert found(search(client, fran="2031-01-10", till="2031-02-10")) == ["februari", "januari"]
    assert found(search(client, q="Zylofonhallen", fran="2031-03-01")) == ["mars"]


def test_the_case_number_must_match_exactly(client):
    make_document(case_number="KS 2031/77", number="KS 2031/77-1")
    make_document(case_number="KS 2031/770", number="KS 2031/770-1")
    make_document(case_number="KS 2031/177", number="KS 2031/177-1")

    assert found(search(client, diarienummer="KS 2031/77")) == ["KS 2031/77-1"]
    assert found(search(client, diarienummer="  ks 2031/77 ")) == ["KS 2031/77-1"]


def test_the_direction_filter(client):
    make_document(number="in", direction=Document.Direction.INCOMING)
    make_document(number="ut", direction=Document.Direction.OUTGOING)
    make_document(number="upprättad", direction=Document.Direction.INTERNAL)

    assert found(search(client, q="Zylofonhallen", riktning="out")) == ["ut"]
    assert found(search(client, q="Zylofonhallen", riktning="internal")) == ["upprättad"]


def test_results_are_newest_first_and_relevance_without_words_falls_back_to_date(client):
    make_document(number="äldst", registered=date(2031, 1, 1))
    make_document(number="nyast", registered=date(2031, 5, 1))

    assert found(search(client, q="Zylofonhallen")) == ["nyast", "äldst"]
    assert found(search(client, kommun="amal", fran="2031-01-01", sortera="relevans")) == [
        "nyast",
        "äldst",
    ]


def test_relevance_order_puts_the_best_match_first(client):
    make_document(case_number="KS 2031/1", case_title="Remiss", number="svag", title="Zylofon")
    make_document(
        case_number="KS 2031/2",
        case_title="Zylofon Zylofon",
        number="stark",
        registered=date(2031, 1, 1),
        title="Zylofon",
    )
    expected = ["stark", "svag"] if connection.vendor == "postgresql" else ["svag", "stark"]

    # SQLite has no ranking: newest first there, whatever `sortera` says.
    assert found(search(client, q="Zylofon", sortera="relevans")) == expected


def test_the_search_counts_and_lists_each_document_with_its_facts(client):
    document = make_document(
        case_number="KS 2031/5",
        number="KS 2031/5-2",
        title="Ritningar, reviderade",
        direction=Document.Direction.INCOMING,
        party="Länsstyrelsen i Zylofon län",
        party_type=Document.PartyType.AUTHORITY,
    )
    response = search(client, q="Zylofonhallen")
    html = soup(response)

    assert html.select_one('[role="status"]').get_text(strip=True) == "1 handling"
    article = html.select_one("ol.diary-results__list > li > article")
    text = article.get_text(" ", strip=True)
    for expected in (
        "2031-03-14",
        "Åmål",
        document.register.name or "KS",
        "KS 2031/5",
        "Ombyggnad av Zylofonhallen",
        "KS 2031/5-2",
        "Ritningar, reviderade",
        "Inkommande",
        "Länsstyrelsen i Zylofon län",
    ):
        assert expected in text
    heading = article.select_one("h3")
    assert article["aria-labelledby"] == heading["id"]
    link = heading.select_one("a")["href"]
    assert link.startswith(reverse("diary_case", args=["amal", "KS", "KS 2031/5"]) + "?q=")
    assert link.endswith(f"#handling-{document.pk}")


def test_an_empty_search_lists_the_newest_documents(client):
    make_document(number="framtid", registered=date(2099, 12, 31))

    response = search(client)

    assert found(response)[0] == "framtid"
    assert soup(response).select_one('[role="status"]') is not None
    assert b'name="robots"' not in response.content


def test_a_search_with_criteria_is_not_indexed_by_search_engines(client):
    assert b'<meta name="robots" content="noindex">' in search(client, q="Zylofon").content


def test_the_count_query_joins_nothing_when_only_columns_of_the_document_filter(client):
    """A million rows: counting by municipality, register and date must not join the cases."""
    make_document()
    documents = search_documents(
        municipality=Municipality.objects.get(slug="amal"),
        register="KS",
        date_from=date(2031, 1, 1),
        date_to=date(2031, 12, 31),
        direction="in",
    )

    with CaptureQueriesContext(connection) as queries:
        assert documents.count() == 1

    assert "JOIN" not in queries.captured_queries[-1]["sql"].upper()


# --- Wrong input ----------------------------------------------------------------------------


def test_a_wrong_date_gives_an_error_summary_keeps_the_input_and_searches_nothing(client):
    make_document()

    with CaptureQueriesContext(connection) as queries:
        response = search(client, q="Zylofonhallen", kommun="amal", fran="2031-02-30")

    html = soup(response)
    summary = html.select_one(".error-summary")
    assert summary["role"] == "alert"
    assert summary.select_one('a[href="#id_fran"]') is not None
    assert "ÅÅÅÅ-MM-DD" in html.select_one("#id_fran_error").get_text()
    # What was typed is kept: the date shown back as text (a date input would blank it).
    assert html.select_one("#id_fran")["value"] == "2031-02-30"
    assert html.select_one("#id_q")["value"] == "Zylofonhallen"
    assert html.select_one("#id_kommun option[selected]")["value"] == "amal"
    assert response.context["results_page"] is None
    assert html.select_one('[role="status"]') is None
    assert not [q for q in queries.captured_queries if "diary_document" in q["sql"]]
    assert html.title.get_text().startswith("Fel:")


def test_a_start_date_after_the_end_date_is_an_error_at_the_end_date(client):
    response = search(client, fran="2031-06-01", till="2031-01-01")
    html = soup(response)

    assert html.select_one('.error-summary a[href="#id_till"]') is not None
    assert "före startdatumet" in html.select_one("#id_till_error").get_text()
    assert html.select_one("#id_fran")["value"] == "2031-06-01"
    assert html.select_one("#id_till")["value"] == "2031-01-01"
    assert html.select_one("#id_till")["aria-invalid"] == "true"
    assert response.context["results_page"] is None


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"kommun": "stockholm"}, "kommun"),
        ({"diarium": "XYZ"}, "diarium"),
        ({"riktning": "sidledes"}, "riktning"),
    ],
)
def test_an_unknown_choice_is_an_error(client, params, field):
    response = search(client, **params)

    assert soup(response).select_one(f'.error-summary a[href="#id_{field}"]') is not None
    assert response.context["results_page"] is None


# --- What is never shown --------------------------------------------------------------------


def test_a_secret_documents_title_is_never_shown_only_its_marking(client):
    # The import never stores such a title; the pages must not show it even if a row has one.
    document = make_document(title=SECRET_TITLE, secrecy="OSL 26 kap. 1 §")

    results = search(client, q="Zylofonhallen").content.decode()
    case_page = client.get(
        reverse("diary_case", args=["amal", "KS", document.case.case_number])
    ).content.decode()

    for html in (results, case_page):
        assert "Sekretessmarkerad handling (OSL 26 kap. 1 §)" in html
        assert "Zylofonfamiljen" not in html
        assert "Storgatan" not in html


@pytest.mark.skipif(
    connection.vendor == "postgresql",
    reason="PostgreSQL searches the vector the import builds from published titles only",
)
def test_searching_for_a_secret_title_or_a_private_name_finds_nothing(client):
    make_document(title=SECRET_TITLE, secrecy="OSL 26 kap. 1 §", number="hemlig")
    make_document(party=PRIVATE_NAME, party_type=Document.PartyType.PRIVATE, number="privat")

    assert found(search(client, q="Zylofonfamiljen")) == []
    assert found(search(client, q="Zylofonsson")) == []


def test_a_private_party_is_shown_as_privatperson(client):
    document = make_document(party=PRIVATE_NAME, party_type=Document.PartyType.PRIVATE)

    results = search(client, q="Zylofonhallen").content.decode()
    case_page = client.get(
        reverse("diary_case", args=["amal", "KS", document.case.case_number])
    ).content.decode()

    for html in (results, case_page):
        assert "Privatperson" in html
        assert "Zylofonsson" not in html


# --- The case page --------------------------------------------------------------------------


def test_a_case_number_with_a_slash_and_a_space_has_an_address_and_a_page(client):
    document = make_document(
        case_number="KS 2031/123", number="KS 2031/123-1", department="Kommunledningskontoret"
    )
    make_document(case_number="KS 2031/123", number="KS 2031/123-2", title="Beslut")
    url = reverse("diary_case", args=["amal", "KS", "KS 2031/123"])

    response = client.get(url)
    html = soup(response)

    assert url == "/diarium/amal/KS/KS%202031/123/"
    assert response.status_code == 200
    assert html.h1.get_text(strip=True) == "Ombyggnad av Zylofonhallen"
    facts = html.select_one(".diary-case__facts").get_text(" ", strip=True)
    register = document.register.name or "KS"
    for expected in ("KS 2031/123", "Åmåls kommun", register, "Kommunledningskontoret"):
        assert expected in facts
    table = html.select_one("table")
    assert "KS 2031/123" in table.caption.get_text()
    assert [th["scope"] for th in table.select("thead th")] == ["col"] * 7
    assert [th.get_text(strip=True) for th in table.select('tbody th[scope="row"]')] == [
        "KS 2031/123-1",
        "KS 2031/123-2",
    ]
    assert "Ärende KS 2031/123" in html.title.get_text()
    assert html.select_one('meta[name="description"]')["content"]
    assert html.select_one('link[rel="canonical"]')["href"].endswith(url)


def test_an_unknown_case_is_not_found(client):
    make_document(case_number="KS 2031/123")

    assert client.get("/diarium/amal/KS/KS%202031/124/").status_code == 404
    assert client.get("/diarium/mellerud/KS/KS%202031/123/").status_code == 404
    assert client.get("/diarium/amal/BUN/KS%202031/123/").status_code == 404


def test_a_register_code_in_lower_case_redirects_to_the_case(client):
    make_document(case_number="KS 2031/123")

    response = client.get("/diarium/amal/ks/KS%202031/123/")

    assert response.status_code == 301
    assert response["Location"] == "/diarium/amal/KS/KS%202031/123/"


def test_the_case_page_links_back_to_the_search_it_came_from(client):
    make_document(case_number="KS 2031/123")
    url = reverse("diary_case", args=["amal", "KS", "KS 2031/123"])

    html = soup(client.get(url, {"q": "Zylofonhallen", "kommun": "amal", "sida": "2"}))
    plain = soup(client.get(url))

    back = html.select_one(".diary-back a")["href"]
    assert back == "/diarium/?q=Zylofonhallen&kommun=amal&sida=2"
    assert html.select(".breadcrumbs a")[1]["href"] == back
    assert plain.select_one(".diary-back") is None
    assert plain.select(".breadcrumbs a")[1]["href"] == "/diarium/"


def test_the_case_page_says_where_to_request_the_documents(client):
    document = make_document(case_number="KS 2031/123")
    document.register.registrar_email = "registrator@amal.example"
    document.register.save()

    html = soup(client.get(reverse("diary_case", args=["amal", "KS", "KS 2031/123"])))

    link = html.select_one('#begar-ut a[href^="mailto:"]')
    assert link["href"].startswith("mailto:registrator@amal.example?subject=")
    assert "KS%202031%2F123" in link["href"]


# --- Pagination and language ----------------------------------------------------------------


def test_pagination_shows_twenty_a_page_and_keeps_the_filters(client):
    for day in range(1, 26):
        make_document(
            municipality="mellerud", number=f"nr-{day:02d}", registered=date(2031, 1, day)
        )
    first = search(client, q="Zylofonhallen", kommun="mellerud")
    html = soup(first)

    assert "25 handlingar" in html.select_one('[role="status"]').get_text()
    assert len(html.select("ol.diary-results__list > li")) == 20
    next_link = html.select_one('.pagination a[rel="next"]')["href"]
    assert "q=Zylofonhallen" in next_link
    assert "kommun=mellerud" in next_link
    assert "sida=2" in next_link

    second = client.get(SEARCH_URL + next_link)

    assert found(second) == ["nr-05", "nr-04", "nr-03", "nr-02", "nr-01"]
    assert soup(second).select_one("ol.diary-results__list")["start"] == "21"
    assert "sida 2" in soup(second).title.get_text()


def test_the_search_and_the_case_page_answer_in_english(client):
    make_document(case_number="KS 2031/123")

    search_page = client.get("/en/diarium/", {"q": "Zylofonhallen"})
    case_page = client.get("/en/diarium/amal/KS/KS%202031/123/")

    for response in (search_page, case_page):
        assert response.status_code == 200
        assert soup(response).html["lang"] == "en"
    assert found(search_page) == ["KS 2031/123-1"]


def test_the_swedish_search_links_to_the_same_search_in_english(client):
    html = soup(search(client, q="Zylofonhallen", kommun="amal"))

    english = html.select_one('a[hreflang="en"]')["href"]

    assert english.startswith("/en/diarium/?")
    assert "q=Zylofonhallen" in english


def test_the_further_options_are_folded_until_one_is_used_or_wrong(client):
    def more_is_open(**params):
        return (
            soup(search(client, **params)).select_one("details.diary-search__more").has_attr("open")
        )

    assert not more_is_open()
    assert not more_is_open(q="Zylofon", kommun="amal", sortera="datum")
    assert more_is_open(fran="2031-01-01")
    assert more_is_open(sortera="relevans")
    assert more_is_open(riktning="sidledes")


def test_a_search_that_finds_nothing_says_so_and_what_to_try(client):
    html = soup(search(client, q="Zylofonordetsomintefinns"))

    assert html.select_one('[role="status"]').get_text(strip=True) == "0 handlingar"
    assert "Vi hittade inga handlingar" in html.select_one(".no-results").get_text()


def test_past_the_counting_limit_the_page_says_more_than_and_stops_ranking(client, monkeypatch):
    monkeypatch.setattr("citizen_portal.diary.views.MAX_COUNTED", 3)
    for day in range(1, 6):
        make_document(number=f"nr-{day}", registered=date(2031, 1, day))

    response = search(client, q="Zylofonhallen", sortera="relevans")
    html = soup(response)

    assert html.select_one('[role="status"]').get_text(strip=True).startswith("Mer än 3 handlingar")
    assert "senast registrerade först" in html.select_one(".diary-results").get_text()
    assert found(response) == ["nr-5", "nr-4", "nr-3"]
    assert response.context["results_page"].paginator.num_pages == 1


# --- Hostile input --------------------------------------------------------------------------

DIARY_PARAMETERS = (
    "q",
    "kommun",
    "diarium",
    "diarienummer",
    "riktning",
    "fran",
    "till",
    "sortera",
    "sida",
)


@pytest.mark.parametrize("parameter", DIARY_PARAMETERS)
@pytest.mark.parametrize("typed", ['"Zylofon', '5" tum', "Zylo\x00fon", "\x00"])
def test_quotes_and_nul_in_any_search_parameter_get_an_answer_not_an_error(
    client, parameter, typed
):
    make_document()

    response = client.get(SEARCH_URL, {parameter: typed})
    postlista = client.get("/diarium/postlista/", {parameter: typed})

    assert response.status_code == 200
    assert postlista.status_code == 200


def test_a_nul_in_the_free_text_is_refused_in_swedish_and_the_rest_kept(client):
    response = search(client, q="Zylofon\x00hallen")

    assert response.context["results_page"] is None
    assert "Null-tecken är inte tillåtna" in soup(response).select_one(".error-summary").text


def test_a_quote_in_the_free_text_searches_for_the_word(client):
    make_document()

    assert found(search(client, q='"Zylofonhallen')) == found(search(client, q="Zylofonhallen"))
    assert found(search(client, q="Zylofonhallen"))


def test_a_nul_in_a_case_address_is_not_found(client):
    make_document(case_number="KS 2031/123")

    assert client.get("/diarium/amal/K%00S/KS%202031/123/").status_code == 404
    assert client.get("/diarium/amal/ks%00/KS%202031/123/").status_code == 404
    assert client.get("/diarium/amal/KS/KS%202031/123%00/").status_code == 404
    assert client.get("/diarium/amal/KS/%22KS%202031/123/").status_code == 404


@pytest.mark.parametrize(
    "parameter",
    ["q", "municipality", "register", "date_from", "direction", "case_number", "order", "cursor"],
)
def test_the_api_refuses_a_nul_in_a_parameter_with_a_400(client, parameter):
    response = client.get("/api/v1/diary/", {parameter: "KS\x00"})

    assert response.status_code == 400


def test_the_request_form_answers_a_nul_in_its_address(client):
    assert client.get("/diarium/begar-ut/", {"handling": "1\x00"}).status_code == 200
    assert client.get("/diarium/begar-ut/", {"arende": '"1'}).status_code == 200
