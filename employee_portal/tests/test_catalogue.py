"""The application catalogue for employees at /medarbetare/applikationer/ and the employee search
at /medarbetare/sok/ (issue 5)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from employee_portal.models import (
    Application,
    ApplicationAudience,
    EmployeeHomePage,
    EmployeeNewsIndexPage,
    PageAudience,
    UserApplication,
)
from portal.identity.models import EmployeeProfile
from portal.models import Municipality
from portal.tests.factories import UserFactory

from .factories import ApplicationFactory, EmployeeInformationPageFactory, EmployeeNewsPageFactory

pytestmark = pytest.mark.django_db

CATALOGUE = "/medarbetare/applikationer/"
SEARCH = "/medarbetare/sok/"


def employee(group, slug, roles=(), network="administrativt"):
    user = UserFactory(groups=[group])
    EmployeeProfile.objects.create(
        user=user,
        municipality=Municipality.objects.get(slug=slug),
        roles=list(roles),
        network=network,
    )
    return user


@pytest.fixture
def teacher(client, employee_group):
    user = employee(employee_group, "amal", ["larare"], "pedagogiskt")
    client.force_login(user)
    return user


def listed(response):
    return [entry.application.name for entry in response.context["entries"]]


def status(response, name):
    return next(e.status for e in response.context["entries"] if e.application.name == name)


@pytest.fixture
def amal_only():
    """An application only Åmål uses."""
    application = ApplicationFactory(
        name="Färdtjänstplaneringen",
        description="Beställning och planering av färdtjänstresor.",
        url="https://fardtjanst.amal.example.se/",
        kind=Application.Kind.BUSINESS,
        system_owner="Socialchefen i Åmål",
        system_administrator="Färdtjänsthandläggaren",
        support_contact="Färdtjänsten, 0532-170 00",
        municipalities=[Municipality.objects.get(slug="amal")],
    )
    return application


# --- Access -------------------------------------------------------------------------------------


def test_the_catalogue_and_search_are_for_employees_only(client):
    for url in (CATALOGUE, SEARCH):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")

    client.force_login(UserFactory())
    assert client.get(CATALOGUE).status_code == 403
    assert client.get(SEARCH, {"q": "lön"}).status_code == 403


def test_the_catalogue_is_not_cached(client, teacher):
    response = client.get(CATALOGUE)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


# --- The list, its filters and search -------------------------------------------------------------


def test_the_catalogue_shows_my_municipality_by_default_and_all_on_request(
    client, teacher, amal_only
):
    amal_only.municipalities.set([Municipality.objects.get(slug="mellerud")])

    own = client.get(CATALOGUE)
    everyone = client.get(CATALOGUE, {"kommun": "alla"})
    mellerud = client.get(CATALOGUE, {"kommun": "mellerud"})

    assert own.context["selected_municipality"] == "amal"
    assert "Färdtjänstplaneringen" not in listed(own)
    assert "Lärplattformen" in listed(own)
    assert "Färdtjänstplaneringen" in listed(everyone)
    assert "Färdtjänstplaneringen" in listed(mellerud)
    assert len(listed(everyone)) == Application.objects.count()


def test_each_application_shows_its_facts(client, teacher):
    html = client.get(CATALOGUE, {"q": "Lärplattformen"}).content.decode()

    assert "Barn- och utbildningschefen i Bengtsfors, för Dalsland" in html  # system owner
    assert "Skolans IT-pedagoger" in html  # system administrator
    assert "IT-pedagogen på din skola" in html  # support
    assert "3 – Gemensam IT-lösning med separerad information" in html
    used_in = re.search(r"Används i</dt><dd>(.*?)</dd>", html).group(1)
    assert set(used_in.split(", ")) == {"Bengtsfors", "Dals-Ed", "Färgelanda", "Mellerud", "Åmål"}
    assert 'href="https://skola.dalsland.se/"' in html


def test_search_finds_name_description_and_system_owner(client, teacher):
    by_name = listed(client.get(CATALOGUE, {"q": "bibliotek"}))
    by_description = listed(client.get(CATALOGUE, {"q": "fakturor"}))
    by_owner = listed(client.get(CATALOGUE, {"q": "Ekonomichefen"}))
    nothing = client.get(CATALOGUE, {"q": "ingetsådantsystem"})

    assert by_name == ["Biblioteken i Dalsland"]
    assert "Ekonomisystemet" in by_description
    assert "Ekonomisystemet" in by_owner
    assert listed(nothing) == []
    assert "Inga system matchar det du valt." in nothing.content.decode()


def test_the_kind_filter_keeps_one_kind(client, teacher):
    response = client.get(CATALOGUE, {"slag": "generell", "kommun": "alla"})

    names = listed(response)
    assert "E-post och kalender" in names
    assert "Lärplattformen" not in names
    assert {e.application.kind for e in response.context["entries"]} == {"generell"}


def test_unknown_filter_values_fall_back(client, teacher):
    response = client.get(CATALOGUE, {"slag": "<script>", "kommun": "atlantis"})

    assert response.status_code == 200
    assert response.context["selected_kind"] == ""
    assert response.context["selected_municipality"] == "amal"


# --- Mina system from the catalogue -----------------------------------------------------------


def test_optional_applications_can_be_added_and_mine_say_so(client, teacher):
    response = client.get(CATALOGUE, {"kommun": "alla"})

    assert status(response, "Biblioteken i Dalsland") == "optional"
    assert status(response, "Lärplattformen") == "mandatory"
    assert status(response, "Bygglovssystemet") == ""
    html = response.content.decode()
    assert "Lägg till i Mina system" in html
    assert "I Mina system" in html


def test_adding_from_the_catalogue_leads_back_to_the_catalogue(client, teacher):
    library = Application.objects.get(name="Biblioteken i Dalsland")
    back = f"{CATALOGUE}?q=bibliotek#app-{library.pk}"

    response = client.post(
        "/medarbetare/mina-system/lagg-till/", {"applikation": library.pk, "next": back}
    )

    assert response.status_code == 302
    assert response["Location"] == back
    assert UserApplication.objects.filter(user=teacher, application=library, chosen=True).exists()
    assert status(client.get(CATALOGUE, {"q": "bibliotek"}), "Biblioteken i Dalsland") == "chosen"


def test_outside_the_network_the_catalogue_marks_network_only_systems(client, teacher, settings):
    settings.MUNICIPAL_NETWORKS = ["10.20.0.0/16"]
    note = "Du är utanför kommunens nät – den här fungerar bara på jobbet."

    outside = client.get(CATALOGUE, {"q": "Bygglovssystemet"}, REMOTE_ADDR="198.51.100.4")
    inside = client.get(CATALOGUE, {"q": "Bygglovssystemet"}, REMOTE_ADDR="10.20.0.9")

    assert note in outside.content.decode()
    assert note not in inside.content.decode()
    assert "Bara i kommunens nät" in inside.content.decode()


def test_the_catalogue_queries_do_not_grow_with_it(client, teacher):
    amal = Municipality.objects.get(slug="amal")

    def add(count, start):
        for number in range(start, start + count):
            application = ApplicationFactory(
                name=f"Katalogsystem {number}",
                description="Ett system i katalogen.",
                url="https://example.se/",
                kind=Application.Kind.COMMON,
                system_owner="IT",
                system_administrator="IT",
                support_contact="IT",
                municipalities=[amal, Municipality.objects.get(slug="mellerud")],
            )
            ApplicationAudience.objects.create(application=application, requirement="valfri")

    add(2, 0)
    client.get(CATALOGUE)
    with CaptureQueriesContext(connection) as few:
        client.get(CATALOGUE)
    add(6, 2)
    # A changed catalogue renews the lists kept for the audience (dashboard_cache): warm again.
    client.get(CATALOGUE)
    with CaptureQueriesContext(connection) as many:
        response = client.get(CATALOGUE)

    assert len(listed(response)) >= 8
    assert len(many) == len(few)


# --- The employee search --------------------------------------------------------------------------


@pytest.fixture
def home():
    return EmployeeHomePage.objects.live().get(locale__language_code="sv")


@pytest.fixture
def news_index(home):
    existing = EmployeeNewsIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    index = EmployeeNewsIndexPage(title="Nyheter", slug="nyheter")
    home.add_child(instance=index)
    return index


def test_search_finds_my_news_and_information_and_not_others(
    client, teacher, home, news_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        mine = EmployeeNewsPageFactory(
            parent=news_index, title="Kompetensdag om skolskjutsar", intro="Skolskjutsar i höst."
        )
        theirs = EmployeeNewsPageFactory(
            parent=news_index, title="Skolskjutsar i Mellerud", intro="Skolskjutsar i Mellerud."
        )
        theirs.employee_audiences.add(
            PageAudience(municipality=Municipality.objects.get(slug="mellerud"))
        )
        theirs.save_revision().publish()
        routine = EmployeeInformationPageFactory(
            parent=home, title="Rutin för skolskjutsar", intro="Så beställer du skolskjuts."
        )

    response = client.get(SEARCH, {"q": "skolskjutsar"})

    assert response.status_code == 200
    found = [hit.page.pk for hit in response.context["page_hits"]]
    assert mine.pk in found
    assert routine.pk in found
    assert theirs.pk not in found
    assert "Skolskjutsar i Mellerud" not in response.content.decode()


def test_search_finds_applications_and_links_to_the_documents(client, teacher):
    response = client.get(SEARCH, {"q": "lönespecifikationer"})

    assert [a.name for a in response.context["applications"]] == ["Självservice lön och tid"]
    html = response.content.decode()
    assert 'href="/medarbetare/dokument/?q=l%C3%B6nespecifikationer"' in html
    assert "/medarbetare/applikationer/?kommun=alla&amp;q=l%C3%B6nespecifikationer" in html


def test_search_without_words_shows_only_the_form(client, teacher):
    response = client.get(SEARCH)

    assert response.status_code == 200
    assert response.context["page_hits"] == []
    assert 'id="employee-search-q"' in response.content.decode()
