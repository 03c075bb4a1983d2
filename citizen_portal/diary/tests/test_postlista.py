"""The postlista at /diarium/postlista/: each municipality's documents of its latest
registration days, newest first, under the same publication rules as the rest of the diary.

The rows are registered in 2031, after every seeded demo row, so they are Åmål's latest."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup

from citizen_portal.diary import views
from portal.models import Municipality

from .factories import CaseFactory, DocumentFactory

pytestmark = pytest.mark.django_db

URL = "/diarium/postlista/"
SECRET_TITLE = "Utredning om Zylofonfamiljen på Storgatan 3"
FIRST_DAY = date(2031, 3, 3)


@pytest.fixture
def amal_rows(db):
    """Seven documents of one case in Åmål, one on each of seven registration days (a gap
    for the weekend), the third secret and the fourth from a private individual."""
    case = CaseFactory(case_number="ZYL 2031/7")
    days = [FIRST_DAY + timedelta(days=offset) for offset in (0, 1, 2, 3, 4, 7, 8)]
    documents = []
    for number, day in enumerate(days, start=1):
        documents.append(
            DocumentFactory(
                case=case,
                title=SECRET_TITLE if number == 3 else f"Zylofonskrivelse {number}",
                secrecy="OSL 26 kap. 1 §" if number == 3 else "",
                registered_date=day,
                party="Anna Zylofonsson" if number == 4 else "Zylofon AB",
                party_type="private" if number == 4 else "organisation",
            )
        )
    return documents


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def rows_of(soup, slug):
    section = soup.select_one(f'section[aria-labelledby="postlista-{slug}-heading"]')
    return section.select("tbody tr") if section else None


def test_the_postlista_shows_the_latest_five_registration_days_newest_first(client, amal_rows):
    response = client.get(URL, {"kommun": "amal"})

    assert response.status_code == 200
    rows = rows_of(soup_of(response), "amal")
    numbers = [row.select_one("th").get_text() for row in rows]
    # Days 7, 6, 5, 4, 3 of the seven; the weekend in between is no registration day.
    assert numbers == [f"ZYL 2031/7-{number}" for number in (7, 6, 5, 4, 3)]
    dates = [row.select_one("time")["datetime"] for row in rows]
    assert dates == sorted(dates, reverse=True)


def test_each_row_links_to_its_case_and_to_begar_ut(client, amal_rows):
    rows = rows_of(soup_of(client.get(URL, {"kommun": "amal"})), "amal")

    newest = amal_rows[-1]
    links = {link.get_text(" ", strip=True): link["href"] for link in rows[0].select("a")}
    assert links["ZYL 2031/7 : Ombyggnad av Zylofonhallen"] == (
        f"/diarium/amal/ZYL/ZYL%202031/7/#handling-{newest.pk}"
    )
    assert links["Begär ut handling ZYL 2031/7-7"] == f"/diarium/begar-ut/?handling={newest.pk}"


def test_the_publication_rules_hold(client, amal_rows):
    response = client.get(URL, {"kommun": "amal"})

    html = response.content.decode()
    assert "Zylofonfamiljen" not in html
    assert "Zylofonsson" not in html
    text = soup_of(response).get_text(" ")
    assert "Sekretessmarkerad handling (OSL 26 kap. 1 §)" in text
    assert "Privatperson" in text


def test_without_a_choice_every_municipality_has_its_section(client, amal_rows):
    soup = soup_of(client.get(URL))

    for slug in Municipality.objects.values_list("slug", flat=True):
        assert rows_of(soup, slug) is not None, slug
    assert rows_of(soup, "mellerud"), "the seeded demo has Mellerud's latest registrations"


def test_a_chosen_municipality_shows_only_its_own(client, amal_rows):
    soup = soup_of(client.get(URL, {"kommun": "amal"}))

    assert rows_of(soup, "mellerud") is None
    assert soup.select_one("#id_kommun option[selected]")["value"] == "amal"


def test_an_unknown_municipality_is_explained(client):
    response = client.get(URL, {"kommun": "atlantis"})

    soup = soup_of(response)
    assert response.status_code == 200
    assert soup.title.get_text().startswith("Fel:")
    assert "Välj en av kommunerna i listan." in soup.select_one(".error-summary").get_text()


def test_a_busy_municipality_is_capped(client, amal_rows, monkeypatch):
    monkeypatch.setattr(views, "POSTLISTA_MAX_ROWS", 2)

    soup = soup_of(client.get(URL, {"kommun": "amal"}))

    assert len(rows_of(soup, "amal")) == 2
    assert "Visar de 2 senast registrerade" in soup.get_text(" ")


def test_the_search_page_links_the_postlista(client):
    soup = soup_of(client.get("/diarium/"))

    assert soup.select_one(f'main a[href="{URL}"]') is not None
