"""The fault drill: the production stack under mixed load while its parts fail, one at a time.

Used by tests/deploy/test_faults.py (a short drill in CI) and bench/fault_bench.py (a longer one
that prints the figures). What runs, all on loopback ports of this machine:

* a PostgreSQL cluster of its own (initdb in a temporary folder), holding a copy of the seeded
  demo database (tests/deploy/stack.py), so that it can be stopped without touching the
  server the test suite uses;
* a Redis server of its own, keeping nothing on disk (cache and sessions, REDIS_URL);
* a real SMTP server, aiosmtpd with its Maildir handler: every e-mail the portal sends is a
  file there;
* the portal's processes with the commands of deploy/Procfile: gunicorn, the task worker, the
  scheduler and Varnish, with production settings.

The load, from threads in this process, all through Varnish: anonymous visitors (pages,
search), residents signed in with e-ID sessions who apply for a preschool place (GET the form,
POST it with a submission key; a failed POST is sent again with the same key, as a person
presses the button again), and handlers who sign in with password and authenticator code and
take each new application into handling ("Handläggs").

The faults, each once, in this order: the mail server stops; the task worker is killed
(SIGKILL, and started again as systemd's Restart=always would); Redis stops; PostgreSQL stops.
Each is put right after `hold` seconds, and the load goes on for `calm` seconds before the
next. Then the load stops, the drill waits for every e-mail to be sent, and counts:

* requests by phase and answer: 2xx/3xx, 4xx, 503, other 5xx, no answer, stack traces;
* receipts (applications answered with the receipt page), stored (found in the database by
  their submission keys), lost (a receipt but not stored) and doubled (a key stored twice, or
  a case that was not asked for);
* handler changes confirmed and stored;
* notifications stored, sent once, sent twice (by Message-ID at the SMTP server), never sent.
"""

import base64
import collections
import contextlib
import dataclasses
import email
import hashlib
import hmac
import json
import os
import re
import shlex
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import requests

from tests.deploy import stack
from tests.processes import free_port

PG_BIN = Path("/usr/lib/postgresql/15/bin")
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
FORM_PATH = "/e-tjanster/forskola/ansok/?kommun=amal"
ANONYMOUS_PATHS = [
    "/",
    "/mellerud/barn-och-utbildning/forskola/",
    "/sok/?q=förskola",
    "/sok/?q=bygglov",
    "/en/",
]
# An anonymous visitor reads this many pages, then the next one comes.
VISITOR_REQUESTS = 10
DRILL_PREFIX = "drill-resident-"
HANDLER_PREFIX = "drill-handler-"
PASSWORD = "drill-Handl4ggare-2026"  # noqa: S105 - a throwaway installation's account
CASE_ID = re.compile(r"/arenden/([0-9a-f-]{36})/")
# What the portal's 503 page says (theme/templates/503.html); a stack trace never shows.
UNAVAILABLE_TEXT = "tillfälligt"
TRACE_MARKERS = ("Traceback (most recent call last)", 'File "/', "django.db.utils.")


# --- Servers of its own -------------------------------------------------------------------------


def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


class PrivatePostgres:
    """A cluster of its own in `folder`, on a free loopback port, trust authentication."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.data = folder / "data"
        self.port = free_port()
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o755)
        self.data.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.data, "postgres", "postgres")
        subprocess.run(
            _as_postgres(
                [str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-E", "UTF8"]
                + ["--locale=C.UTF-8", "-U", "postgres"]
            ),
            check=True,
            capture_output=True,
        )

    def url(self, name: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            _as_postgres(
                [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.data / "log")]
                + ["-o", options, "-w", "start"]
            ),
            check=True,
            capture_output=True,
        )

    def stop(self) -> None:
        subprocess.run(
            _as_postgres(
                [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"]
            ),
            check=False,
            capture_output=True,
        )

    def copy_from(self, source_url: str, name: str) -> None:
        """`name` here, created from a dump of `source_url` (the seeded template)."""
        subprocess.run(
            [str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres"]
            + [name],
            check=True,
            capture_output=True,
        )
        dump = subprocess.Popen(
            [str(PG_BIN / "pg_dump"), "--format=custom", "--no-owner", source_url],
            stdout=subprocess.PIPE,
        )
        restore = subprocess.run(
            [str(PG_BIN / "pg_restore"), "--no-owner", "--exit-on-error", "-d", self.url(name)],
            stdin=dump.stdout,
            capture_output=True,
            check=False,
        )
        dump.stdout.close()
        if dump.wait() != 0 or restore.returncode != 0:
            raise RuntimeError(f"copying the seeded database failed: {restore.stderr[-2000:]}")


class Server:
    """A server started by a command line, stopped with SIGTERM and started again alike."""

    def __init__(self, name: str, args: list[str], environ: dict, log_dir: Path, port: int):
        self.name, self.args, self.environ, self.port = name, args, environ, port
        self.log_dir = log_dir
        self.started: stack.Started | None = None
        self.starts = 0

    def start(self) -> None:
        self.starts += 1
        log = self.log_dir / f"{self.name}-{self.starts}.log"
        self.started = stack.Started(self.args, self.environ, log)
        if self.port:
            stack.wait_for(lambda: _listens(self.port), 60, f"{self.name} listening", self.started)

    def stop(self) -> None:
        if self.started is not None:
            self.started.stop()

    def kill(self) -> None:
        """SIGKILL to its process group: no clean-up, as an out-of-memory kill."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.started.process.pid, signal.SIGKILL)
        self.started.process.wait(timeout=10)

    def running(self) -> bool:
        return self.started is not None and self.started.running()

    def output(self) -> str:
        return "".join(
            path.read_text(errors="replace") for path in sorted(self.log_dir.glob(f"{self.name}-*"))
        )


def _listens(port: int) -> bool:
    import socket

    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


def procfile() -> dict[str, str]:
    """deploy/Procfile's commands by name."""
    commands = {}
    for line in (stack.ROOT / "deploy" / "Procfile").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, command = line.partition(":")
            commands[name.strip()] = command.strip()
    return commands


# --- Preparing the accounts (in a child process with the portal's settings) ------------------


def prepare(residents: int, handlers: int) -> None:
    """Residents with e-ID sessions and handlers with a password and an authenticator app; prints
    JSON for the driver."""
    import django

    sys.path.insert(0, str(stack.ROOT / "bench"))
    django.setup()
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from eservices_bench import resident_sessions

    from eservices.models import Unit
    from portal.identity.models import EmployeeProfile
    from portal.models import Municipality

    User = get_user_model()
    sessions = resident_sessions(DRILL_PREFIX, residents, "Övning")
    amal = Municipality.objects.get(slug="amal")
    permission = Permission.objects.get(
        content_type__app_label="eservices", codename="handle_preschool"
    )
    accounts = []
    for index in range(handlers):
        user, _ = User.objects.get_or_create(
            username=f"{HANDLER_PREFIX}{index}",
            defaults={"first_name": "Hanna", "last_name": f"Övningsdotter {index}"},
        )
        user.set_password(PASSWORD)
        user.email = f"{HANDLER_PREFIX}{index}@amal.example.se"
        user.save()
        EmployeeProfile.objects.update_or_create(user=user, defaults={"municipality": amal})
        user.user_permissions.add(permission)
        secret = generate_totp_secret()
        TOTP.activate(user, secret)
        accounts.append({"username": user.username, "secret": secret})
    units = list(
        Unit.objects.filter(municipality=amal, type="forskola")
        .order_by("name")
        .values_list("pk", flat=True)[:2]
    )
    print(
        json.dumps(
            {
                "sessions": sessions,
                "session_cookie": settings.SESSION_COOKIE_NAME,
                "handlers": accounts,
                "units": units,
            }
        )
    )


def count(keys_file: str, changes_file: str) -> None:
    """What the database holds for the drill's applications and handler changes (JSON)."""
    import django

    django.setup()
    from django.db.models import Count

    from eservices.models import Case, CaseEvent, Notification
    from portal.outbox import message_id

    with open(keys_file) as handle:
        accepted = set(json.load(handle))
    with open(changes_file) as handle:
        changed = set(json.load(handle))
    cases = Case.objects.filter(applicant__username__startswith=DRILL_PREFIX)
    submitted = cases.exclude(status=Case.Status.DRAFT)
    keys = collections.Counter(
        str(key) for key in submitted.values_list("submission_key", flat=True)
    )
    in_progress = {
        str(pk)
        for pk in submitted.filter(status=Case.Status.IN_PROGRESS).values_list(
            "public_id", flat=True
        )
    }
    status_changes = collections.Counter(
        str(public_id)
        for public_id in CaseEvent.objects.filter(
            case__in=submitted, type=CaseEvent.Type.STATUS, to_status=Case.Status.IN_PROGRESS
        ).values_list("case__public_id", flat=True)
    )
    notifications = list(
        Notification.objects.filter(case__in=cases).values_list("pk", "created_at", "sent_at")
    )
    per_case = (
        Notification.objects.filter(case__in=submitted, event="inskickad")
        .values("case")
        .annotate(n=Count("pk"))
    )
    ids = {}
    for pk, created_at, sent_at in notifications:
        row = Notification(pk=pk, created_at=created_at)
        ids[message_id("arende", row)] = sent_at is not None
    print(
        json.dumps(
            {
                "stored": sum(1 for key in accepted if keys.get(key)),
                "lost": sum(1 for key in accepted if not keys.get(key)),
                "doubled": sum(n - 1 for n in keys.values() if n > 1)
                + sum(1 for key in keys if key not in accepted),
                "submitted_cases": submitted.count(),
                "receipted_cases_with_submitted_mail": per_case.count(),
                "changes_stored": len(changed & in_progress),
                "changes_lost": len(changed - in_progress),
                "changes_doubled": sum(1 for key in changed if status_changes.get(key, 0) > 1),
                "notifications": ids,
            }
        )
    )


def totp(secret: str, at: float | None = None) -> str:
    """The authenticator app's code for the base32 `secret` now (RFC 6238: HMAC-SHA1, 30 s,
    six digits), as the handler's phone shows it."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


# --- The load ------------------------------------------------------------------------------------


@dataclasses.dataclass
class Hit:
    at: float
    kind: str
    status: int  # 0: no answer
    trace: bool
    unavailable_page: bool
    seconds: float
    path: str = ""


class Load:
    """The visitors, as threads; every answer is kept as a Hit."""

    def __init__(self, base: str, prepared: dict):
        self.base = base
        self.prepared = prepared
        self.hits: list[Hit] = []
        self.receipts: dict[str, str] = {}  # submission key → case id
        self.gave_up: list[str] = []
        self.changes: set[str] = set()
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.threads: list[threading.Thread] = []
        self.errors: list[str] = []
        self.visitors = 0

    # HTTP ---------------------------------------------------------------------------------

    def session(self) -> requests.Session:
        """A visitor's browser, at an address of its own: the drill plays the TLS proxy in
        front of Varnish, which says who the visitor is (TRUSTED_PROXY_COUNT=1), so the
        per-client limits count each visitor, not the drill."""
        session = stack.LoopbackSession()
        session.headers["Host"] = stack.SITE_HOST
        with self.lock:
            self.visitors += 1
            number = self.visitors
        session.headers["X-Forwarded-For"] = (
            f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"
        )
        return session

    def request(self, session, kind, method, path, **kwargs):
        started = time.monotonic()
        try:
            response = session.request(
                method, self.base + path, allow_redirects=False, timeout=30, **kwargs
            )
        except requests.RequestException:
            self.record(kind, 0, "", started, f"{method} {path}")
            return None
        self.record(kind, response.status_code, response.text, started, f"{method} {path}")
        return response

    def record(self, kind, status, text, started, path=""):
        trace = any(marker in text for marker in TRACE_MARKERS)
        now = time.monotonic()
        hit = Hit(now, kind, status, trace, UNAVAILABLE_TEXT in text, now - started, path)
        with self.lock:
            self.hits.append(hit)

    def pause(self, seconds):
        self.stop.wait(seconds)

    # Visitors -----------------------------------------------------------------------------

    def anonymous(self, offset):
        """Visitors who each read a few pages and search, one after the other."""
        index = offset
        while not self.stop.is_set():
            if index % VISITOR_REQUESTS == offset % VISITOR_REQUESTS:
                session = self.session()
            self.request(session, "anonymous", "GET", ANONYMOUS_PATHS[index % len(ANONYMOUS_PATHS)])
            index += 1
            self.pause(0.05)

    def resident(self, offset):
        sys.path.insert(0, str(stack.ROOT / "bench"))
        from eservices_bench import answers

        sessions = self.prepared["sessions"]
        index = offset
        while not self.stop.is_set():
            session = self.session()
            session.cookies.set(self.prepared["session_cookie"], sessions[index % len(sessions)])
            key = str(uuid.uuid4())
            data = {**answers(self.prepared["units"], index), "submission_key": key}
            self.apply(session, key, data)
            self.request(session, "resident", "GET", "/mina-sidor/")
            index += len(self.threads) or 1
            self.pause(0.2)

    def apply(self, session, key, data):
        """Until the receipt: the form (for its CSRF token), then the POST; a POST without an
        answer, or with 503, is sent again with the same key after a second, for at most 90
        seconds after the load stops."""
        token = None
        deadline = None
        while True:
            if self.stop.is_set():
                deadline = deadline or time.monotonic() + 90
                if time.monotonic() > deadline:
                    with self.lock:
                        self.gave_up.append(key)
                    return
            if token is None:
                page = self.request(session, "resident", "GET", FORM_PATH)
                match = page is not None and re.search(
                    r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text
                )
                if not match:
                    time.sleep(1)
                    continue
                token = match.group(1)
            response = self.request(
                session,
                "application",
                "POST",
                FORM_PATH,
                data={**data, "csrfmiddlewaretoken": token},
            )
            location = response.headers.get("Location", "") if response is not None else ""
            if response is not None and response.status_code == 302 and "/kvitto/" in location:
                with self.lock:
                    self.receipts[key] = CASE_ID.search(location).group(1)
                return
            if response is not None and response.status_code == 403:
                token = None  # a new CSRF token, as a browser reloading the form
            elif response is not None and response.status_code not in (503, 502, 504):
                with self.lock:
                    self.errors.append(
                        f"application answered {response.status_code}: {response.text[:300]}"
                    )
                return
            time.sleep(1)

    def handler(self, account):
        session = self.session()
        while not self.stop.is_set():
            if self.sign_in(session, account):
                break
            self.pause(1)
        done: set[str] = set()
        while not self.stop.is_set():
            self.request(session, "handler", "GET", "/handlaggning/forskola/")
            with self.lock:
                todo = [case for case in self.receipts.values() if case not in done]
            for case in todo[:3]:
                if self.take(session, case):
                    done.add(case)
            self.pause(0.5)

    def sign_in(self, session, account):
        page = self.request(session, "handler", "GET", "/accounts/login/")
        if page is None or page.status_code != 200:
            return False
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        response = self.request(
            session,
            "handler",
            "POST",
            "/accounts/login/",
            data={
                "csrfmiddlewaretoken": token.group(1),
                "login": account["username"],
                "password": PASSWORD,
            },
        )
        if response is None or response.status_code != 302:
            return False
        page = self.request(session, "handler", "GET", response.headers["Location"])
        if page is None or page.status_code != 200:
            return False
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        code = totp(account["secret"])
        response = self.request(
            session,
            "handler",
            "POST",
            "/accounts/2fa/authenticate/",
            data={"csrfmiddlewaretoken": token.group(1), "code": code},
        )
        return response is not None and response.status_code == 302

    def take(self, session, case):
        """ "Handläggs" on a new case: True once the portal has confirmed it (or says the case
        already has that status, after an answer that was lost)."""
        path = f"/handlaggning/arenden/{case}/"
        page = self.request(session, "handler", "GET", path)
        if page is None or page.status_code != 200:
            return False
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        if 'value="handlaggs"' not in page.text:
            return True  # no longer offered: taken already
        response = self.request(
            session,
            "decision",
            "POST",
            path + "status/",
            data={
                "csrfmiddlewaretoken": token.group(1),
                "status-status": "handlaggs",
                "status-comment": "Ansökan är mottagen och handläggs nu.",
            },
        )
        if response is not None and response.status_code == 302:
            with self.lock:
                self.changes.add(case)
            return True
        return False

    # Running ------------------------------------------------------------------------------

    def start(self, anonymous=2, residents=3):
        targets = [(self.anonymous, i) for i in range(anonymous)]
        targets += [(self.resident, i) for i in range(residents)]
        targets += [(self.handler, account) for account in self.prepared["handlers"]]
        for target, argument in targets:
            thread = threading.Thread(target=self._guard, args=(target, argument), daemon=True)
            self.threads.append(thread)
        for thread in self.threads:
            thread.start()

    def _guard(self, target, argument):
        try:
            target(argument)
        except Exception as error:  # noqa: BLE001 - reported, not raised in a thread
            with self.lock:
                self.errors.append(f"{target.__name__}: {type(error).__name__}: {error}")

    def finish(self, timeout=120):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout)


# --- The drill -----------------------------------------------------------------------------------


@dataclasses.dataclass
class Phase:
    name: str
    start: float
    end: float


class Drill:
    FAULTS = ("mail", "worker", "redis", "postgres")

    def __init__(self, template: tuple[str, Path], hold: float, calm: float, drain: float):
        self.template_name, self.seed_files = template
        self.hold, self.calm, self.drain = hold, calm, drain
        self.folder = Path(tempfile.mkdtemp(prefix="portal-faults-"))
        self.folder.chmod(0o755)
        self.logs = self.folder / "logs"
        self.logs.mkdir()
        self.maildir = self.folder / "maildir"
        self.phases: list[Phase] = []
        self.servers: dict[str, Server] = {}
        self.postgres: PrivatePostgres | None = None

    # Setting up ---------------------------------------------------------------------------

    def environ(self) -> dict:
        var_dir = self.folder / "var"
        return stack.production_environ(
            "unused",
            var_dir,
            DATABASE_URL=self.postgres.url("portal"),
            REDIS_URL=f"redis://127.0.0.1:{self.redis_port}/0",
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(self.smtp_port),
            EMAIL_TIMEOUT="5",
            GUNICORN_BIND=f"127.0.0.1:{self.gunicorn_port}",
            GUNICORN_WORKERS="3",
            VARNISH_LISTEN=f"127.0.0.1:{self.varnish_port}",
            VARNISH_STORAGE="malloc,64m",
            VARNISH_URL=f"http://127.0.0.1:{self.varnish_port}",
            PYTHONPATH=str(stack.ROOT),
        )

    def set_up(self) -> None:
        self.postgres = PrivatePostgres(self.folder / "postgres")
        self.postgres.start()
        self.postgres.copy_from(stack.server_url(self.template_name), "portal")
        shutil.copytree(self.seed_files, self.folder / "var", dirs_exist_ok=True)
        (self.folder / "var").chmod(0o755)
        self.redis_port, self.smtp_port = free_port(), free_port()
        self.gunicorn_port, self.varnish_port = free_port(), free_port()
        environ = self.environ()
        self.env = environ
        self.servers["redis"] = Server(
            "redis",
            [REDIS_SERVER, "--port", str(self.redis_port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            environ,
            self.logs,
            self.redis_port,
        )
        self.servers["mail"] = Server(
            "mail",
            [stack.PYTHON, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{self.smtp_port}"]
            + ["-c", "aiosmtpd.handlers.Mailbox", str(self.maildir)],
            environ,
            self.logs,
            self.smtp_port,
        )
        commands = procfile()
        ports = {"web": self.gunicorn_port, "varnish": self.varnish_port}
        for name in ("web", "worker", "scheduler", "varnish"):
            self.servers[name] = Server(
                name, ["sh", "-c", f"exec {commands[name]}"], environ, self.logs, ports.get(name, 0)
            )
        stack.manage(environ, "collectstatic", "--no-input", "-v0")
        for server in self.servers.values():
            server.start()
        self.base = f"http://127.0.0.1:{self.varnish_port}"

        def healthy():
            response = requests.get(
                self.base + "/health/", headers={"Host": stack.SITE_HOST}, timeout=5
            )
            return response.status_code == 200

        stack.wait_for(healthy, 120, "/health/ through Varnish", self.servers["web"].started)
        self.web_pid = self.servers["web"].started.process.pid

    def child(self, *args) -> dict:
        result = subprocess.run(
            [stack.PYTHON, "-m", "tests.deploy.faults", *args],
            cwd=stack.ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"faults {args[0]} failed:\n{result.stdout}\n{result.stderr}")
        return json.loads(result.stdout.strip().splitlines()[-1])

    # The faults ---------------------------------------------------------------------------

    def inject(self, fault: str) -> None:
        if fault == "mail":
            self.servers["mail"].stop()
        elif fault == "worker":
            self.servers["worker"].kill()
        elif fault == "redis":
            self.servers["redis"].stop()
        elif fault == "postgres":
            self.postgres.stop()

    def repair(self, fault: str) -> None:
        if fault == "postgres":
            self.postgres.start()
        else:
            self.servers[fault].start()

    def run(self, residents: int = 3, handlers: int = 1, anonymous: int = 2) -> dict:
        prepared = self.child("prepare", str(residents * 4), str(handlers))
        load = Load(self.base, prepared)
        began = time.monotonic()
        load.start(anonymous=anonymous, residents=residents)
        time.sleep(self.calm)
        self.phases.append(Phase("before", began, time.monotonic()))
        for fault in self.FAULTS:
            start = time.monotonic()
            self.inject(fault)
            time.sleep(self.hold if fault != "worker" else min(self.hold, 2))
            self.repair(fault)
            middle = time.monotonic()
            self.phases.append(Phase(fault, start, middle))
            time.sleep(self.calm)
            self.phases.append(Phase(f"after {fault}", middle, time.monotonic()))
        load.finish()
        ended = time.monotonic()
        keys_file, changes_file = self.folder / "keys.json", self.folder / "changes.json"
        keys_file.write_text(json.dumps(sorted(load.receipts)))
        changes_file.write_text(json.dumps(sorted(load.changes)))
        deadline = time.monotonic() + self.drain
        while True:
            counted = self.child("count", str(keys_file), str(changes_file))
            unsent = [mid for mid, sent in counted["notifications"].items() if not sent]
            if not unsent or time.monotonic() > deadline:
                break
            time.sleep(2)
        drained = time.monotonic() - ended
        return self.figures(load, counted, drained)

    # Counting -----------------------------------------------------------------------------

    def delivered(self) -> collections.Counter:
        """Message-IDs of the e-mails the SMTP server accepted, with how many times."""
        received = collections.Counter()
        for folder in ("new", "cur"):
            for path in (
                (self.maildir / folder).glob("*") if (self.maildir / folder).is_dir() else []
            ):
                with path.open("rb") as handle:
                    message = email.message_from_binary_file(handle)
                received[(message["Message-ID"] or "").strip()] += 1
        return received

    def phase_of(self, at: float) -> str:
        for phase in self.phases:
            if phase.start <= at < phase.end:
                return phase.name
        return "after" if self.phases and at >= self.phases[-1].end else "before"

    def figures(self, load: Load, counted: dict, drained: float) -> dict:
        table: dict[str, collections.Counter] = {}
        slowest: dict[str, str] = {}
        for hit in load.hits:
            row = table.setdefault(self.phase_of(hit.at), collections.Counter())
            row["requests"] += 1
            if round(hit.seconds * 1000) > row["slowest ms"]:
                row["slowest ms"] = round(hit.seconds * 1000)
                slowest[self.phase_of(hit.at)] = f"{hit.path} ({hit.status})"
            if hit.status == 0:
                row["no answer"] += 1
            elif hit.status < 400:
                row["2xx/3xx"] += 1
            elif hit.status < 500:
                row["4xx"] += 1
                row[f"{hit.status}"] += 1
            elif hit.status == 503:
                row["503"] += 1
                row["503 with the clear page"] += hit.unavailable_page
            else:
                row["other 5xx"] += 1
                row[f"{hit.status}"] += 1
            row["stack traces"] += hit.trace
        received = self.delivered()
        notifications = counted["notifications"]
        return {
            "phases": table,
            "slowest request by phase": slowest,
            "requests": len(load.hits),
            "receipts": len(load.receipts),
            "gave up": len(load.gave_up),
            "stored": counted["stored"],
            "lost": counted["lost"],
            "doubled": counted["doubled"],
            "handler changes confirmed": len(load.changes),
            "handler changes stored": counted["changes_stored"],
            "handler changes lost": counted["changes_lost"],
            "handler changes doubled": counted["changes_doubled"],
            "notifications": len(notifications),
            "notifications sent once": sum(1 for mid in notifications if received[mid] == 1),
            "notifications sent twice or more": sum(
                1 for mid in notifications if received[mid] > 1
            ),
            "notifications never sent": sum(1 for mid in notifications if received[mid] == 0),
            "e-mails of no drill notification": sum(
                n
                for mid, n in received.items()
                if mid.startswith("<arende.") and mid not in notifications
            ),
            "other e-mails (outbox)": sum(
                n for mid, n in received.items() if not mid.startswith("<arende.")
            ),
            "other e-mails sent twice or more": sum(
                1 for mid, n in received.items() if not mid.startswith("<arende.") and n > 1
            ),
            "seconds to send every e-mail after the load": round(drained, 1),
            "load errors": load.errors,
            "web restarted": self.servers["web"].started.process.pid != self.web_pid
            or not self.servers["web"].running(),
            "still running": {name: server.running() for name, server in self.servers.items()},
        }

    def tear_down(self) -> None:
        for server in self.servers.values():
            with contextlib.suppress(Exception):
                server.stop()
        if self.postgres is not None:
            self.postgres.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


COLUMNS = [
    ("requests", "req"),
    ("2xx/3xx", "2xx/3xx"),
    ("4xx", "4xx"),
    ("503", "503"),
    ("503 with the clear page", "503 page"),
    ("other 5xx", "other 5xx"),
    ("no answer", "no answer"),
    ("stack traces", "traces"),
    ("slowest ms", "slowest ms"),
]


def report(figures: dict) -> str:
    """The figures as a table and a summary, for a person."""
    lines = [f"{'phase':<16}" + "".join(f"{title:>11}" for _, title in COLUMNS) + "  4xx by code"]
    for name, row in figures["phases"].items():
        codes = ", ".join(
            f"{code}: {row[code]}" for code in sorted(row) if code.isdigit() and code < "500"
        )
        lines.append(
            f"{name:<16}"
            + "".join(f"{row.get(column, 0):>11}" for column, _ in COLUMNS)
            + f"  {codes}"
        )
    lines.append("")
    for key, value in figures.items():
        if key not in ("phases",):
            lines.append(f"{key:<46} {value}")
    return "\n".join(lines)


def problems(figures: dict) -> list[str]:
    """What the drill must never show, in words; empty when all held."""
    found = []
    for key in ("lost", "doubled", "gave up", "handler changes lost", "handler changes doubled"):
        if figures[key]:
            found.append(f"{key}: {figures[key]}")
    if figures["stored"] != figures["receipts"]:
        found.append(f"{figures['receipts']} receipts but {figures['stored']} stored")
    if figures["notifications sent once"] != figures["notifications"]:
        found.append("not every notification was sent exactly once")
    if figures["e-mails of no drill notification"]:
        found.append("e-mails about cases that belong to no notification")
    if figures["other e-mails sent twice or more"]:
        found.append("e-mails of the outbox sent twice")
    for phase, row in figures["phases"].items():
        if row["other 5xx"] or row["stack traces"]:
            found.append(f"{phase}: a 5xx other than 503, or a stack trace")
        if row["503 with the clear page"] != row["503"]:
            found.append(f"{phase}: a 503 without the portal's page")
        if row["503"] and phase not in ("postgres", "after postgres"):
            found.append(f"{phase}: 503 while the database was there")
    if figures["load errors"]:
        found.append(f"unexpected answers: {figures['load errors'][:3]}")
    if figures["web restarted"] or not all(figures["still running"].values()):
        found.append(f"did not recover by itself: {figures['still running']}")
    return found


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "prepare":
        prepare(int(sys.argv[2]), int(sys.argv[3]))
    elif command == "count":
        count(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(f"unknown command {shlex.quote(command)}")
