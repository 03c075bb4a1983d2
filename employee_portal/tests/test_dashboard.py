"""The dashboard at /medarbetare/ (issue 5): Mina system from the catalogue and the employee's
own choices, news and information meant for them, driftinformation for their municipality, all
in a number of queries that does not grow with the content."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from employee_portal.models import (
    Application,
    ApplicationAudience,
    EmployeeHomePage,
    EmployeeNewsIndexPage,
    OperationalNotice,
    PageAudience,
    UserApplication,
)
from employee_portal.network import client_is_on_municipal_network
from portal.identity.models import EmployeeProfile
from portal.models import Department, Municipality
from portal.tests.factories import UserFactory

from .factories import ApplicationFactory, EmployeeInformationPageFactory, EmployeeNewsPageFactory

pytestmark = pytest.mark.django_db

DASHBOARD = "/medarbetare/"
ADD, REMOVE, MOVE = (
    "/medarbetare/mina-system/lagg-till/",
    "/medarbetare/mina-system/ta-bort/",
    "/medarbetare/mina-system/flytta/",
)


def employee(group, slug, roles=(), network="administrativt", department=None, **names):
    user = UserFactory(groups=[group], **names)
    EmployeeProfile.objects.create(
        user=user,
        municipality=Municipality.objects.get(slug=slug),
        department=(
            Department.objects.get(municipality__slug=slug, slug=department) if department else None
        ),
        roles=list(roles),
        network=network,
    )
    return user


@pytest.fixture
def teacher(employee_group):
    """A teacher in Åmål's school administration, on the pedagogical network."""
    return employee(
        employee_group,
        "amal",
        ["larare"],
        "pedagogiskt",
        department="barn-och-utbildning",
        first_name="Karin",
        last_name="Lund",
    )


@pytest.fixture
def permit_handler(employee_group):
    """A building-permit handler in Mellerud, on the administrative network."""
    return employee(employee_group, "mellerud", ["bygglovshandlaggare"])


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


def app(name):
    return Application.objects.get(name=name)


def system_names(response):
    return [item.application.name for item in response.context["my_systems"].items]


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def published(page):
    """Published as an editor would: with a first publication date, newest of the news."""
    page.save_revision().publish()
    return page


def audience(page, **fields):
    page.employee_audiences.add(PageAudience(**fields))
    return published(page)


# --- Mina system: what the catalogue says -------------------------------------------------------


def test_a_teacher_in_amal_sees_the_school_platform_and_not_the_permit_system(client, teacher):
    client.force_login(teacher)

    response = client.get(DASHBOARD)

    assert response.status_code == 200
    names = system_names(response)
    assert {"Lärplattformen", "Elevregister och schema", "E-post och kalender"} <= set(names)
    assert "Bygglovssystemet" not in names
    available = [a.name for a in response.context["my_systems"].available]
    assert "Biblioteken i Dalsland" in available
    assert "Bygglovssystemet" not in available
    html = response.content.decode()
    assert 'href="https://skola.dalsland.se/"' in html
    assert "bygglov.dalsland.se" not in html
    assert "Hej Karin Lund!" in html
    assert "som lärare på barn- och utbildningsförvaltningen i Åmåls kommun" in html


def test_a_permit_handler_in_mellerud_sees_the_opposite(client, permit_handler):
    client.force_login(permit_handler)

    response = client.get(DASHBOARD)

    names = system_names(response)
    assert {"Bygglovssystemet", "Webbkarta och GIS"} <= set(names)
    assert "Lärplattformen" not in names
    assert "skola.dalsland.se" not in response.content.decode()
    assert "som bygglovshandläggare i Melleruds kommun" in response.content.decode()


def test_an_employee_without_a_profile_gets_a_dashboard_without_systems(employee_client):
    response = employee_client.get(DASHBOARD)

    assert response.status_code == 200
    assert response.context["my_systems"].items == []
    assert "Vi vet inte vilken kommun du arbetar i" in response.content.decode()


# --- Mina system: add, remove, move ---------------------------------------------------------


def test_adding_an_optional_application_keeps_it_and_says_so(client, teacher):
    client.force_login(teacher)
    library = app("Biblioteken i Dalsland")

    response = client.post(ADD, {"applikation": library.pk})

    assert response.status_code == 302
    assert response["Location"] == "/medarbetare/#mina-system"
    assert messages_of(response) == ["Biblioteken i Dalsland tillagd i Mina system."]
    row = UserApplication.objects.get(user=teacher, application=library)
    assert row.chosen
    dashboard = client.get(DASHBOARD)
    names = system_names(dashboard)
    assert names[-1] == "Biblioteken i Dalsland"
    assert "Biblioteken i Dalsland" not in [
        a.name for a in dashboard.context["my_systems"].available
    ]


def test_an_application_not_offered_to_me_cannot_be_added(client, teacher):
    client.force_login(teacher)
    permits = app("Bygglovssystemet")

    response = client.post(ADD, {"applikation": permits.pk})

    assert response.status_code == 302
    assert messages_of(response) == ["Det systemet kan du inte lägga till i Mina system."]
    assert not UserApplication.objects.filter(user=teacher).exists()
    assert "Bygglovssystemet" not in system_names(client.get(DASHBOARD))


def test_a_malformed_application_id_is_a_bad_request(client, teacher):
    client.force_login(teacher)

    assert client.post(ADD, {"applikation": "ett"}).status_code == 400
    assert client.post(MOVE, {"applikation": app("Lärplattformen").pk}).status_code == 400


def test_removing_a_chosen_application_takes_it_away(client, teacher):
    client.force_login(teacher)
    library = app("Biblioteken i Dalsland")
    client.post(ADD, {"applikation": library.pk})

    response = client.post(REMOVE, {"applikation": library.pk})

    assert response["Location"] == "/medarbetare/#mina-system"
    assert messages_of(response)[-1] == "Biblioteken i Dalsland borttagen från Mina system."
    assert not UserApplication.objects.filter(user=teacher, application=library).exists()
    assert "Biblioteken i Dalsland" not in system_names(client.get(DASHBOARD))


def test_a_mandatory_application_cannot_be_removed(client, teacher):
    client.force_login(teacher)
    platform = app("Lärplattformen")

    response = client.post(REMOVE, {"applikation": platform.pk})

    assert messages_of(response) == [
        "Lärplattformen är obligatoriskt för dig och kan inte tas bort."
    ]
    assert "Lärplattformen" in system_names(client.get(DASHBOARD))


def test_moving_reorders_the_whole_list_and_is_kept(client, teacher, permit_handler):
    other_row = UserApplication.objects.create(
        user=permit_handler, application=app("Bygglovssystemet"), sort_order=7
    )
    client.force_login(teacher)
    before = system_names(client.get(DASHBOARD))
    last = app(before[-1])

    response = client.post(MOVE, {"applikation": last.pk, "riktning": "upp"})

    assert response["Location"] == "/medarbetare/#mina-system"
    after = system_names(client.get(DASHBOARD))
    assert after == before[:-2] + [before[-1], before[-2]]
    # Every application in the list now has its place stored, mandatory ones included.
    stored = list(
        UserApplication.objects.filter(user=teacher)
        .order_by("sort_order")
        .values_list("application__name", flat=True)
    )
    assert stored == after

    client.post(MOVE, {"applikation": app(after[0]).pk, "riktning": "ned"})

    assert system_names(client.get(DASHBOARD))[:2] == [after[1], after[0]]
    other_row.refresh_from_db()
    assert other_row.sort_order == 7
    assert UserApplication.objects.filter(user=permit_handler).count() == 1


def test_the_order_survives_adding_an_application(client, teacher):
    client.force_login(teacher)
    before = system_names(client.get(DASHBOARD))
    client.post(MOVE, {"applikation": app(before[-1]).pk, "riktning": "upp"})
    moved = system_names(client.get(DASHBOARD))

    client.post(ADD, {"applikation": app("Biblioteken i Dalsland").pk})

    assert system_names(client.get(DASHBOARD)) == moved + ["Biblioteken i Dalsland"]


def test_the_buttons_are_posted_forms_with_the_application_in_their_names(client, teacher):
    client.force_login(teacher)

    html = client.get(DASHBOARD).content.decode()

    assert 'action="/medarbetare/mina-system/flytta/"' in html
    assert "flytta Lärplattformen uppåt" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'Lägg till<span class="visually-hidden"> Biblioteken i Dalsland' in html
    # Only what the employee chose has a remove button.
    assert "Lärplattformen från Mina system" not in html


def test_the_changes_need_post_csrf_and_a_signed_in_employee(client, teacher):
    from django.test import Client

    library = app("Biblioteken i Dalsland")
    anonymous = client.post(ADD, {"applikation": library.pk})
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/accounts/login/")

    client.force_login(UserFactory())
    assert client.post(ADD, {"applikation": library.pk}).status_code == 403

    client.force_login(teacher)
    assert client.get(ADD).status_code == 405

    checked = Client(enforce_csrf_checks=True)
    checked.force_login(teacher)
    assert checked.post(ADD, {"applikation": library.pk}).status_code == 403
    assert not UserApplication.objects.filter(user=teacher).exists()


def test_next_leads_back_only_within_the_site(client, teacher):
    client.force_login(teacher)
    library = app("Biblioteken i Dalsland")

    local = client.post(
        ADD, {"applikation": library.pk, "next": "/medarbetare/applikationer/?q=bib#app-1"}
    )
    foreign = client.post(REMOVE, {"applikation": library.pk, "next": "https://evil.example/"})
    scheme_relative = client.post(ADD, {"applikation": library.pk, "next": "//evil.example/"})

    assert local["Location"] == "/medarbetare/applikationer/?q=bib#app-1"
    assert foreign["Location"] == "/medarbetare/#mina-system"
    assert scheme_relative["Location"] == "/medarbetare/#mina-system"


# --- News and information -----------------------------------------------------------------------


def test_news_for_mellerud_is_shown_to_mellerud_and_not_found_by_others(
    client, teacher, permit_handler, news_index
):
    news = audience(
        EmployeeNewsPageFactory(parent=news_index, title="Nytt om tillsynen i Mellerud"),
        municipality=Municipality.objects.get(slug="mellerud"),
    )

    client.force_login(teacher)
    amal = client.get(DASHBOARD)
    assert "Nytt om tillsynen i Mellerud" not in amal.content.decode()
    assert client.get(news.url).status_code == 404
    assert "Nytt om tillsynen i Mellerud" not in client.get(news_index.url).content.decode()

    client.force_login(permit_handler)
    mellerud = client.get(DASHBOARD)
    assert news.pk in [page.pk for page in mellerud.context["news"]]
    assert "Till: Melleruds kommun" in mellerud.content.decode()
    opened = client.get(news.url)
    assert opened.status_code == 200
    assert "Till: Melleruds kommun" in opened.content.decode()


def test_news_for_everyone_says_so(client, teacher, news_index):
    news = published(EmployeeNewsPageFactory(parent=news_index, title="Ny version av intranätet"))
    client.force_login(teacher)

    response = client.get(DASHBOARD)

    assert news.pk in [page.pk for page in response.context["news"]]
    assert "Till: Alla medarbetare" in response.content.decode()
    assert f'href="{news_index.url}"' in response.content.decode()


def test_the_dashboard_shows_the_five_newest_news(client, teacher, news_index):
    client.force_login(teacher)
    now = timezone.now()
    for days in range(7):
        page = EmployeeNewsPageFactory(parent=news_index, title=f"Veckobrev {days}")
        # Newer than the demo's news, one day apart.
        type(page).objects.filter(pk=page.pk).update(
            first_published_at=now + datetime.timedelta(minutes=10 - days)
        )

    news = client.get(DASHBOARD).context["news"]

    assert [page.title for page in news] == [f"Veckobrev {days}" for days in range(5)]


def test_news_past_its_review_date_is_hidden(client, teacher, news_index):
    stale = EmployeeNewsPageFactory(
        parent=news_index,
        title="Gammal nyhet om sommarschemat",
        review_by=timezone.localdate() - datetime.timedelta(days=1),
    )
    client.force_login(teacher)

    assert stale.pk not in [page.pk for page in client.get(DASHBOARD).context["news"]]
    assert "Gammal nyhet om sommarschemat" not in client.get(news_index.url).content.decode()
    assert client.get(stale.url).status_code == 404


def test_information_for_a_role_is_shown_only_to_that_role(client, teacher, permit_handler, home):
    page = audience(
        EmployeeInformationPageFactory(parent=home, title="Rutin för bedömningsstödet"),
        role="larare",
    )

    client.force_login(teacher)
    response = client.get(DASHBOARD)
    assert page.pk in [info.pk for info in response.context["information_pages"]]
    assert "Till: Lärare" in response.content.decode()

    client.force_login(permit_handler)
    assert "Rutin för bedömningsstödet" not in client.get(DASHBOARD).content.decode()


def test_the_shortcuts_lead_to_the_catalogue_documents_and_it_support(client, teacher):
    client.force_login(teacher)

    html = client.get(DASHBOARD).content.decode()

    assert 'href="/medarbetare/applikationer/"' in html
    assert 'href="/medarbetare/dokument/"' in html
    assert 'href="/medarbetare/it-support-och-felanmalan/"' in html
    assert 'action="/medarbetare/sok/"' in html
    assert 'action="/accounts/logout/"' in html


# --- Driftinformation ---------------------------------------------------------------------------


def notice(title, *, starts, ends=None, municipalities=(), application=None, kind="storning"):
    now = timezone.now()
    created = OperationalNotice.objects.create(
        title=title,
        kind=kind,
        description="Vi arbetar med att lösa det.",
        application=application,
        starts_at=now + datetime.timedelta(hours=starts),
        ends_at=now + datetime.timedelta(hours=ends) if ends is not None else None,
    )
    created.municipalities.set(Municipality.objects.filter(slug__in=municipalities))
    return created


def test_current_notices_for_my_municipality_are_shown_and_others_not(client, teacher):
    notice("Telefonin ligger nere i Åmål", starts=-2, municipalities=["amal"])
    notice("Nätverket i Dalsland är långsamt", starts=-1)
    notice(
        "Lärplattformen stängd för uppdatering",
        starts=30,
        ends=33,
        application=app("Lärplattformen"),
        kind="planerat",
    )
    notice("Växeln ligger nere i Mellerud", starts=-2, municipalities=["mellerud"])
    notice("Skrivarna fungerade inte", starts=-5, ends=-1)
    notice("Ny server om en månad", starts=24 * 30, ends=24 * 30 + 2, kind="planerat")
    client.force_login(teacher)

    response = client.get(DASHBOARD)

    html = response.content.decode()
    titles = [n.title for n in response.context["notices"]]
    assert {
        "Telefonin ligger nere i Åmål",
        "Nätverket i Dalsland är långsamt",
        "Lärplattformen stängd för uppdatering",
    } <= set(titles)
    assert "Växeln ligger nere i Mellerud" not in html
    assert "Skrivarna fungerade inte" not in html
    assert "Ny server om en månad" not in html
    # Ongoing first, and the driftinformation comes before Mina system.
    assert titles.index("Telefonin ligger nere i Åmål") < titles.index(
        "Lärplattformen stängd för uppdatering"
    )
    assert html.index('id="notices-heading"') < html.index('id="mina-system-heading"')
    planned = next(n for n in response.context["notices"] if n.title.startswith("Lärplattformen"))
    assert planned.affects_mine
    assert planned.when.startswith("Planerat ")
    assert "finns i Mina system" in html
    assert f'href="#driftinfo-{planned.pk}"' in html


def test_without_notices_there_is_no_driftinformation_section(client, teacher):
    OperationalNotice.objects.all().delete()
    client.force_login(teacher)

    assert 'id="notices-heading"' not in client.get(DASHBOARD).content.decode()


# --- The municipal network ----------------------------------------------------------------------

OUTSIDE_NOTE = "Du är utanför kommunens nät – den här fungerar bara på jobbet."


def test_outside_the_municipal_network_a_network_only_system_says_so(
    client, permit_handler, settings
):
    settings.MUNICIPAL_NETWORKS = ["10.20.0.0/16", "192.0.2.0/24"]
    client.force_login(permit_handler)

    outside = client.get(DASHBOARD, REMOTE_ADDR="203.0.113.9").content.decode()
    inside = client.get(DASHBOARD, REMOTE_ADDR="10.20.4.5").content.decode()

    assert OUTSIDE_NOTE in outside
    assert "Bara i kommunens nät" in outside
    assert '<p class="my-system__name">Bygglovssystemet</p>' in outside
    assert OUTSIDE_NOTE not in inside
    assert "Bara i kommunens nät" in inside
    assert '<a href="https://bygglov.dalsland.se/">Bygglovssystemet</a>' in inside


def test_without_configured_networks_nobody_is_told_they_are_outside(
    client, permit_handler, settings
):
    settings.MUNICIPAL_NETWORKS = []
    client.force_login(permit_handler)

    html = client.get(DASHBOARD, REMOTE_ADDR="203.0.113.9").content.decode()

    assert OUTSIDE_NOTE not in html
    assert "Bara i kommunens nät" in html


def test_the_network_check_reads_ipv4_mapped_addresses(rf, settings):
    settings.MUNICIPAL_NETWORKS = ["10.20.0.0/16"]

    assert client_is_on_municipal_network(rf.get("/", REMOTE_ADDR="::ffff:10.20.0.7")) is True
    assert client_is_on_municipal_network(rf.get("/", REMOTE_ADDR="2001:db8::1")) is False
    settings.MUNICIPAL_NETWORKS = []
    assert client_is_on_municipal_network(rf.get("/", REMOTE_ADDR="10.20.0.7")) is None


# --- Queries ------------------------------------------------------------------------------------


def add_content(number, start, home, news_index):
    amal = Municipality.objects.get(slug="amal")
    for n in range(start, start + number):
        application = ApplicationFactory(
            name=f"Verksamhetsstöd {n}",
            description="Ett system för verksamheten.",
            url=f"https://system-{n}.example.se/",
            kind=Application.Kind.BUSINESS,
            system_owner="Förvaltningschefen",
            system_administrator="Systemförvaltaren",
            support_contact="IT-servicedesk",
            municipal_network_only=n % 2 == 0,
            municipalities=[amal],
        )
        requirement = "obligatorisk" if n % 3 else "valfri"
        ApplicationAudience.objects.create(application=application, requirement=requirement)
        news = EmployeeNewsPageFactory(parent=news_index, title=f"Veckans nyhet {n}")
        if n % 2:
            audience(news, municipality=amal)
        info = EmployeeInformationPageFactory(parent=home, title=f"Rutin {n}")
        if n % 2:
            audience(info, role="larare")
        created = notice(
            f"Störning {n}", starts=-1, municipalities=["amal"], application=application
        )
        if n % 2:
            created.municipalities.add(Municipality.objects.get(slug="mellerud"))


def test_the_dashboard_queries_do_not_grow_with_the_content(
    client, teacher, home, news_index, settings
):
    settings.MUNICIPAL_NETWORKS = ["10.20.0.0/16"]
    client.force_login(teacher)
    add_content(3, 0, home, news_index)
    client.get(DASHBOARD, REMOTE_ADDR="203.0.113.9")  # caches warm: site, content types

    with CaptureQueriesContext(connection) as few:
        small = client.get(DASHBOARD, REMOTE_ADDR="203.0.113.9")
    add_content(6, 3, home, news_index)
    # Publishing renews the cached page chrome (portal/chrome.py): warm it again, as above.
    client.get(DASHBOARD, REMOTE_ADDR="203.0.113.9")
    with CaptureQueriesContext(connection) as many:
        large = client.get(DASHBOARD, REMOTE_ADDR="203.0.113.9")

    assert small.status_code == large.status_code == 200
    assert len(large.context["my_systems"].items) > len(small.context["my_systems"].items)
    assert len(large.context["notices"]) > len(small.context["notices"])
    assert len(large.context["information_pages"]) > len(small.context["information_pages"])
    assert len(many) == len(few), "\n".join(q["sql"] for q in many.captured_queries)
