"""Finding pages without a query per level, and the small tables kept in memory
(portal/pages.py, portal/lookups.py): the same answers as Wagtail's own, and a change by an
editor or administrator seen on the next request."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, PageViewRestriction

from citizen_portal.models import DepartmentPage, ServicePage
from portal import lookups
from portal.models import Municipality
from portal.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SERVICE = "/mellerud/barn-och-utbildning/forskola/"


def sv(url_path_end):
    return Page.objects.get(locale__language_code="sv", url_path__endswith=url_path_end)


def served(response):
    return response.context["page"]


def test_every_live_page_is_found_at_its_address(client):
    pages = Page.objects.live().filter(depth__gt=1).exclude(url_path__contains="/medarbetare")
    assert pages.count() > 100
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert served(response).pk == page.pk


def test_the_route_costs_the_same_at_every_depth(rf):
    root = sv("/dalslandsportalen/").specific
    costs = {}
    for components in (["mellerud"], ["mellerud", "barn-och-utbildning", "forskola"]):
        root.route(rf.get("/"), components)  # the first time the address is asked
        with CaptureQueriesContext(connection) as queries:
            result = root.route(rf.get("/"), components)
        costs[len(components)] = len(queries)
        assert result.page.slug == components[-1]
    # Only the specific page itself: the steps of the address are remembered.
    assert costs == {1: 1, 3: 1}


def test_a_missing_or_unpublished_page_is_404(client):
    assert client.get("/mellerud/barn-och-utbildning/finns-inte/").status_code == 404
    assert client.get("/mellerud/finns-inte/forskola/").status_code == 404
    sv(SERVICE).unpublish()
    assert client.get(SERVICE).status_code == 404


def test_a_renamed_page_moves_to_its_new_address_at_once(client):
    assert client.get(SERVICE).status_code == 200
    service = sv(SERVICE).specific
    service.slug = "forskola-och-pedagogisk-omsorg"
    service.save_revision().publish()

    assert client.get(SERVICE).status_code == 404
    response = client.get("/mellerud/barn-och-utbildning/forskola-och-pedagogisk-omsorg/")
    assert response.status_code == 200
    assert served(response).pk == service.pk


def test_a_page_type_that_routes_its_own_addresses_gets_the_rest_of_the_address(rf, monkeypatch):
    asked = []

    def route(self, request, path_components):
        asked.append((self.slug, list(path_components)))
        raise Http404

    monkeypatch.setattr(DepartmentPage, "route", route)
    root = sv("/dalslandsportalen/").specific
    with pytest.raises(Http404):
        root.route(rf.get("/"), ["mellerud", "barn-och-utbildning", "2026", "vecka-49"])
    assert asked == [("barn-och-utbildning", ["2026", "vecka-49"])]


def test_a_new_view_restriction_applies_at_once_and_leaves_the_public_lists(client):
    municipality = sv("/mellerud/")
    assert client.get(SERVICE).status_code == 200
    assert 'href="/mellerud/"' in client.get("/amal/").content.decode()

    PageViewRestriction.objects.create(
        page=municipality, restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get(SERVICE)
    assert response.status_code == 302
    assert "login" in response["Location"] or "logga-in" in response["Location"]
    assert 'href="/mellerud/"' not in client.get("/amal/").content.decode()
    assert municipality.pk not in ServicePage.objects.public().values_list("pk", flat=True)
    assert not ServicePage.objects.descendant_of(municipality).public().exists()


def test_a_page_outside_every_restricted_section_is_served_without_asking_for_restrictions(
    client,
):
    PageViewRestriction.objects.create(
        page=sv("/amal/"), restriction_type=PageViewRestriction.LOGIN
    )
    client.get(SERVICE)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(SERVICE).status_code == 200
    assert not [q for q in queries.captured_queries if "pageviewrestriction" in q["sql"]]


def test_a_renamed_municipality_shows_in_the_next_title(client):
    assert "Mellerud" in client.get(SERVICE).content.decode().split("<title>")[1]
    mellerud = Municipality.objects.get(slug="mellerud")
    mellerud.short_name = "Melleruds kommun i Dalsland"
    mellerud.save()

    title = client.get(SERVICE).content.decode().split("<title>")[1].split("</title>")[0]
    assert "Melleruds kommun i Dalsland" in title


def test_the_locale_of_a_language_is_remembered_and_renewed_when_locales_change():
    swedish = lookups.locale_for_language("sv")
    assert swedish == Locale.objects.get(language_code="sv")
    with CaptureQueriesContext(connection) as queries:
        assert lookups.locale_for_language("sv").pk == swedish.pk
        assert lookups.default_locale().pk == swedish.pk
    assert len(queries) == 0

    Locale.objects.filter(pk=swedish.pk).update(language_code="sv")  # no signal: still kept
    Locale.objects.get(pk=swedish.pk).save()  # a change through the model renews
    with CaptureQueriesContext(connection) as queries:
        lookups.locale_for_language("sv")
    assert len(queries) == 1


def test_each_lookup_hands_out_its_own_instance():
    first = lookups.municipality_by_id(Municipality.objects.get(slug="amal").pk)
    first.name = "Ändrad i minnet"
    second = lookups.municipality_by_id(first.pk)
    assert second is not first
    assert second.name != "Ändrad i minnet"


# --- Permissions in one query (portal/auth_backends.py) ------------------------------------------


def test_permissions_from_the_person_and_their_groups_are_read_in_one_query():
    group = Group.objects.create(name="Bygglovshandläggare i Mellerud")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory(groups=[group])
    user.user_permissions.add(Permission.objects.get(codename="add_municipality"))

    with CaptureQueriesContext(connection) as queries:
        assert user.has_perm("wagtailadmin.access_admin")
        assert user.has_perm("portal.add_municipality")
        assert not user.has_perm("portal.delete_municipality")
    assert len(queries) == 1


def test_an_inactive_person_has_no_permissions_and_a_superuser_all():
    group = Group.objects.create(name="Redaktörer i Åmål")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    inactive = UserFactory(groups=[group], is_active=False)
    superuser = UserFactory(is_superuser=True)

    assert not inactive.has_perm("wagtailadmin.access_admin")
    assert superuser.has_perm("portal.delete_municipality")


def test_a_renamed_department_and_a_moved_topic_page_show_on_the_service_page_at_once(client):
    from portal.models import Department

    assert client.get(SERVICE).status_code == 200
    department = Department.objects.get(municipality__slug="mellerud", slug="barn-och-utbildning")
    department.name = "Förskole- och skolförvaltningen"
    department.save()
    topic = sv("/dalslandsportalen/barn-och-utbildning/").specific
    topic.title = "Barn, skola och förskola"
    topic.save_revision().publish()

    html = client.get(SERVICE).content.decode()
    assert "Fler tjänster från Förskole- och skolförvaltningen" in html
    assert "Barn, skola och förskola i alla kommuner" in html


def test_a_signed_in_person_is_read_with_their_identity_or_profile_in_one_query():
    from portal.auth_backends import PortalAuthenticationBackend, PortalModelBackend
    from portal.identity.models import CitizenIdentity, EmployeeProfile

    resident = UserFactory()
    CitizenIdentity.objects.create(
        user=resident, personal_identity_number="199003159861", given_name="Emma"
    )
    employee = UserFactory()
    EmployeeProfile.objects.create(
        user=employee, municipality=Municipality.objects.get(slug="amal"), roles=["larare"]
    )
    for backend in (PortalModelBackend(), PortalAuthenticationBackend()):
        with CaptureQueriesContext(connection) as queries:
            assert backend.get_user(resident.pk).citizen_identity.given_name == "Emma"
            profile = backend.get_user(employee.pk).employee_profile
            assert profile.municipality.slug == "amal"
        assert len(queries) == 2
