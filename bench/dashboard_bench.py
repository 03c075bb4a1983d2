"""Medarbetarportalen's dashboard (/medarbetare/) for a signed-in employee: requests per second,
latency and database queries, with the demo catalogue and again with it grown.

    .venv/bin/python bench/dashboard_bench.py [--grow 200] [--workers 2] [--requests 400]

Like serve_bench.py (whose helpers it uses): a throwaway SQLite database in a temporary
PORTAL_VAR_DIR unless DATABASE_URL is set, migrated and seeded; gunicorn with the production
settings on a free port on 127.0.0.1. Then, inside the project's venv, it creates an employee
(by default a teacher in Åmål on the pedagogical network) with a database session, and
measures the dashboard with that session cookie. After the first round it adds `--grow`
applications meant for that employee, news items and operational notices, and measures again:
the request rate and the query count should stay where they were. Prints a table; removes what
it created.
"""

import argparse
import datetime
import json
import os
import platform
import secrets
import shutil
import signal
import sys
import tempfile
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serve_bench as sb  # noqa: E402

PATH = "/medarbetare/"
USERNAME = "bench-employee"


# --- Inside the project's venv -------------------------------------------------------------


def _django():
    sys.path.insert(0, sb.ROOT)
    import django

    django.setup()


def prepare(employee):
    """Create the employee and a session for them; print the session key as JSON."""
    _django()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import Group
    from django.contrib.sessions.backends.db import SessionStore

    from portal.identity.models import EmployeeProfile
    from portal.models import Department, Municipality

    municipality, department, role, network = employee.split("/")
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(
        username=USERNAME, defaults={"first_name": "Test", "last_name": "Mätning"}
    )
    user.groups.add(Group.objects.get(name="Medarbetare"))
    place = Municipality.objects.get(slug=municipality)
    EmployeeProfile.objects.update_or_create(
        user=user,
        defaults={
            "municipality": place,
            "department": Department.objects.get(municipality=place, slug=department),
            "roles": [role],
            "network": network,
        },
    )
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "portal.auth_backends.PortalModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    print(json.dumps({"session": session.session_key}))


def grow(count):
    """Add `count` applications optional for everyone, news items for everyone and ongoing
    notices for all of Dalsland."""
    _django()
    from django.utils import timezone

    from employee_portal.models import (
        Application,
        ApplicationAudience,
        EmployeeNewsIndexPage,
        EmployeeNewsPage,
        OperationalNotice,
    )
    from portal.models import Municipality

    municipalities = list(Municipality.objects.all())
    applications = Application.objects.filter(name__startswith="Mätsystem").count()
    for n in range(applications, applications + count):
        application = Application(
            name=f"Mätsystem {n}",
            description="Ett system som bara finns för mätningen.",
            url=f"https://system-{n}.example.se/",
            kind="gemensam",
            cooperation_level=3,
            system_owner="Mätningen",
            system_administrator="Mätningen",
            support_contact="Mätningen",
        )
        application.audiences.add(ApplicationAudience(requirement="valfri"))
        application.save()
        application.municipalities.set(municipalities)
        OperationalNotice.objects.create(
            title=f"Störning i mätsystem {n}",
            kind="storning",
            application=application,
            description="En störning som bara finns för mätningen.",
            starts_at=timezone.now() - datetime.timedelta(hours=1),
        )
    index = EmployeeNewsIndexPage.objects.get()
    for n in range(count):
        page = EmployeeNewsPage(
            title=f"Mätnyhet {n}",
            slug=f"matnyhet-{secrets.token_hex(4)}",
            intro="En nyhet som bara finns för mätningen.",
            body=[("paragraph", "<p>Mätning.</p>")],
            review_by=timezone.localdate() + datetime.timedelta(days=30),
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    print(json.dumps({"grown": count}))


def count_queries(session_key):
    _django()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
    client.cookies[settings.SESSION_COOKIE_NAME] = session_key
    counts, status = [], None
    for _ in range(3):
        with CaptureQueriesContext(connection) as captured:
            status = client.get(PATH, secure=True).status_code
        counts.append(len(captured.captured_queries))
    print(json.dumps({"status": status, "first": counts[0], "repeat": min(counts[1:])}))


# --- The driver -----------------------------------------------------------------------------


def child(python, env, *args):
    return sb.run_child(__file__, python, env, *args)


def with_cookie(session_key):
    """serve_bench's fetch, sending the employee's session cookie (and saying it came over
    HTTPS, as the reverse proxy would, so the production settings do not redirect)."""

    def fetch(url, timeout=10.0):
        request = urllib.request.Request(
            url,
            headers={"Cookie": f"sessionid={session_key}", "X-Forwarded-Proto": "https"},
        )
        started = sb.time.perf_counter()
        try:
            with sb.OPENER.open(request, timeout=timeout) as response:
                response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            error.read()
            status = error.code
        except (urllib.error.URLError, OSError):
            status = 0
        return status, sb.time.perf_counter() - started

    return fetch


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", default=os.path.join(sb.ROOT, ".venv", "bin", "python"))
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default: 2)")
    parser.add_argument("--requests", type=int, default=400, help="measured requests per round")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads (default: 4)")
    parser.add_argument("--max-seconds", type=float, default=60.0, help="time limit per round")
    parser.add_argument("--warmup", type=int, default=20, help="unmeasured requests first")
    parser.add_argument(
        "--employee",
        default="amal/barn-och-utbildning/larare/pedagogiskt",
        help="municipality/department/role/network of the employee "
        "(default: amal/barn-och-utbildning/larare/pedagogiskt)",
    )
    parser.add_argument(
        "--grow",
        type=int,
        default=200,
        help="applications, news items and notices added before the second round (default: 200)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--prepare-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--grow-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--count-queries-child", metavar="SESSION", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    if args.prepare_child:
        return prepare(args.employee)
    if args.grow_child:
        return grow(args.grow)
    if args.count_queries_child:
        return count_queries(args.count_queries_child)

    load_before = os.getloadavg()[0]
    python = os.path.abspath(args.python)
    var_dir = tempfile.mkdtemp(prefix="portal-dashboard-bench-")
    env, own_database = sb.bench_environment(var_dir)
    rounds = []
    try:
        if own_database:
            sb.run_manage(python, env, "migrate", "--no-input", "-v0")
            sb.run_manage(python, env, "seed_demo", "-v0")
        sb.run_manage(python, env, "collectstatic", "--no-input", "-v0")
        session_key = child(python, env, "--prepare-child", "--employee", args.employee)["session"]
        sb.fetch = with_cookie(session_key)
        measure_args = argparse.Namespace(**vars(args), paths=[PATH])
        for label, extra in (("demo catalogue", 0), (f"+{args.grow} of each", args.grow)):
            if extra:
                child(python, env, "--grow-child", "--grow", str(extra))
            row = sb.serve_and_measure(measure_args, python, env, var_dir)[0]
            row["queries"] = child(python, env, "--count-queries-child", session_key)
            row["label"] = label
            rounds.append(row)
    finally:
        if args.keep:
            print(f"Kept {var_dir}")
        else:
            shutil.rmtree(var_dir, ignore_errors=True)

    engine = "SQLite (temporary, seeded)" if own_database else "DATABASE_URL"
    print(f"Medarbetarportalen dashboard benchmark, {datetime.datetime.now():%Y-%m-%d %H:%M}")
    print(
        f"  machine:  {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, load average {load_before:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after"
    )
    print(f"  server:   gunicorn, {args.workers} sync workers, production settings, {engine}")
    print(f"  employee: {args.employee}, signed in (database session)")
    print(f"  clients:  {args.concurrency} threads, {args.requests} requests per round")
    print()
    header = (
        f"{'round':<20} {'status':>6} {'ok':>5} {'err':>4} {'req/s':>7} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'queries':>8}"
    )
    print(header)
    print("-" * len(header))
    for row in rounds:
        if "rps" not in row:
            print(f"{row['label']:<20} {row['status']:>6}")
            continue
        print(
            f"{row['label']:<20} {row['status']:>6} {row['done']:>5} {row['errors']:>4} "
            f"{row['rps']:>7.1f} {row['p50']:>7.1f} {row['p95']:>7.1f} "
            f"{row['queries']['repeat']:>8}"
        )


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.default_int_handler)
    main()
