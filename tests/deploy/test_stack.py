"""The whole production stack, started as an operator starts it: `make serve`.

`make serve` (Makefile) checks the settings (`check --deploy`), migrates, collects the static
files and starts deploy/Procfile with honcho: gunicorn (deploy/gunicorn.conf.py), the task
worker (`db_worker`), the scheduler and Varnish (deploy/varnish/run with portal.vcl). The test
points it at free loopback ports with GUNICORN_BIND and VARNISH_LISTEN, at a throwaway
PostgreSQL database (a copy of one migrated and seeded with `seed_demo` under production
settings, tests/deploy/stack.py), at a temporary PORTAL_VAR_DIR (static files, media, Varnish's
working directory) and at Redis on 127.0.0.1:6379 for cache and sessions.

What an operator sets, nothing more: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL,
PORTAL_BASE_URL (https://localhost, the demo's Wagtail site), TRUSTED_PROXY_COUNT=1. There is
no TLS proxy in front here, so the test speaks plain HTTP to Varnish with
SECURE_SSL_REDIRECT=false, and
passes the Host the TLS proxy would (`localhost`, the Wagtail site that purges name). E-mails go
to the console backend: the worker prints them, no mail server needed.

It proves, through Varnish:
* an unchanged page is answered from the cache the second time (X-Cache: HIT, Age);
* an editor who signs in to the admin (password and the demo's authenticator-app code, as
  production requires) and publishes a new title in Wagtail's page editor, in Chromium, sees it
  on the public page within 2 seconds: the publish purged Varnish (VARNISH_URL, set by
  `make serve`), the page was not left to expire;
* the task worker runs: a web-form submission's e-mail task reaches SUCCESSFUL.

Skipped without varnishd, PostgreSQL or Redis, or unless DATABASE_URL is PostgreSQL: CI runs the
suite twice (SQLite, then PostgreSQL), and this module runs only in the PostgreSQL pass. The
processes are stopped (SIGTERM to `make serve`'s group; honcho stops its own) and the database
dropped when the module is done, also on failure.
"""

import datetime
import os
import shutil
import socket
import tempfile
import time
import tomllib
from pathlib import Path

import pytest
import requests

from tests.deploy import stack
from tests.processes import free_port

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run"]
# migrate and collectstatic run inside `make serve` before anything listens.
START_SECONDS = 300


def _skip_reason() -> str | None:
    if not os.access(stack.VARNISHD, os.X_OK):
        return f"{stack.VARNISHD} is not installed (apt-get install varnish)"
    if shutil.which("make") is None:
        return "make is not installed"
    if not os.access(stack.ROOT / ".venv" / "bin" / "honcho", os.X_OK):
        return "honcho is not installed in .venv (make install)"
    return stack.postgres_skip_reason()


_reason = _skip_reason()
pytestmark = pytest.mark.skipif(_reason is not None, reason=_reason or "")


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=2) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


class Stack:
    def __init__(self, base: str, database: str, started: stack.Started):
        self.base = base
        self.database = database
        self.started = started

    def get(self, path: str, **kwargs) -> requests.Response:
        """A fresh anonymous request through Varnish, with the site's Host."""
        headers = {"Host": stack.SITE_HOST, **kwargs.pop("headers", {})}
        return requests.get(
            self.base + path, headers=headers, allow_redirects=False, timeout=30, **kwargs
        )


@pytest.fixture(scope="module")
def running_stack(request):
    # Varnish drops root for its own users, who must reach its working directory and VCL
    # below PORTAL_VAR_DIR: not in pytest's private temporary folder.
    var_dir = Path(tempfile.mkdtemp(prefix="portal-stack-"))
    log = Path(tempfile.mkdtemp(prefix="portal-stack-log-")) / "make-serve.log"
    gunicorn_port, varnish_port = free_port(), free_port()
    extra = {
        "GUNICORN_BIND": f"127.0.0.1:{gunicorn_port}",
        "VARNISH_LISTEN": f"127.0.0.1:{varnish_port}",
        "GUNICORN_WORKERS": "2",
        "VARNISH_STORAGE": "malloc,64m",
    }
    if not redis_answers():
        pytest.skip("make serve needs Redis (REDIS_URL); nothing answers on 127.0.0.1:6379")
    # One of Redis's 16 numbered databases, by process, so parallel runs seldom share one.
    extra["REDIS_URL"] = f"redis://127.0.0.1:6379/{8 + os.getpid() % 8}"
    started = None
    try:
        with stack.throwaway_database(request.config, "stack", var_dir) as database:
            var_dir.chmod(0o755)
            environ = stack.production_environ(database, var_dir, **extra)
            started = stack.Started(
                ["make", "--no-print-directory", "serve"], environ, log, cwd=stack.ROOT
            )
            base = f"http://127.0.0.1:{varnish_port}"

            def healthy():
                response = requests.get(
                    base + "/health/", headers={"Host": stack.SITE_HOST}, timeout=5
                )
                return response.status_code == 200 and response.json()["status"] == "ok"

            stack.wait_for(healthy, START_SECONDS, "/health/ through Varnish", started)
            try:
                yield Stack(base, database, started)
            finally:
                started.stop()
                started = None
    finally:
        if started is not None:
            started.stop()
        shutil.rmtree(var_dir, ignore_errors=True)
        shutil.rmtree(log.parent, ignore_errors=True)


def public_page(database: str) -> tuple[int, str, str]:
    """A live Swedish service page of the default site: its id, path and title."""
    rows = stack.query(
        database,
        """
        SELECT page.id, page.url_path, page.title, root.url_path
        FROM wagtailcore_page page
        JOIN django_content_type type ON type.id = page.content_type_id
        JOIN wagtailcore_locale locale ON locale.id = page.locale_id
        JOIN wagtailcore_site site ON site.is_default_site
        JOIN wagtailcore_page root ON root.id = site.root_page_id
        WHERE type.app_label = 'citizen_portal' AND type.model = 'servicepage'
          AND page.live AND locale.language_code = 'sv'
          AND page.url_path LIKE root.url_path || '%%'
        ORDER BY page.path LIMIT 1
        """,
    )
    assert rows, "the demo has no live Swedish service page"
    page_id, url_path, title, root_path = rows[0]
    return page_id, "/" + url_path[len(root_path) :], title


# --- (a) the page cache --------------------------------------------------------------------------


def test_an_unchanged_page_is_answered_from_the_cache(running_stack):
    _id, path, title = public_page(running_stack.database)
    first = running_stack.get(path)
    assert first.status_code == 200, (path, first.status_code)
    assert title in first.text
    time.sleep(1.1)
    second = running_stack.get(path)
    assert second.status_code == 200
    assert second.headers["X-Cache"] == "HIT", second.headers
    assert int(second.headers["Age"]) >= 1
    assert second.text == first.text
    # gunicorn itself never answers the public: only through Varnish on loopback.
    assert "Set-Cookie" not in second.headers


# --- (b) publishing through the admin ------------------------------------------------------------


def totp_code() -> str:
    """The demo administrator's current authenticator-app code (demo/accounts.toml), as
    `manage.py demo_totp` prints it (which, like the demo password, only works with DEBUG on)."""
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    counter = int(time.time()) // app_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(administrator()["totp_secret"], counter))


def administrator() -> dict:
    with (stack.ROOT / "demo" / "accounts.toml").open("rb") as handle:
        return tomllib.load(handle)["administrator"]


def test_a_change_published_in_the_admin_is_visible_through_varnish_within_2_seconds(
    running_stack,
):
    from playwright.sync_api import sync_playwright

    page_id, path, title = public_page(running_stack.database)
    new_title = f"{title} (ändrad {datetime.datetime.now():%H:%M:%S})"
    running_stack.get(path)
    assert running_stack.get(path).headers["X-Cache"] == "HIT"

    # The browser reaches Varnish as `localhost:<port>`: Chromium keeps the Secure cookies
    # of the production settings on http://localhost, as it would over HTTPS.
    admin_base = running_stack.base.replace("127.0.0.1", "localhost")
    account = administrator()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(base_url=admin_base, locale="sv-SE")
            context.set_default_timeout(30_000)
            page = context.new_page()
            page.goto("/admin/")
            page.fill("input[name=login]", account["username"])
            page.fill("input[name=password]", account["password"])
            page.locator("form input[name=password]").press("Enter")
            page.wait_for_selector("input[name=code]")
            page.fill("input[name=code]", totp_code())
            page.locator("input[name=code]").press("Enter")
            page.wait_for_url("**/admin/**")

            page.goto(f"/admin/pages/{page_id}/edit/")
            page.fill("#id_title", new_title)
            # The footer's "more actions" menu holds "Publish", as an editor opens it.
            page.locator("footer [data-w-dropdown-target=toggle]").first.click()
            with page.expect_navigation():
                page.locator("button[name=action-publish]").click()
            published = time.monotonic()
            assert "/edit/" not in page.url or "published" in page.content().lower(), page.url
        finally:
            browser.close()

    responses = []
    while True:
        responses.append(running_stack.get(path))
        if new_title in responses[-1].text or time.monotonic() - published > 2:
            break
        time.sleep(0.1)
    seconds = time.monotonic() - published
    assert new_title in responses[-1].text, f"not visible after {seconds:.1f} s"
    # Purged on publish, not left to expire (s-maxage is 10 minutes): the first answer with the
    # new title came from gunicorn. The purge is a task the worker runs within a second or so,
    # so an answer or two before it may still be the cached page.
    assert responses[-1].headers["X-Cache"] == "MISS"


# --- (c) the task worker ----------------------------------------------------------------------


FORM_PATH = "/rapportera-brist-i-tillganglighet/"


def test_the_task_worker_sends_a_form_submissions_email(running_stack):
    session = stack.LoopbackSession()
    session.headers["Host"] = stack.SITE_HOST
    url = running_stack.base + FORM_PATH
    response = session.get(url, timeout=30)
    assert response.status_code == 200
    form = next(
        form
        for form in stack.forms_of(response.text)
        if any(field["name"] == "csrfmiddlewaretoken" for field in form["fields"])
    )
    data = {}
    for field in form["fields"]:
        kind = field["type"]
        if kind in ("radio", "checkbox"):
            if field["checked"] or (field["required"] and field["name"] not in data):
                data[field["name"]] = field["value"] or "on"
        elif kind in ("submit", "button", "file"):
            continue
        elif field.get("required") and not field["value"].strip():
            data[field["name"]] = "test@example.org" if kind == "email" else "Startsidan"
        else:
            data[field["name"]] = field["value"]

    before = {
        row[0]
        for row in stack.query(
            running_stack.database, "SELECT id FROM django_tasks_database_dbtaskresult"
        )
    }
    response = session.post(url, data=data, allow_redirects=False, timeout=30)
    assert response.status_code == 302, response.text[-3000:]

    def finished():
        rows = [
            row
            for row in stack.query(
                running_stack.database,
                "SELECT id, task_path, status, traceback FROM django_tasks_database_dbtaskresult",
            )
            if row[0] not in before
        ]
        return rows if rows and all(row[2] in ("SUCCESSFUL", "FAILED") for row in rows) else None

    rows = stack.wait_for(finished, 30, "the worker finishing the submission's tasks")
    assert [row for row in rows if row[2] != "SUCCESSFUL"] == [], rows
    assert any(row[1].endswith("deliver_email") for row in rows), rows


def test_make_serve_refuses_to_start_without_its_settings_and_names_each():
    import subprocess

    environ = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/root")}
    result = subprocess.run(
        ["make", "--no-print-directory", "serve"],
        cwd=stack.ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    first = next(line for line in result.stdout.splitlines() if "needs in the environment" in line)
    for name in (
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "DATABASE_URL",
        "REDIS_URL",
        "PORTAL_BASE_URL",
        "TRUSTED_PROXY_COUNT",
    ):
        assert name in first.split(), name
    assert "Listening" not in result.stdout + result.stderr
