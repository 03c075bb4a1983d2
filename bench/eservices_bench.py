"""Applications per second to the preschool e-service, and proof that none was lost.

    .venv/bin/python bench/eservices_bench.py [--submissions 300] [--workers 2] [--concurrency 4]
    DATABASE_URL=postgresql://…/es_bench .venv/bin/python bench/eservices_bench.py --seed

Like the other benchmarks (serve_bench.py's helpers): a throwaway SQLite database in a temporary
PORTAL_VAR_DIR unless DATABASE_URL is set (migrated and seeded by `--seed`, or before); gunicorn
with the production settings and `--workers` sync workers on a free port on 127.0.0.1, and the
real task worker (`manage.py db_worker`) with the same environment, which sends the e-mails to
`RecordingEmailBackend` below (one line per e-mail in a file). Inside the project's venv it
creates `--residents` residents signed in with e-ID (database sessions made directly, so no
password hashing or login is measured) and removes the cases of an earlier run. Then
`--concurrency` client threads each fetch the application form (for the CSRF token, as a
browser does) and send a complete application for Åmål, every tenth one twice with the same
form token, as a double click would.

Afterwards it waits for the worker to send what is queued and counts in the database: every
application the server answered with the receipt must be there exactly once as a submitted case
with its reference, every case must have its three notifications stored (applicant, second
guardian, the municipality's mailbox), and every notification must have been sent exactly once
(one e-mail to its recipient linking to its case). Prints the rate, the latencies and those
counts; exits non-zero if anything was lost or doubled.
"""

import argparse
import datetime
import http.cookies
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serve_bench as sb  # noqa: E402

FORM_PATH = "/e-tjanster/forskola/ansok/?kommun=amal"
BENCH_PREFIX = "bench-resident-"
MAIL_FILE_VARIABLE = "BENCH_MAIL_FILE"
UUID_PATTERN = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class RecordingEmailBackend:
    """The worker's OUTBOX_DELIVERY_BACKEND (EMAIL_BACKEND in its environment): each e-mail
    becomes one JSON line in the file BENCH_MAIL_FILE names, appended in one write, so the
    count can tell an e-mail sent twice from one sent once. Needs no Django at import."""

    def __init__(self, fail_silently=False, **kwargs):
        self.path = os.environ[MAIL_FILE_VARIABLE]

    def open(self):
        return False

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def send_messages(self, messages):
        for message in messages:
            line = json.dumps({"to": list(message.to), "body": message.body}) + "\n"
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, line.encode())
            finally:
                os.close(fd)
        return len(messages)


# --- Inside the project's venv -------------------------------------------------------------


def _django():
    sys.path.insert(0, sb.ROOT)
    import django

    django.setup()


def _number(index: int) -> str:
    """A valid personnummer from Skatteverket's test series (birth numbers 980–999)."""
    birth = datetime.date(1980, 1, 1) + datetime.timedelta(days=index)
    nine = f"{birth:%y%m%d}98{index % 10}"
    total = 0
    for position, digit in enumerate(nine):
        product = int(digit) * (2 if position % 2 == 0 else 1)
        total += product // 10 + product % 10
    return f"{birth:%Y}"[:2] + nine + str((10 - total % 10) % 10)


def resident_sessions(prefix, count, family_name):
    """`count` residents with e-ID identities (usernames `prefix0`, `prefix1`, …, family names
    `family_name 0`, …) each signed in: their session keys, in the project's session engine.
    Shared with the fault drill (tests/deploy/faults.py)."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )

    from portal.identity.models import CitizenIdentity

    store = import_module(settings.SESSION_ENGINE).SessionStore
    sessions = []
    for index in range(count):
        user, _ = get_user_model().objects.get_or_create(username=f"{prefix}{index}")
        CitizenIdentity.objects.update_or_create(
            user=user,
            defaults={
                "personal_identity_number": _number(index),
                "given_name": "Test",
                "family_name": f"{family_name} {index}",
            },
        )
        session = store()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "portal.auth_backends.PortalModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        sessions.append(session.session_key)
    return sessions


def prepare(residents):
    """Residents with e-ID identities and sessions; print their session keys and two units."""
    _django()
    from eservices.models import Case, Unit

    # An earlier run's cases (and their notifications) would count as doubled.
    Case.objects.filter(applicant__username__startswith=BENCH_PREFIX).delete()
    sessions = resident_sessions(BENCH_PREFIX, residents, "Mätning")
    units = list(
        Unit.objects.filter(municipality__slug="amal", type="forskola")
        .order_by("name")
        .values_list("pk", flat=True)[:2]
    )
    print(json.dumps({"sessions": sessions, "units": units}))


def sent_mails(mail_file):
    """{(recipient, case public id): e-mails sent} from the recording backend's file."""
    sent = {}
    if not os.path.exists(mail_file):
        return sent
    with open(mail_file, encoding="utf-8") as handle:
        for line in handle:
            mail = json.loads(line)
            for case_id in set(UUID_PATTERN.findall(mail["body"])):
                for recipient in mail["to"]:
                    sent[(recipient, case_id)] = sent.get((recipient, case_id), 0) + 1
    return sent


def count(keys_file, mail_file, drain_seconds):
    """For the submission keys the server accepted: how many submitted cases, how many
    duplicates, how many notifications; once the worker has sent what was queued (or
    `drain_seconds` have passed), how many notifications were sent once, never, twice."""
    _django()
    from django.db.models import Count

    from eservices.models import Case, Notification

    with open(keys_file) as handle:
        accepted = set(json.load(handle))
    cases = Case.objects.filter(applicant__username__startswith=BENCH_PREFIX)
    submitted = cases.exclude(status=Case.Status.DRAFT)
    notifications = Notification.objects.filter(case__in=cases)
    started = time.monotonic()
    while (
        notifications.filter(sent_at__isnull=True).exists()
        and time.monotonic() - started < drain_seconds
    ):
        time.sleep(0.5)
    drained = time.monotonic() - started
    mails = sent_mails(mail_file)
    expected = {
        (recipient, str(public_id))
        for recipient, public_id in notifications.values_list("recipient", "case__public_id")
    }
    case_ids = {str(public_id) for public_id in cases.values_list("public_id", flat=True)}
    found = {str(key) for key in submitted.values_list("submission_key", flat=True)}
    per_case = (
        Notification.objects.filter(case__in=submitted)
        .values("case")
        .annotate(n=Count("pk"))
        .values_list("n", flat=True)
    )
    print(
        json.dumps(
            {
                "accepted": len(accepted),
                "submitted_cases": submitted.count(),
                "drafts": cases.filter(status=Case.Status.DRAFT).count(),
                "lost": len(accepted - found),
                "unexpected": len(found - accepted),
                "without_reference": submitted.filter(reference__isnull=True).count(),
                "notifications": sum(per_case),
                "cases_missing_notifications": sum(1 for n in per_case if n != 3)
                + (submitted.count() - len(per_case)),
                "drain_seconds": round(drained, 1),
                "notifications_unsent": notifications.filter(sent_at__isnull=True).count(),
                "mails_sent_once": sum(1 for key in expected if mails.get(key) == 1),
                "mails_not_sent": sum(1 for key in expected if key not in mails),
                "mails_sent_twice": sum(1 for key in expected if mails.get(key, 0) > 1),
                "mails_unexpected": sum(
                    1 for key in mails if key[1] in case_ids and key not in expected
                ),
            }
        )
    )


# --- The driver -----------------------------------------------------------------------------


def child(python, env, *args):
    return sb.run_child(__file__, python, env, *args)


class Client:
    """One resident's browser: their session cookie, the CSRF cookie, HTTPS as the proxy says."""

    def __init__(self, base_url, session_key):
        self.base_url = base_url
        self.cookies = {"sessionid": session_key}

    def request(self, path, data=None):
        headers = {
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "X-Forwarded-Proto": "https",
            "Referer": f"https://{urllib.parse.urlsplit(self.base_url).netloc}{FORM_PATH}",
        }
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base_url + path, data=body, headers=headers)
        try:
            with NO_REDIRECTS.open(request, timeout=30) as response:
                status, text, head = response.status, response.read().decode(), response.headers
        except urllib.error.HTTPError as error:
            status, text, head = error.code, error.read().decode(errors="replace"), error.headers
        for header in head.get_all("Set-Cookie") or []:
            cookie = http.cookies.SimpleCookie(header)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        return status, text, head


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


NO_REDIRECTS = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())


def answers(units, index):
    start = datetime.date.today() + datetime.timedelta(days=150)
    return {
        "child_name": f"Barn {index}",
        "child_number": "20240512-9806",
        "care_type": "forskola",
        "start_date": start.isoformat(),
        "unit_1": str(units[0]),
        "unit_2": str(units[1]),
        "occupation": "arbetar",
        "employer": "Åmåls kommun",
        "email": f"sokande{index}@example.se",
        "co_applicant_name": "Jonas Karlsson",
        "co_applicant_number": "19880707-9937",
        "co_applicant_email": f"medsokande{index}@example.se",
        "household_income": "45000",
        "declaration": "on",
        "action": "submit",
    }


def submit_all(base_url, sessions, units, total, concurrency):
    lock = threading.Lock()
    state = {"next": 0, "accepted": [], "latencies": [], "errors": 0, "doubles_ok": 0}

    def one(index):
        client = Client(base_url, sessions[index % len(sessions)])
        status, page, _ = client.request(FORM_PATH)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or not token:
            return False
        key = str(uuid.uuid4())
        data = {
            **answers(units, index),
            "csrfmiddlewaretoken": token.group(1),
            "submission_key": key,
        }
        started = time.perf_counter()
        status, _, head = client.request(FORM_PATH, data)
        elapsed = time.perf_counter() - started
        location = head.get("Location", "")
        if status != 302 or "/kvitto/" not in location:
            return False
        with lock:
            state["accepted"].append(key)
            state["latencies"].append(elapsed)
        if index % 10 == 0:  # the double click: the same form again
            status, _, head = client.request(FORM_PATH, data)
            if status == 302 and head.get("Location", "") == location:
                with lock:
                    state["doubles_ok"] += 1
        return True

    def worker():
        while True:
            with lock:
                if state["next"] >= total:
                    return
                index = state["next"]
                state["next"] += 1
            if not one(index):
                with lock:
                    state["errors"] += 1

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for future in [pool.submit(worker) for _ in range(concurrency)]:
            future.result()
    state["elapsed"] = time.perf_counter() - started
    return state


def serve(args, python, env, var_dir):
    port = sb.free_port()
    base_url = f"http://127.0.0.1:{port}"
    log_path = os.path.join(var_dir, "gunicorn.log")
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [python, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}"]
            + ["--workers", str(args.workers), "--log-level", "warning"],
            cwd=sb.ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    sb.wait_until_ready(base_url, server, log_path)
    return base_url, server


def start_worker(python, env, var_dir):
    """The task worker as deploy/Procfile runs it, with the bench's environment."""
    log = open(os.path.join(var_dir, "worker.log"), "w")  # noqa: SIM115 - open while it runs
    return subprocess.Popen(
        [python, "manage.py", "db_worker", "--no-reload", "--interval", "1"]
        + ["--queue-name", "*", "--no-startup-delay", "-v0"],
        cwd=sb.ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", default=os.path.join(sb.ROOT, ".venv", "bin", "python"))
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default: 2)")
    parser.add_argument("--submissions", type=int, default=300, help="applications to send")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads (default: 4)")
    parser.add_argument("--residents", type=int, default=20, help="signed-in residents")
    parser.add_argument(
        "--seed",
        action="store_true",
        help="migrate and seed the DATABASE_URL database first (a new, empty one)",
    )
    parser.add_argument(
        "--drain-seconds",
        type=float,
        default=300,
        help="how long to wait for the worker to send the e-mails (default: 300)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--prepare-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--count-child", nargs=2, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    if args.prepare_child:
        return prepare(args.residents)
    if args.count_child:
        return count(*args.count_child, args.drain_seconds)

    load_before = os.getloadavg()[0]
    python = os.path.abspath(args.python)
    var_dir = tempfile.mkdtemp(prefix="portal-eservices-bench-")
    env, own_database = sb.bench_environment(var_dir)
    mail_file = os.path.join(var_dir, "sent-mail.jsonl")
    env.update(
        {
            # The worker sends with the recording backend, imported from this folder.
            "EMAIL_BACKEND": f"{os.path.splitext(os.path.basename(__file__))[0]}"
            ".RecordingEmailBackend",
            MAIL_FILE_VARIABLE: mail_file,
            "PYTHONPATH": os.pathsep.join(
                filter(None, [os.path.dirname(os.path.abspath(__file__)), env.get("PYTHONPATH")])
            ),
        }
    )
    server = worker = None
    try:
        if own_database or args.seed:
            sb.run_manage(python, env, "migrate", "--no-input", "-v0")
            sb.run_manage(python, env, "seed_demo", "-v0")
        sb.run_manage(python, env, "collectstatic", "--no-input", "-v0")
        prepared = child(python, env, "--prepare-child", "--residents", str(args.residents))
        worker = start_worker(python, env, var_dir)
        base_url, server = serve(args, python, env, var_dir)
        state = submit_all(
            base_url, prepared["sessions"], prepared["units"], args.submissions, args.concurrency
        )
        keys_file = os.path.join(var_dir, "accepted.json")
        with open(keys_file, "w") as handle:
            json.dump(state["accepted"], handle)
        counts = child(
            python,
            env,
            "--count-child",
            keys_file,
            mail_file,
            "--drain-seconds",
            str(args.drain_seconds),
        )
    finally:
        for process in (server, worker):
            if process is not None:
                sb.stop_process(process)
        if args.keep:
            print(f"Kept {var_dir}")
        else:
            shutil.rmtree(var_dir, ignore_errors=True)

    latencies = state["latencies"]
    engine = "SQLite (temporary, seeded)" if own_database else "DATABASE_URL"
    print(f"E-service submission benchmark, {datetime.datetime.now():%Y-%m-%d %H:%M}")
    print(
        f"  machine:  {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, load average {load_before:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after"
    )
    print(
        f"  server:   gunicorn, {args.workers} sync workers, production settings, {engine}; "
        "task worker (db_worker) sending the e-mails"
    )
    print(
        f"  clients:  {args.concurrency} threads, {args.residents} residents, "
        f"{args.submissions} applications (form GET + POST each, every tenth sent twice)"
    )
    print()
    rate = len(latencies) / state["elapsed"] if state["elapsed"] else 0.0
    print(f"  submissions/s (whole journey)  {rate:8.1f}")
    if latencies:
        print(
            f"  POST p50 / p95 ms              {sb.percentile(latencies, 0.5) * 1000:8.0f}"
            f" / {sb.percentile(latencies, 0.95) * 1000:.0f}"
        )
    print(f"  accepted (receipt)             {counts['accepted']:8d}")
    print(f"  failed requests                {state['errors']:8d}")
    print(f"  submitted cases in database    {counts['submitted_cases']:8d}")
    print(f"  lost (accepted, not stored)    {counts['lost']:8d}")
    print(f"  doubled (stored, not accepted) {counts['unexpected']:8d}")
    print(f"  double clicks → same receipt   {state['doubles_ok']:8d}")
    print(f"  notifications stored           {counts['notifications']:8d}")
    print(f"  cases missing notifications    {counts['cases_missing_notifications']:8d}")
    print(
        f"  e-mails sent by the worker     {counts['mails_sent_once']:8d} once, "
        f"{counts['mails_not_sent']} never, {counts['mails_sent_twice']} twice or more, "
        f"{counts['mails_unexpected']} unexpected ({counts['drain_seconds']} s after the last)"
    )
    ok = (
        counts["lost"] == 0
        and counts["notifications_unsent"] == 0
        and counts["mails_sent_once"] == counts["notifications"]
        and counts["mails_not_sent"] == counts["mails_sent_twice"] == 0
        and counts["mails_unexpected"] == 0
        and counts["unexpected"] == 0
        and counts["without_reference"] == 0
        and counts["cases_missing_notifications"] == 0
        and counts["submitted_cases"] == counts["accepted"]
    )
    print()
    print("  none lost, none doubled" if ok else "  SOMETHING WAS LOST OR DOUBLED")
    return 0 if ok else 1


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.default_int_handler)
    sys.exit(main())
