"""The database away (a PostgreSQL restart, a dropped connection): every request answers 503
with a calm page and Retry-After, never a 500 or a stack trace (portal/errors.py)."""

import sys
from unittest import mock

import pytest
from django.db import connection
from django.db.utils import InterfaceError, OperationalError
from django.test import Client

from portal import errors
from portal.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

REFUSED = "could not connect to server: Connection refused"
HEADING = "Tjänsten är tillfälligt otillgänglig"


def anonymous() -> Client:
    return Client(raise_request_exception=False)


def assert_database_unavailable_page(response):
    body = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert HEADING in body
    assert "Det du redan har skickat finns kvar" in body
    assert "The service is temporarily unavailable" in body
    assert "theme/css/error.css" in body
    assert "<style" not in body and "<script" not in body
    assert "Traceback" not in body
    assert REFUSED not in body
    # The security headers still come with it (portal/security_headers.py).
    assert "default-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "error", [OperationalError(REFUSED), InterfaceError("connection already closed")]
)
def test_the_first_lookup_of_a_request_fails(error):
    # The request's site (LookupsMiddleware) is the first thing a request asks the database.
    with mock.patch("portal.lookups.site_for_request", side_effect=error):
        response = anonymous().get("/")

    assert_database_unavailable_page(response)


def test_every_query_fails_as_after_a_restart():
    # What a restarted PostgreSQL looks like to a process: each new cursor is refused.
    with mock.patch.object(connection, "_cursor", side_effect=OperationalError(REFUSED)):
        for address in ("/", "/en/", "/mellerud/", "/sok/?q=förskola", "/e-tjanster/"):
            assert_database_unavailable_page(anonymous().get(address))


def test_a_signed_in_residents_session_cannot_be_read():
    client = anonymous()
    client.force_login(UserFactory())

    with mock.patch(
        "django.contrib.sessions.backends.db.SessionStore.load",
        side_effect=OperationalError(REFUSED),
    ):
        response = client.get("/mina-sidor/")

    assert_database_unavailable_page(response)


def test_a_form_sent_while_the_database_is_away():
    with mock.patch("portal.lookups.site_for_request", side_effect=OperationalError(REFUSED)):
        response = anonymous().post("/bengtsfors/samhallsbyggnad/gor-en-felanmalan/", {"x": "y"})

    assert_database_unavailable_page(response)


def test_an_error_raised_while_handling_a_database_error_is_still_a_503():
    def fails():
        try:
            raise OperationalError(REFUSED)
        except OperationalError as error:
            raise RuntimeError("while talking to the database") from error

    with mock.patch("portal.lookups.site_for_request", side_effect=lambda request: fails()):
        response = anonymous().get("/")

    assert_database_unavailable_page(response)


def test_any_other_error_is_still_a_500():
    with mock.patch("portal.lookups.site_for_request", side_effect=ValueError("a bug")):
        response = anonymous().get("/")

    body = response.content.decode()
    assert response.status_code == 500
    assert "Ett fel uppstod" in body
    assert HEADING not in body
    assert "Retry-After" not in response
    assert "Traceback" not in body


def test_the_503_view_asks_the_database_nothing(django_assert_num_queries):
    request = mock.Mock()
    with django_assert_num_queries(0):
        try:
            raise OperationalError(REFUSED)
        except OperationalError:
            response = errors.server_error(request)

    assert response.status_code == 503
    # Rendered without the request: no context processor, no session, no user.
    assert request.mock_calls == []


def test_the_500_view_asks_the_database_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        try:
            raise ValueError("a bug")
        except ValueError:
            response = errors.server_error(mock.Mock())

    assert response.status_code == 500


@pytest.mark.parametrize(
    ("error", "status"), [(OperationalError(REFUSED), 503), (ValueError("a bug"), 500)]
)
def test_a_template_that_cannot_be_rendered_still_gives_a_page(error, status):
    with mock.patch.object(errors.loader, "get_template", side_effect=OSError("disk gone")):
        try:
            raise error
        except type(error):
            response = errors.server_error(mock.Mock())

    assert response.status_code == status
    assert b"Dalslandsportalen" in response.content
    assert b"<style" not in response.content


def test_outside_an_except_block_it_is_a_plain_500():
    assert sys.exc_info() == (None, None, None)

    assert errors.server_error(mock.Mock()).status_code == 500


def test_what_counts_as_the_database_being_away():
    assert errors.is_database_unavailable(OperationalError(REFUSED))
    assert errors.is_database_unavailable(InterfaceError("connection already closed"))
    try:
        try:
            raise InterfaceError("connection already closed")
        except InterfaceError:
            raise KeyError("raised while handling it")  # noqa: B904 - the implicit context
    except KeyError as error:
        assert errors.is_database_unavailable(error)
    assert not errors.is_database_unavailable(ValueError("a bug"))
    assert not errors.is_database_unavailable(None)
