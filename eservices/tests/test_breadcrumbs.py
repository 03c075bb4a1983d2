"""The e-services' breadcrumbs name each step once: the overview is "Start › E-tjänster", an
e-service "Start › E-tjänster › <e-service>"."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def crumbs(response) -> list[str]:
    trail = BeautifulSoup(response.content, "html.parser").select_one("nav.breadcrumbs")
    return [item.get_text(" ", strip=True) for item in trail.select("li")]


def test_the_overview_is_named_once(client):
    assert crumbs(client.get("/e-tjanster/")) == ["Start", "E-tjänster"]


def test_an_eservice_sits_under_the_overview(client):
    trail = crumbs(client.get("/e-tjanster/forskola/"))

    assert trail[:2] == ["Start", "E-tjänster"]
    assert len(trail) == 3
    assert trail[2] not in {"Start", "E-tjänster"}


def test_the_english_overview_is_named_once(client):
    assert crumbs(client.get("/en/e-tjanster/")) == ["Home", "E-services"]
