"""A page cached for anonymous visitors never carries another person's name or token, through
the committed VCL in a real varnishd (the `varnish` fixture: conftest.py) and the portal's own
Cache-Control (portal/cache_headers.py).

A resident (e-ID identity, Mina sidor) and an employee (Medarbetarportalen, whose dashboard shows
the applications and operational notices) sign in with real sessions and visit public and
personal pages through Varnish; anonymous visitors then ask for the same addresses.
"""

import re
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
import requests

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


pytestmark = pytest.mark.usefixtures("database_for_the_server")


def get(base: str, path: str, cookies: dict | None = None) -> requests.Response:
    # A fresh request each time: no cookie jar, no redirects followed.
    response = requests.get(base + path, cookies=cookies, allow_redirects=False, timeout=30)
    assert response.status_code < 500, (path, response.status_code)
    return response


def purge(base: str, path: str) -> None:
    assert requests.request("PURGE", base + path, timeout=30).status_code == 200


def signed_in(user) -> dict[str, str]:
    """A real session for `user` (the database the live server reads): its cookies."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}


@pytest.fixture(scope="module")
def people(live_url, django_db_blocker):
    """A resident and an employee with names nobody else has, signed in; removed afterwards."""
    from django.contrib.auth.models import Group

    from portal.identity.models import CitizenIdentity
    from portal.tests.factories import UserFactory

    with django_db_blocker.unblock():
        resident = UserFactory(first_name="Sigrid", last_name="Hemligsdotter")
        CitizenIdentity.objects.create(
            user=resident,
            personal_identity_number="199001019802",
            given_name="Sigrid-Hemlig",
            family_name="Hemligsdotter",
        )
        employee = UserFactory(
            first_name="Torvald",
            last_name="Privatsson",
            groups=[Group.objects.get(name="Medarbetare")],
        )
        yield SimpleNamespace(
            resident=SimpleNamespace(name="Sigrid-Hemlig", cookies=signed_in(resident)),
            employee=SimpleNamespace(name="Privatsson", cookies=signed_in(employee)),
        )
        resident.delete()
        employee.delete()


@pytest.fixture(scope="module")
def public_paths(django_db_blocker):
    from citizen_portal.models import FormPage, ServicePage

    with django_db_blocker.unblock():
        service = ServicePage.objects.live().filter(locale__language_code="sv").first()
        form = FormPage.objects.live().first()
        return ["/", "/en/", urlsplit(service.full_url).path, urlsplit(form.full_url).path]


PERSONAL_PATHS = ["/mina-sidor/", "/medarbetare/", "/admin/", "/accounts/email/"]


def secrets_of(person, responses) -> set[str]:
    """What of `person` a response may carry: their session id, the CSRF cookie and the tokens
    their pages rendered."""
    found = set(person.cookies.values())
    for response in responses:
        found.update(cookie.value for cookie in response.cookies)
        found.update(CSRF_INPUT.findall(response.text))
    # A deleted cookie's empty value is no secret.
    return {value for value in found if len(value) >= 16}


def test_a_page_cached_for_anonymous_visitors_never_carries_a_signed_in_persons_name_or_token(
    varnish, people, public_paths
):
    paths = public_paths + ["/sok/?q=bygglov"] + PERSONAL_PATHS
    for path in paths:
        purge(varnish, path)

    for person, home in ((people.resident, "/mina-sidor/"), (people.employee, "/medarbetare/")):
        responses = []
        for path in paths:
            for _ in range(2):
                response = get(varnish, path, cookies=person.cookies)
                assert response.headers["X-Cache"] == "MISS", (path, person.name)
                assert "private" in response.headers["Cache-Control"], path
                assert "no-store" in response.headers["Cache-Control"], path
                responses.append(response)
        # The sessions work: each person's own page greets them by name.
        assert person.name in get(varnish, home, cookies=person.cookies).text, home
        secrets = secrets_of(person, responses)
        assert any(CSRF_INPUT.search(r.text) for r in responses), "no page rendered a form"

        for path in paths:
            for _ in range(2):
                anonymous = get(varnish, path)
                assert person.name not in anonymous.text, path
                leaked = {s for s in secrets if s in anonymous.text}
                leaked |= {c.value for c in anonymous.cookies} & secrets
                assert not leaked, (path, leaked)
                assert "wagtail-userbar" not in anonymous.text, path


def test_a_signed_in_person_never_gets_the_anonymous_copy(varnish, people, public_paths):
    for path in public_paths[:3]:
        purge(varnish, path)
        get(varnish, path)
        assert get(varnish, path).headers["X-Cache"] == "HIT", path
        for person in (people.resident, people.employee):
            assert get(varnish, path, cookies=person.cookies).headers["X-Cache"] == "MISS", path


@pytest.mark.parametrize("path", PERSONAL_PATHS + ["/medarbetare/applikationer/"])
def test_personal_areas_are_a_miss_every_time_signed_in_or_not(varnish, people, path):
    """Mina sidor, Medarbetarportalen (its applications and operational notices, which is why
    changing them purges nothing: citizen_portal/cache.py) and the admin."""
    for cookies in (None, people.resident.cookies, people.employee.cookies):
        for _ in range(3):
            response = get(varnish, path, cookies=cookies)
            assert response.headers["X-Cache"] == "MISS", (path, response.status_code)
            assert "no-store" in response.headers["Cache-Control"], path


def test_the_employee_dashboard_is_private_and_never_stored(varnish, people):
    for _ in range(3):
        response = get(varnish, "/medarbetare/", cookies=people.employee.cookies)
        assert response.status_code == 200
        assert response.headers["X-Cache"] == "MISS"
        assert "Privatsson" in response.text
        assert "private" in response.headers["Cache-Control"]
    # What an anonymous visitor gets there is the way to log in, never the dashboard.
    anonymous = get(varnish, "/medarbetare/")
    assert anonymous.status_code == 302
    assert "Privatsson" not in anonymous.text
