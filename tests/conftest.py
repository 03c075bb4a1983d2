"""Fixtures and checks for the browser tests in `tests/e2e/`.

One server thread serves the seeded test database for the whole session (pytest-django's
`live_server` would need `transactional_db`, which flushes the seed). Playwright drives the
system's Chromium (never `playwright install`); axe-core and the W3C HTML checker (vnu.jar)
come from `npm ci`; `tests/e2e/checks.py` runs them.

Browser tests are marked `e2e`. They must not use the `db` fixture: its transaction is
invisible to the server thread. Whatever they create through the ORM is committed, so they
clean it up themselves.
"""

import contextlib
import os

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


# --- The server -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def live_url(django_db_setup):
    """The base URL of a server thread over the seeded test database, for the whole session."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.test.testcases import LiveServerThread

    # Static files from the apps' folders (finders), as `runserver` serves them.
    server = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    yield f"http://127.0.0.1:{server.port}"
    server.terminate()


@pytest.fixture(scope="session")
def base_url(live_url):
    """Playwright's `page.goto("/sok/")` resolves against the live server."""
    return live_url


@pytest.fixture(autouse=True)
def _database_for_browser_tests(request):
    """pytest-django blocks database access outside `db` tests, for every thread. A browser
    test needs it open (committed, no transaction) for the server thread and for looking up
    the pages it visits."""
    if request.node.get_closest_marker("e2e") is None:
        yield
        return
    if "db" in request.fixturenames:
        pytest.fail("A browser test cannot use `db`: the server thread would not see its data.")
    blocker = request.getfixturevalue("django_db_blocker")
    request.getfixturevalue("django_db_setup")
    with blocker.unblock():
        yield


# --- The browser ----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def playwright(playwright):
    """While Playwright's sync API runs, its event loop makes Django keep database connections
    per context instead of per thread: the browser tests' ORM calls get a connection of their
    own. Close it before Playwright stops, or the test database cannot be dropped."""
    yield playwright
    from django.db import connections

    connections.close_all()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "sv-SE", "timezone_id": "Europe/Stockholm"}


# --- Content-Security-Policy violations -------------------------------------------------------

# Every frame of every page reports what the portal's CSP blocked (docs/operations.md,
# "Security headers"): the event carries the directive and the blocked address ("inline" for
# an inline script or style attribute).
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__reportCspViolation({
    directive: event.effectiveDirective || event.violatedDirective,
    blocked: event.blockedURI,
    page: document.location.href,
    source: `${event.sourceFile}:${event.lineNumber}`,
    sample: event.sample,
  });
});
"""

# What the browser reported and no test has yet answered for, from every context of the session.
csp_violations_seen: list[dict] = []


def _watch_csp(context) -> None:
    context.expose_binding(
        "__reportCspViolation", lambda source, violation: csp_violations_seen.append(violation)
    )
    context.add_init_script(CSP_LISTENER)
    close = context.close

    def close_after_reports(*args, **kwargs):
        # A round trip to each page delivers the reports still on their way.
        for open_page in context.pages:
            # A closed or crashed page has nothing more to report.
            with contextlib.suppress(Exception):
                open_page.evaluate("0")
        return close(*args, **kwargs)

    context.close = close_after_reports


@pytest.fixture(scope="session")
def browser(browser):
    """Chromium, with every context it opens (pytest-playwright's `context`, `new_context` and
    a test's own `browser.new_context()`) watching for CSP violations."""
    new_context = browser.new_context

    def watched_context(*args, **kwargs):
        context = new_context(*args, **kwargs)
        _watch_csp(context)
        return context

    browser.new_context = watched_context
    yield browser


@pytest.fixture
def csp_violations():
    """The violations reported so far, for a test that causes one on purpose; it clears the
    list once it has checked them."""
    return csp_violations_seen


@pytest.fixture(autouse=True)
def _no_csp_violations(request):
    """A browser test fails when the browser blocked anything under the portal's CSP while it
    ran (its contexts are closed, and their reports delivered, before this checks)."""
    if request.node.get_closest_marker("e2e") is None:
        yield
        return
    # Reports from before its setup (a module's fixture visiting pages) count for it too.
    yield
    found = list(csp_violations_seen)
    csp_violations_seen.clear()
    if found:
        pytest.fail(
            "The Content-Security-Policy blocked:\n"
            + "\n".join(
                f"  {v['directive']}: {v['blocked'] or '?'} on {v['page']} ({v['source']})"
                + (f" {v['sample']!r}" if v.get("sample") else "")
                for v in found
            ),
            pytrace=False,
        )


@pytest.fixture(scope="session")
def employee_credentials(live_url, django_db_blocker):
    """A committed user in the "Medarbetare" group, removed when the session ends."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    username, password = "e2e-medarbetare", "e2e-medarbetare-lösenord"
    with django_db_blocker.unblock():
        user = get_user_model().objects.create_user(username, "e2e@example.org", password)
        user.groups.add(Group.objects.get(name="Medarbetare"))
    yield username, password
    with django_db_blocker.unblock():
        user.delete()


# --- The identity providers -----------------------------------------------------------------


@pytest.fixture(scope="session")
def demo_idp(live_url, tmp_path_factory):
    """The demo OpenID Connect provider (demo_idp) in a subprocess, for the whole session, with
    the portal's callbacks registered for the live server as 127.0.0.1 and as localhost."""
    from tests.demo_idp_server import run_demo_idp

    port = live_url.rsplit(":", 1)[1]
    with run_demo_idp(
        live_url, tmp_path_factory.mktemp("demo-idp"), f"http://localhost:{port}"
    ) as url:
        yield url


@pytest.fixture
def identity_providers(demo_idp, settings, django_db_blocker):
    """Single sign-on and e-ID through the demo provider, as `make run` has them. Accounts the
    providers created are removed afterwards."""
    from allauth.socialaccount.models import SocialAccount
    from django.contrib.auth import get_user_model

    from portal.identity.config import openid_connect_apps

    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            **settings.SOCIALACCOUNT_PROVIDERS["openid_connect"],
            "APPS": openid_connect_apps({"DEMO_IDP_URL": demo_idp}, demo=True),
        }
    }
    yield demo_idp
    with django_db_blocker.unblock():
        get_user_model().objects.filter(pk__in=SocialAccount.objects.values("user_id")).delete()
