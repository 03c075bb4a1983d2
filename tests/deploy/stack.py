"""What the production-stack tests (test_stack.py, test_shared_s3.py) share: throwaway
PostgreSQL databases seeded with production settings, processes started and stopped as a
whole tree, bounded waits, and reading an HTML form as a browser would submit it.

The seeded database is made once per pytest process (migrate + seed_demo take minutes on a
2-core machine) as a template, `portal_stack_tpl_<pid>`; each module clones it with
`CREATE DATABASE … TEMPLATE …` (under a second) and drops its clone when done. The tasks the
seeding queued are run in the template first, so every copy starts with an idle task queue.
The template is dropped when the pytest session ends (`config.add_cleanup`).

Nothing here reads the test run's Django settings: the servers get production settings and an
environment built from scratch, so no test-only setting leaks into them.
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
VARNISHD = "/usr/sbin/varnishd"
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").is_dir() else sys.executable
SECRET_KEY = "stack-test-secret-" + "x" * 40  # noqa: S105 - a throwaway server's key
# The demo's Wagtail site is `localhost` (Wagtail's own default site, kept by seed_demo): the
# Host a TLS proxy would pass on, and the one Wagtail's purges name.
SITE_HOST = "localhost"


# --- Whether the stack can run here -----------------------------------------------------------


def database_url() -> str:
    return os.environ.get("DATABASE_URL", "")


def postgres_skip_reason() -> str | None:
    """Why these tests cannot run here, or None."""
    url = database_url()
    if not url.startswith(("postgres://", "postgresql://")):
        return (
            "the production-stack tests run once per CI run, in the PostgreSQL pass "
            "(DATABASE_URL=postgresql://…); DATABASE_URL is not PostgreSQL here"
        )
    parts = urlsplit(url)
    try:
        socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 5432), 3).close()
    except OSError:
        return f"PostgreSQL does not answer at {parts.hostname}:{parts.port or 5432}"
    try:
        import psycopg2

        psycopg2.connect(server_url("postgres"), connect_timeout=5).close()
    except Exception as error:  # noqa: BLE001 - any failure means: cannot run here
        return f"cannot connect to PostgreSQL as DATABASE_URL's user: {error}"
    return None


def server_url(name: str) -> str:
    """DATABASE_URL's server and user, with the database `name`."""
    parts = urlsplit(database_url())
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def sql(statement: str) -> None:
    """Run one statement outside a transaction (CREATE/DROP DATABASE) on the server."""
    import psycopg2

    connection = psycopg2.connect(server_url("postgres"), connect_timeout=10)
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(statement)
    finally:
        connection.close()


def query(name: str, statement: str, params=()) -> list[tuple]:
    """The rows of one query on database `name`."""
    import psycopg2

    connection = psycopg2.connect(server_url(name), connect_timeout=10)
    try:
        with connection, connection.cursor() as cursor:
            cursor.execute(statement, params)
            return cursor.fetchall()
    finally:
        connection.close()


# --- Production environment and manage.py ----------------------------------------------------


def production_environ(database: str, var_dir: Path, **extra: str) -> dict[str, str]:
    """An environment from scratch for a production server on `database`: only what an
    operator sets, plus `extra`. Plain HTTP on loopback, so SECURE_SSL_REDIRECT is off (in
    production the TLS proxy in front speaks HTTPS)."""
    environ = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),  # noqa: S108
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": f"{SITE_HOST},127.0.0.1",
        "DATABASE_URL": server_url(database),
        "PORTAL_BASE_URL": f"https://{SITE_HOST}",
        "TRUSTED_PROXY_COUNT": "1",
        "PORTAL_VAR_DIR": str(var_dir),
        "SECURE_SSL_REDIRECT": "false",
        # The worker prints e-mails instead of needing a mail server (the outbox's own tests
        # use a real SMTP server).
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }
    environ.update(extra)
    return environ


def manage(environ: dict[str, str], *args: str, timeout: float = 600) -> str:
    """`manage.py *args` in the project with `environ`; its output, or a failure naming it."""
    try:
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=environ,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"manage.py {' '.join(args)} did not finish within {timeout:.0f} s")
    if result.returncode != 0:
        pytest.fail(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


# --- The seeded databases ---------------------------------------------------------------------

_template: tuple[str, Path] | None = None
_template_failed = False


def seeded_template(config: pytest.Config) -> tuple[str, Path]:
    """The name of a database migrated and seeded with the demo under production settings, and
    the folder with the files seed_demo stored (media, private); made once per pytest process,
    dropped when the session ends."""
    global _template, _template_failed
    if _template is not None:
        return _template
    if _template_failed:
        pytest.fail("seeding the template database failed earlier in this session (above)")
    _template_failed = True
    name = f"portal_stack_tpl_{os.getpid()}"
    var_dir = Path(tempfile.mkdtemp(prefix="portal-stack-seed-"))

    def drop():
        sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        shutil.rmtree(var_dir, ignore_errors=True)

    sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    sql(f"CREATE DATABASE {name}")
    config.add_cleanup(drop)
    # A throwaway database need not wait for the disk at every commit; seed_demo commits often.
    sql(f"ALTER DATABASE {name} SET synchronous_commit = off")
    environ = production_environ(name, var_dir)
    manage(environ, "migrate", "--no-input", "-v0")
    manage(environ, "seed_demo", "-v0")
    # Seeding under production settings queues its side effects for the task worker (about
    # 2,500 search-index, reference-index and cache-purge tasks). Run them here, once, as the
    # worker of a new installation would, so each copy starts with an idle queue: a publish's
    # purge (Wagtail queues it as a task too) is then not stuck behind the seeding's backlog.
    drain = [
        subprocess.Popen(
            [PYTHON, "manage.py", "db_worker", "--batch", "--no-reload", "--no-startup-delay"]
            + ["--queue-name", "*", "-v0"],
            cwd=ROOT,
            env=environ,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    for worker in drain:
        try:
            _out, errors = worker.communicate(timeout=900)
        except subprocess.TimeoutExpired:
            for other in drain:
                other.kill()
            pytest.fail("the task worker did not run the seeding's tasks within 900 s")
        if worker.returncode != 0:
            pytest.fail(f"db_worker --batch failed:\n{errors.decode(errors='replace')}")
    left = query(
        name, "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status <> 'SUCCESSFUL'"
    )
    assert left == [(0,)], f"{left[0][0]} of the seeding's tasks did not succeed"
    _template, _template_failed = (name, var_dir), False
    return _template


@contextlib.contextmanager
def throwaway_database(config: pytest.Config, label: str, var_dir: Path) -> Iterator[str]:
    """A copy of the seeded template, `portal_<label>_<pid>`, with seed_demo's files copied to
    `var_dir`; dropped afterwards."""
    template, seed_files = seeded_template(config)
    name = f"portal_{label}_{os.getpid()}"
    shutil.copytree(seed_files, var_dir, dirs_exist_ok=True)
    sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    sql(f"CREATE DATABASE {name} TEMPLATE {template}")
    try:
        yield name
    finally:
        sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


# --- Processes --------------------------------------------------------------------------------


def _children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # pid (comm) state ppid …: comm may hold spaces and parentheses.
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    return children


def descendants(pid: int) -> list[int]:
    """The processes below `pid` (honcho starts each of its own in a new session, so they
    are not in the process group of the command that started honcho)."""
    tree = _children()
    found, todo = [], [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


class Started:
    """A command started in a process group of its own, its output in a log file."""

    def __init__(self, args: list[str], environ: dict[str, str], log: Path, cwd: Path = ROOT):
        self.log = log
        self._log_file = log.open("wb")
        self.process = subprocess.Popen(
            args,
            cwd=cwd,
            env=environ,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def running(self) -> bool:
        return self.process.poll() is None

    def stop(self, timeout: float = 30) -> None:
        """SIGTERM to its process group (as Ctrl-C or systemd would stop it), then SIGKILL to
        each process of the tree still there after `timeout` seconds."""
        tree = descendants(self.process.pid) if self.running() else []
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=timeout)
        while any(_alive(pid) for pid in tree) and time.monotonic() < deadline:
            time.sleep(0.2)
        for pid in [self.process.pid, *tree]:
            with contextlib.suppress(ProcessLookupError):
                if pid == self.process.pid and self.process.poll() is not None:
                    continue
                if _alive(pid):
                    os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        self._log_file.close()


def wait_for(check: Callable[[], object], seconds: float, what: str, started=None):
    """`check()`'s first true value, polling for at most `seconds`; a failure naming `what`
    (with the server's output) otherwise. Exceptions from `check` count as not yet."""
    deadline = time.monotonic() + seconds
    last_error = None
    while True:
        try:
            value = check()
        except Exception as error:  # noqa: BLE001 - not ready yet
            value, last_error = None, error
        if value:
            return value
        if started is not None and not started.running():
            pytest.fail(f"{what}: the process ended\n{started.output()[-6000:]}")
        if time.monotonic() > deadline:
            output = started.output()[-6000:] if started is not None else ""
            pytest.fail(f"{what} within {seconds:.0f} s (last error: {last_error})\n{output}")
        time.sleep(0.25)


# --- HTTP as a browser would -------------------------------------------------------------------


class LoopbackSession(requests.Session):
    """A requests session that sends `Secure` cookies over plain HTTP on loopback, as browsers
    do for localhost: the production settings mark the session and CSRF cookies Secure, and
    these tests have no TLS proxy in front. (A cookie policy would not do: requests copies the
    jar into one with the default policy for each request.)"""

    def prepare_request(self, request):
        for cookie in self.cookies:
            cookie.secure = False
        return super().prepare_request(request)


class FormReader(HTMLParser):
    """The fields of the forms on a page, as a browser would submit each one."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.forms.append({"attrs": attributes, "fields": []})
        if not self.forms:
            return
        fields = self.forms[-1]["fields"]
        name = attributes.get("name")
        if tag == "input" and name:
            fields.append(
                {
                    "name": name,
                    "type": (attributes.get("type") or "text").lower(),
                    "value": attributes.get("value") or "",
                    "checked": "checked" in attributes,
                    "required": "required" in attributes,
                }
            )
        elif tag == "textarea" and name:
            self._textarea = {
                "name": name,
                "type": "textarea",
                "value": "",
                "required": "required" in attributes,
            }
            fields.append(self._textarea)
        elif tag == "select" and name:
            self._select = {"name": name, "type": "select", "value": None, "options": []}
            fields.append(self._select)
        elif tag == "option" and self._select is not None:
            value = attributes.get("value", "")
            self._select["options"].append(value)
            if "selected" in attributes or self._select["value"] is None:
                self._select["value"] = value

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["value"] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            # As in a browser: a newline right after <textarea> is not part of the value.
            value = self._textarea["value"]
            self._textarea["value"] = value[1:] if value.startswith("\n") else value
            self._textarea = None
        elif tag == "select":
            self._select = None


def forms_of(html: str) -> list[dict]:
    reader = FormReader()
    reader.feed(html)
    return reader.forms
