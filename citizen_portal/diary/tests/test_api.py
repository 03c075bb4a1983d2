"""`/api/v1/diary/`: the diary search as JSON with the import's field names, paginated,
throttled, described at `/api/v1/schema/`; nothing unpublishable in it."""

import json

import pytest
from django.core.cache import cache

from citizen_portal.diary.importer import FIELDS as IMPORT_FIELDS
from citizen_portal.diary.importer import import_rows
from citizen_portal.diary.models import Case
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

    assert len(first["results"]) == 2 and first["previous"] is None
    assert "register=APITEST" in first["next"] and "page=2" in first["next"]
    assert len(second["results"]) == 1 and second["next"] is None
    assert "page=1" in second["previous"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"date_from": "1 februari"}, "date_from"),
        ({"date_from": "2026-03-01", "date_to": "2026-02-01"}, "date_to"),
        ({"municipality": "goteborg"}, "municipality"),
        ({"direction": "sideways"}, "direction"),
        ({"page": "0"}, "page"),
        ({"page_size": "1000"}, "page_size"),
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
    assert "case_number" in names
    assert set(schema["components"]["schemas"]["Document"]["properties"]) == FIELDS
