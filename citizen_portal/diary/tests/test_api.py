"""`/api/v1/diary/`: the diary search as JSON with the import's field names, paginated,
throttled, described at `/api/v1/schema/`; nothing unpublishable in it."""

import json
from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection

from citizen_portal.diary import api
from citizen_portal.diary.importer import FIELDS as IMPORT_FIELDS
from citizen_portal.diary.importer import import_rows
from citizen_portal.diary.models import Case, Document
from citizen_portal.diary.publication import PERSONAL_IDENTITY_NUMBER

pytestmark = pytest.mark.django_db

# The results carry the import format's field names (docs/diary-import.md).
FIELDS = set(IMPORT_FIELDS)


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def case():
    """Three documents of one case, through the import (which also builds the search index)."""
    common = {
        "municipality": "dals-ed",
        "register": "APITEST",
        "case_number": "APITEST 2026/1",
        "case_title": "Ansökan om bygglov för sjöbod, Ed 1:2",
        "direction": "in",
        "department": "Samhällsbyggnad",
    }
    rows = [
        {
            **common,
            "document_number": "APITEST 2026/1-1",
            "document_title": "Ansökan",
            "registered_date": "2026-02-01",
            "party": "Anna Andersson",
            "party_type": "private",
        },
        {
            **common,
            "document_number": "APITEST 2026/1-2",
            "document_title": "Läkarintyg",
            "registered_date": "2026-02-02",
            "secrecy": "OSL 21 kap. 1 §",
        },
        {
            **common,
            "document_number": "APITEST 2026/1-3",
            "document_title": "Remissyttrande",
            "registered_date": "2026-02-03",
            "party": "Länsstyrelsen i Västra Götalands län",
            "party_type": "authority",
        },
    ]
    import_rows(lambda: rows)
    return Case.objects.get(case_number="APITEST 2026/1")


def test_results_have_the_import_field_names_after_the_publication_rules(client, case):
    response = client.get("/api/v1/diary/", {"case_number": "APITEST 2026/1"})

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data["count"] == 3 and data["next"] is None and data["previous"] is None
    assert all(set(row) == FIELDS for row in data["results"])
    by_number = {row["document_number"]: row for row in data["results"]}
    assert by_number["APITEST 2026/1-1"]["party"] == ""
    assert by_number["APITEST 2026/1-1"]["party_type"] == "private"
    assert by_number["APITEST 2026/1-2"]["document_title"] == ""
    assert by_number["APITEST 2026/1-2"]["secrecy"] == "OSL 21 kap. 1 §"
    assert by_number["APITEST 2026/1-3"]["municipality"] == "dals-ed"
    assert by_number["APITEST 2026/1-3"]["register"] == "APITEST"


def test_filters_narrow_the_results(client, case):
    def count(**params):
        return client.get("/api/v1/diary/", {"register": "APITEST", **params}).json()["count"]

    assert count() == 3
    assert count(municipality="dals-ed") == 3
    assert count(municipality="amal") == 0
    assert count(date_from="2026-02-02") == 2
    assert count(date_from="2026-02-02", date_to="2026-02-02") == 1
    assert count(direction="out") == 0
    assert count(q="Remissyttrande") == 1


def test_pages_link_to_each_other_and_keep_the_filters(client, case):
    first = client.get("/api/v1/diary/", {"register": "APITEST", "page_size": 2}).json()
    second = client.get(first["next"]).json()
    back = client.get(second["previous"]).json()

    assert len(first["results"]) == 2 and first["previous"] is None
    # In date order the next page starts after the last row shown (a cursor), not at an offset.
    assert "register=APITEST" in first["next"] and "cursor=" in first["next"]
    assert "page=" not in first["next"]
    assert len(second["results"]) == 1 and second["next"] is None
    assert "register=APITEST" in second["previous"]
    assert back["results"] == first["results"] and back["previous"] is None


def test_following_next_harvests_every_match_once_newest_first(client, case):
    numbers = []
    url = "/api/v1/diary/?register=APITEST&page_size=1"
    while url:
        data = client.get(url).json()
        numbers += [row["document_number"] for row in data["results"]]
        url = data["next"]

    assert numbers == ["APITEST 2026/1-3", "APITEST 2026/1-2", "APITEST 2026/1-1"]


def test_a_cursor_stays_on_its_row_when_newer_documents_arrive(client, case):
    first = client.get("/api/v1/diary/", {"register": "APITEST", "page_size": 1}).json()
    import_rows(
        lambda: [
            {
                "municipality": "dals-ed",
                "register": "APITEST",
                "case_number": "APITEST 2026/1",
                "case_title": "Ansökan om bygglov för sjöbod, Ed 1:2",
                "document_number": "APITEST 2026/1-4",
                "document_title": "Beslut",
                "registered_date": "2026-02-04",
                "direction": "out",
            }
        ]
    )
    second = client.get(first["next"]).json()

    assert first["results"][0]["document_number"] == "APITEST 2026/1-3"
    assert second["results"][0]["document_number"] == "APITEST 2026/1-2"


def test_the_count_stops_at_the_cap_and_says_so(client, case, monkeypatch):
    exact = client.get("/api/v1/diary/", {"register": "APITEST"}).json()
    monkeypatch.setattr(api, "MAX_COUNTED", 2)
    capped = client.get("/api/v1/diary/", {"register": "APITEST"}).json()

    assert exact["count"] == 3 and exact["count_is_exact"] is True
    assert capped["count"] == 2 and capped["count_is_exact"] is False
    assert len(capped["results"]) == 3  # the cap bounds the count, not the results


def test_page_reaches_only_the_counted_matches(client, case, monkeypatch):
    monkeypatch.setattr(api, "MAX_OFFSET", 2)

    within = client.get("/api/v1/diary/", {"register": "APITEST", "page": 2, "page_size": 1})
    beyond = client.get("/api/v1/diary/", {"register": "APITEST", "page": 3, "page_size": 1})

    assert within.status_code == 200
    assert within.json()["results"][0]["document_number"] == "APITEST 2026/1-2"
    assert beyond.status_code == 400
    assert "next" in beyond.json()["errors"]["page"]  # it says how to go further


def test_relevance_order_only_for_a_result_set_that_can_be_counted(client, case, monkeypatch):
    params = {"q": "bygglov", "order": "relevance", "page_size": 1}
    small = client.get("/api/v1/diary/", params).json()
    monkeypatch.setattr(api, "MAX_COUNTED", 2)
    large = client.get("/api/v1/diary/", params).json()

    assert large["order"] == "date" and "cursor=" in large["next"]
    assert "order=date" in large["next"]  # the cursor's order
    if connection.vendor == "postgresql":
        assert small["order"] == "relevance"
        assert "page=2" in small["next"] and "cursor=" not in small["next"]
    else:  # no ranking without PostgreSQL's full text: the response says date
        assert small["order"] == "date"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"date_from": "1 februari"}, "date_from"),
        ({"date_from": "2026-03-01", "date_to": "2026-02-01"}, "date_to"),
        ({"municipality": "goteborg"}, "municipality"),
        ({"direction": "sideways"}, "direction"),
        ({"page": "0"}, "page"),
        ({"page_size": "1000"}, "page_size"),
        ({"page": "501"}, "page"),
        ({"page": "101", "page_size": "100"}, "page"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        (
            {
                "cursor": api.encode_cursor(
                    api.AFTER, Document(registered_date=date(2026, 1, 1), pk=1)
                ),
                "page": "2",
            },
            "cursor",
        ),
        (
            {
                "cursor": api.encode_cursor(
                    api.AFTER, Document(registered_date=date(2026, 1, 1), pk=1)
                ),
                "order": "relevance",
            },
            "cursor",
        ),
    ],
)
def test_a_wrong_parameter_is_a_400_naming_it(client, params, field):
    response = client.get("/api/v1/diary/", params)

    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_clients_are_throttled(client, settings, case):
    settings.DIARY_API_REQUESTS_PER_MINUTE = 2

    statuses = [client.get("/api/v1/diary/").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    assert int(client.get("/api/v1/diary/")["Retry-After"]) in range(1, 61)


def test_the_demo_diary_through_the_api_holds_no_personal_identity_number(client, settings):
    settings.DIARY_API_REQUESTS_PER_MINUTE = 0
    text = ""
    for page in range(1, 6):
        response = client.get("/api/v1/diary/", {"page": page, "page_size": 100})
        text += response.content.decode()

    assert '"party_type": "private"' in text  # private parties are in the sample
    assert not PERSONAL_IDENTITY_NUMBER.search(text.replace("[personnummer borttaget]", ""))


def test_the_schema_describes_the_endpoint(client):
    schema = json.loads(client.get("/api/v1/schema/").content)

    assert schema["openapi"].startswith("3.")
    operation = schema["paths"]["/api/v1/diary/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"q", "municipality", "register", "date_from", "date_to", "direction"} <= names
    assert {"case_number", "page", "cursor"} <= names
    page = schema["components"]["schemas"]["Page"]["properties"]
    assert {"count", "count_is_exact", "order", "next", "previous", "results"} <= set(page)
    assert set(schema["components"]["schemas"]["Document"]["properties"]) == FIELDS
