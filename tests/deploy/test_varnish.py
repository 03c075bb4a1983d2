"""deploy/varnish/portal.vcl in a real varnishd, in front of the seeded test server (the
`varnish` fixture: tests/deploy/conftest.py). What a signed-in person's pages may never leave in
the cache: test_varnish_privacy.py."""

import time
from urllib.parse import urlsplit

import pytest
import requests

pytestmark = pytest.mark.usefixtures("database_for_the_server")


def get(base: str, path: str, **kwargs) -> requests.Response:
    # A fresh request each time: no cookie jar, no redirects followed.
    response = requests.get(base + path, allow_redirects=False, timeout=30, **kwargs)
    assert response.status_code < 500, (path, response.status_code)
    return response


def purge(base: str, path: str) -> None:
    response = requests.request("PURGE", base + path, timeout=30)
    assert response.status_code == 200, response.text


def test_anonymous_page_is_a_miss_then_a_hit_with_age(varnish):
    purge(varnish, "/")
    first = get(varnish, "/")
    assert first.status_code == 200
    assert first.headers["X-Cache"] == "MISS"
    second = get(varnish, "/")
    assert second.status_code == 200
    assert second.headers["X-Cache"] == "HIT"
    assert int(second.headers["Age"]) >= 0
    assert second.text == first.text


def test_tracking_cookies_are_dropped_so_the_page_is_shared(varnish):
    get(varnish, "/")
    response = get(varnish, "/", headers={"Cookie": "_ga=GA1.2.3; _pk_id.1=abc"})
    assert response.headers["X-Cache"] == "HIT"


@pytest.mark.parametrize("cookie", ["sessionid=abc123", "_ga=1; csrftoken=xyz"])
def test_a_visitor_with_the_portals_cookies_never_gets_a_cached_page(varnish, cookie):
    get(varnish, "/")
    get(varnish, "/")
    for _ in range(2):
        response = get(varnish, "/", headers={"Cookie": cookie})
        assert response.headers["X-Cache"] == "MISS"


@pytest.mark.parametrize(
    "path", ["/admin/", "/mina-sidor/", "/medarbetare/", "/health/", "/accounts/login/"]
)
def test_personal_areas_are_never_cached(varnish, path):
    for _ in range(3):
        response = get(varnish, path)
        assert response.headers["X-Cache"] == "MISS", (path, response.status_code)


def test_a_response_that_sets_a_cookie_is_not_stored(varnish, live_url):
    """A form page renders a CSRF token, so Django sets `csrftoken`: no visitor may be given
    another's token, nor the cookie itself, from the cache."""
    from citizen_portal.models import FormPage

    path = urlsplit(FormPage.objects.live().first().full_url).path
    assert "csrftoken" in get(live_url, path).cookies, "the form page no longer sets a cookie"
    for _ in range(3):
        response = get(varnish, path)
        assert response.status_code == 200
        assert response.headers["X-Cache"] == "MISS"
        assert "csrftoken" in response.cookies


def test_purge_from_localhost_empties_the_url(varnish):
    get(varnish, "/")
    assert get(varnish, "/").headers["X-Cache"] == "HIT"
    purge(varnish, "/")
    assert get(varnish, "/").headers["X-Cache"] == "MISS"
    assert get(varnish, "/").headers["X-Cache"] == "HIT"


def test_post_is_passed(varnish):
    response = requests.post(varnish + "/", allow_redirects=False, timeout=30)
    assert response.headers["X-Cache"] == "MISS"


# --- Purging on publish (wagtail.contrib.frontend_cache, citizen_portal/cache.py) -----------


@pytest.fixture
def purging_to_varnish(varnish, settings):
    """Wagtail's frontend cache pointed at this varnishd, as VARNISH_URL does in production.
    The live server runs in this process, so it sees the setting too."""
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": varnish,
        }
    }
    return varnish


def get_until(base: str, path: str, host: str, text: str, seconds: float = 2):
    """The responses to `path` until one contains `text`, for at most `seconds`."""
    responses = []
    deadline = time.monotonic() + seconds
    while True:
        responses.append(get(base, path, headers={"Host": host}))
        if text in responses[-1].text or time.monotonic() > deadline:
            return responses
        time.sleep(0.1)


def test_publishing_a_page_purges_it_and_its_listing(purging_to_varnish):
    from citizen_portal.models import ServicePage

    varnish = purging_to_varnish
    page = ServicePage.objects.live().filter(locale__language_code="sv").first()
    parent = page.get_parent()
    # Purges go to the Host of the page's site, as the TLS proxy passes it on.
    host = urlsplit(page.full_url).netloc
    paths = [urlsplit(page.full_url).path, urlsplit(parent.full_url).path]
    for path in paths:
        get(varnish, path, headers={"Host": host})
        assert get(varnish, path, headers={"Host": host}).headers["X-Cache"] == "HIT"

    title = page.title
    new_title = f"{title} – uppdaterad"
    try:
        page.title = new_title
        page.save_revision().publish()
        for path in paths:
            responses = get_until(varnish, path, host, new_title)
            assert new_title in responses[-1].text, path
            assert responses[0].headers["X-Cache"] == "MISS", path
    finally:
        page.refresh_from_db()
        page.title = title
        page.save_revision().publish()
    assert new_title not in get(varnish, paths[0], headers={"Host": host}).text


def test_changing_the_crisis_message_bans_every_page(purging_to_varnish):
    from wagtail.models import Site

    from portal.models import PortalSettings

    varnish = purging_to_varnish
    site = Site.objects.get(is_default_site=True)
    host = urlsplit(site.root_url).netloc
    paths = ["/", "/en/"]
    for path in paths:
        get(varnish, path, headers={"Host": host})
        assert get(varnish, path, headers={"Host": host}).headers["X-Cache"] == "HIT"

    message = "Koka vattnet: testmeddelande från test_varnish."
    portal_settings = PortalSettings.for_site(site)
    previous = portal_settings.crisis_message
    try:
        portal_settings.crisis_message = message
        portal_settings.save()
        for path in paths:
            responses = get_until(varnish, path, host, message)
            assert message in responses[-1].text, path
            assert responses[0].headers["X-Cache"] == "MISS", path
    finally:
        portal_settings.crisis_message = previous
        portal_settings.save()
