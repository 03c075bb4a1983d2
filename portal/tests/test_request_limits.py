"""What is too large or too often gets a clear page in the visitor's language, never Django's
bare English one: 413 for a body over REQUEST_BODY_MAX_SIZE (before it is read), 400 for text
over DATA_UPLOAD_MAX_MEMORY_SIZE, and 429 when signing in too often, with the username kept
and the password not."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_body_over_the_limit_is_refused_with_413_before_it_is_read(client, settings):
    settings.REQUEST_BODY_MAX_SIZE = 1024 * 1024
    response = client.post(
        "/diarium/begar-ut/", {"description": "x"}, CONTENT_LENGTH=str(5 * 1024 * 1024)
    )
    assert response.status_code == 413
    html = response.content.decode()
    assert "Det du skickade är för stort" in html
    assert "högst 1 MB" in html and "ungefär 5 MB" in html


def test_the_413_page_is_in_the_language_of_the_address(client, settings):
    settings.REQUEST_BODY_MAX_SIZE = 1024
    response = client.post("/en/sok/", {"q": "x"}, CONTENT_LENGTH="4096")
    assert response.status_code == 413
    assert 'lang="en"' in response.content.decode()[:300]


def test_a_body_within_the_limit_goes_through(client, settings):
    settings.REQUEST_BODY_MAX_SIZE = 1024 * 1024
    assert client.post("/diarium/begar-ut/", {"description": "x"}).status_code != 413


def test_text_over_djangos_limit_gets_the_portals_400_page(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post("/diarium/begar-ut/", {"description": "å" * 2000})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Det gick inte att ta emot det du skickade" in html
    assert "inget har sparats" in html


def test_signing_in_too_often_gets_429_with_the_username_kept_and_no_password(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login": "1/m/ip"}
    data = {"login": "anna.redaktor", "password": "hemligt-lösenord"}
    client.post("/accounts/login/", data)

    response = client.post("/accounts/login/", data)

    assert response.status_code == 429
    html = response.content.decode()
    assert "För många försök" in html
    assert 'value="anna.redaktor"' in html
    assert "hemligt-lösenord" not in html
