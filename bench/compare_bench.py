"""Our pages against vanilla Wagtail's start page, on one machine, in one run (issue 16).

    .venv/bin/python bench/compare_bench.py [--duration 10] [--warmup 2] [--workers 2]
    DATABASE_URL=postgresql://…/compare_bench .venv/bin/python bench/compare_bench.py --seed

It creates a `wagtail start` project with the Wagtail installed in the project's venv in a
temporary folder (on SQLite, or on a throwaway PostgreSQL database when DATABASE_URL is a
PostgreSQL URL), serves it with gunicorn (production settings, DEBUG off) and measures its
start page. Then, set up like serve_bench.py (whose helpers it uses) and with the same number
of gunicorn sync workers, it measures the portal's start page, a service page, the site search
and the diary search anonymously; the dashboard (/medarbetare/) signed in as an employee
(dashboard_bench.py's session); the application journey (eservices_bench.py's: form GET and
POST, with the real task worker sending the e-mails, then counted: nothing lost or doubled);
Mina sidor signed in as a resident with e-ID (eservices_bench.py's session); and vanilla's start
page again, to show how much the machine drifted. The pages are driven by wrk
(stack_bench.py's runner) with the session cookies as headers. It prints a table with req/s,
p50/p99 latency, errors, the load average at the start of each row, the server's CPU time, the
database queries per request, each row as a multiple of vanilla's figure and whether issue 16's
goals are met. Everything listens on 127.0.0.1 (never port 8000); everything started is stopped
and everything created removed, also on Ctrl-C or an error. bench/README.md has figures.
"""

import argparse
import contextlib
import datetime
import json
import os
import platform
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dashboard_bench as dashboard  # noqa: E402
import eservices_bench as es  # noqa: E402
import serve_bench as sb  # noqa: E402
import stack_bench as st  # noqa: E402

ANONYMOUS_PAGES = [
    ("start page", "/"),
    ("service page", "/mellerud/barn-och-utbildning/forskola/"),
    ("site search", "/sok/?q=förskola"),
    ("diary search", "/diarium/?q=bygglov"),
]
MINA_SIDOR = "/mina-sidor/"
DASHBOARD = dashboard.PATH
# Issue 16: multiples of vanilla Wagtail's start page, and applications per second, none lost.
GOALS = {"service page": 0.5, "dashboard": 0.25}
APPLICATIONS_GOAL = 50.0

VANILLA_LOCAL_SETTINGS = '''"""Written by bench/compare_bench.py: what production needs."""
import dj_database_url

SECRET_KEY = {secret!r}
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
DEBUG = False
{databases}'''


# --- Inside the project's venv ---------------------------------------------------------------


def count_queries(project, paths, session_key):
    """As serve_bench.count_queries, in the Django project at `project` (the vanilla one or
    ours), with a session cookie if given; print {path: {status, first, repeat}} as JSON."""
    sys.path.insert(0, project)
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
    if session_key:
        client.cookies[settings.SESSION_COOKIE_NAME] = session_key
    result = {}
    for path in paths:
        counts, status = [], None
        for _ in range(3):
            with CaptureQueriesContext(connection) as captured:
                status = client.get(path, secure=True).status_code
            counts.append(len(captured.captured_queries))
        result[path] = {"status": status, "first": counts[0], "repeat": min(counts[1:])}
    print(json.dumps(result))


def postgres_database(url, action):
    """Create or drop (`action`) the PostgreSQL database `url` names, from the server's
    `postgres` database."""
    import dj_database_url
    import psycopg2
    from psycopg2 import sql

    config = dj_database_url.parse(url)
    connection = psycopg2.connect(
        dbname="postgres",
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        host=config["HOST"] or None,
        port=config["PORT"] or None,
    )
    connection.autocommit = True
    name = sql.Identifier(config["NAME"])
    with connection.cursor() as cursor:
        if action == "create":
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(name))
        else:
            cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
    connection.close()
    print(json.dumps({action: config["NAME"]}))


# --- Vanilla Wagtail -------------------------------------------------------------------------


def run_in(folder, command, env, timeout=900):
    """Run `command` in `folder`; return the seconds it took, or stop with its output."""
    started = time.monotonic()
    result = subprocess.run(
        command, cwd=folder, env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        raise SystemExit(
            f"`{' '.join(command)}` failed in {folder}:\n{(result.stdout + result.stderr)[-3000:]}"
        )
    return time.monotonic() - started


def is_postgres(url):
    return url.startswith(("postgres://", "postgresql://", "pgsql://"))


def start_vanilla(stack, python, folder, our_database_url, workers, setup):
    """`wagtail start vanilla` in `folder`, its production settings with a local.py (secret key,
    hosts, DEBUG off, a throwaway PostgreSQL database if ours is PostgreSQL), migrated, static
    files collected (its production settings use ManifestStaticFilesStorage), served by gunicorn
    on a free port of 127.0.0.1. Returns (process, base URL, its environment, a description
    of its database)."""
    wagtail = os.path.join(os.path.dirname(python), "wagtail")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "PYTHONPATH")
    }
    env["DJANGO_SETTINGS_MODULE"] = "vanilla.settings.production"
    setup.append(("wagtail start", run_in(folder, [wagtail, "start", "vanilla", folder], env)))
    databases = ""
    description = "SQLite (Wagtail's default settings)"
    if is_postgres(our_database_url):
        parts = urllib.parse.urlsplit(our_database_url)
        name = f"compare_bench_vanilla_{secrets.token_hex(4)}"
        vanilla_url = urllib.parse.urlunsplit(parts._replace(path="/" + name))
        sb.run_child(__file__, python, env, "--database-child", "create", vanilla_url)
        stack.callback(sb.run_child, __file__, python, env, "--database-child", "drop", vanilla_url)
        # Persistent connections as our settings have them (DATABASE_CONN_MAX_AGE, 60 s).
        max_age = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))
        databases = (
            f"DATABASES = {{'default': dj_database_url.parse({vanilla_url!r}, "
            f"conn_max_age={max_age}, conn_health_checks=True)}}\n"
        )
        description = f"PostgreSQL, throwaway database {name}"
    with open(os.path.join(folder, "vanilla", "settings", "local.py"), "w") as file:
        file.write(
            VANILLA_LOCAL_SETTINGS.format(secret=secrets.token_urlsafe(50), databases=databases)
        )
    manage = [python, "manage.py"]
    setup.append(("vanilla migrate", run_in(folder, [*manage, "migrate", "--no-input"], env)))
    setup.append(
        ("vanilla collectstatic", run_in(folder, [*manage, "collectstatic", "--no-input"], env))
    )
    port = sb.free_port()
    log_path = os.path.join(folder, "gunicorn.log")
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [python, "-m", "gunicorn", "vanilla.wsgi", "--bind", f"127.0.0.1:{port}"]
            + ["--workers", str(workers), "--log-level", "warning"],
            cwd=folder,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    stack.callback(sb.stop_process, server)
    st.wait_for_port(port, server, "vanilla's gunicorn", log_path)
    return server, f"http://127.0.0.1:{port}", env, description


# --- Measuring -------------------------------------------------------------------------------


class _SubprocessWithHeaders:
    """stack_bench's `subprocess` while a signed-in page is measured: the module itself, except
    that `run` gives wrk the `-H` options (stack_bench.run_wrk has no parameter for them)."""

    def __init__(self, headers):
        self.options = [option for header in headers for option in ("-H", header)]

    def __getattr__(self, name):
        return getattr(subprocess, name)

    def run(self, command, *args, **kwargs):
        return subprocess.run([command[0], *self.options, *command[1:]], *args, **kwargs)


@contextlib.contextmanager
def wrk_headers(headers):
    if headers:
        st.subprocess = _SubprocessWithHeaders(headers)
    try:
        yield
    finally:
        st.subprocess = subprocess


def signed_in_headers(session_key):
    # As dashboard_bench and eservices_bench: the session cookie, and HTTPS as the proxy says.
    return [f"Cookie: sessionid={session_key}", "X-Forwarded-Proto: https"] if session_key else []


def check_page(url, headers):
    """One GET without following redirects: (status, body bytes). A signed-in page must answer
    200 itself: wrk counts a redirect to the login page as a success."""
    request = urllib.request.Request(url, headers=dict(header.split(": ", 1) for header in headers))
    try:
        with es.NO_REDIRECTS.open(request, timeout=60) as response:
            return response.status, len(response.read())
    except urllib.error.HTTPError as error:
        return error.code, len(error.read())


def machine_busy_seconds():
    """CPU seconds all cores have spent busy since boot (/proc/stat), or None."""
    try:
        with open("/proc/stat") as file:
            fields = [int(n) for n in file.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def other_cpu(busy_before, row):
    """CPU seconds the rest of the machine (not the server, not the load generator) used
    during the measured run: how shared the machine was."""
    busy_after = machine_busy_seconds()
    if None in (busy_before, busy_after, row.get("server_cpu")):
        return None
    return max(0.0, busy_after - busy_before - row["server_cpu"] - row["client_cpu"])


def measure_page(label, base_url, path, args, server_pid, session_key=None):
    url = base_url + urllib.parse.quote(path, safe="/?=&%")
    headers = signed_in_headers(session_key)
    status, size = check_page(url, headers)
    row = {"label": label, "path": path, "status": status, "bytes": size}
    print(f"Measuring {label}: {path} …", file=sys.stderr)
    if status != 200:
        print(f"  {path} answered {status}: not measured", file=sys.stderr)
        return row
    with wrk_headers(headers):
        if args.warmup:
            st.run_wrk(url, args, args.warmup)
        busy_before = machine_busy_seconds()
        row.update(
            st.measure("wrk", url, argparse.Namespace(**{**vars(args), "warmup": 0}), server_pid)
        )
        row["other_cpu"] = other_cpu(busy_before, row)
    row["status_after"] = check_page(url, headers)[0]
    return row


def journey(args, base_url, server_pid, prepared, python, env, var_dir, mail_file):
    """eservices_bench's application journey: a short unmeasured round, then `--submissions`
    applications; then its count of what was stored and sent."""
    print(f"Measuring the application journey: {args.submissions} applications …", file=sys.stderr)
    sessions, units = prepared["sessions"], prepared["units"]
    warm = es.submit_all(base_url, sessions, units, 2 * args.concurrency, args.concurrency)
    load = os.getloadavg()[0]
    cpu_before = st.tree_cpu_seconds(server_pid)
    busy_before = machine_busy_seconds()
    client_before = os.times()
    state = es.submit_all(base_url, sessions, units, args.submissions, args.concurrency)
    cpu_after = st.tree_cpu_seconds(server_pid)
    client_after = os.times()
    keys_file = os.path.join(var_dir, "accepted.json")
    with open(keys_file, "w") as handle:
        json.dump(warm["accepted"] + state["accepted"], handle)
    counts = es.child(
        python, env, "--count-child", keys_file, mail_file, "--drain-seconds", str(args.drain)
    )
    latencies = state["latencies"]
    # eservices_bench's verdict: every accepted application stored once with its three
    # notifications, each sent once by the worker, nothing else.
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
    row = {
        "label": "application journey",
        "path": es.FORM_PATH,
        "status": 200,
        "rps": len(latencies) / state["elapsed"] if state["elapsed"] else 0.0,
        "requests": len(latencies),
        "p50": sb.percentile(latencies, 0.5) * 1000 if latencies else float("nan"),
        "p99": sb.percentile(latencies, 0.99) * 1000 if latencies else float("nan"),
        "errors": state["errors"] + warm["errors"],
        "load": load,
        "server_cpu": None if None in (cpu_before, cpu_after) else cpu_after - cpu_before,
        # The client threads run in this process; the task worker counts as "other" here.
        "client_cpu": sum(client_after[:2]) - sum(client_before[:2]),
        "elapsed": state["elapsed"],
        "doubles_ok": state["doubles_ok"] + warm["doubles_ok"],
        "counts": counts,
        "ok": ok,
    }
    row["other_cpu"] = other_cpu(busy_before, row)
    return row


# --- The run ---------------------------------------------------------------------------------


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--python",
        default=os.path.join(sb.ROOT, ".venv", "bin", "python"),
        help="the project's venv interpreter (default: .venv/bin/python)",
    )
    parser.add_argument(
        "--workers", type=int, default=2, help="gunicorn sync workers, both projects (default: 2)"
    )
    parser.add_argument(
        "--duration", type=float, default=10.0, help="measured seconds per page (default: 10)"
    )
    parser.add_argument(
        "--warmup", type=float, default=2.0, help="unmeasured seconds per page first (default: 2)"
    )
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default: 2)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (default: 16)")
    parser.add_argument(
        "--submissions",
        type=int,
        default=300,
        help="applications sent in the measured journey (default: 300)",
    )
    parser.add_argument(
        "--concurrency", type=int, default=4, help="journey client threads (default: 4)"
    )
    parser.add_argument(
        "--residents", type=int, default=20, help="signed-in residents (default: 20)"
    )
    parser.add_argument(
        "--drain",
        type=float,
        default=300,
        help="seconds to wait for the worker to send the journey's e-mails (default: 300)",
    )
    parser.add_argument(
        "--employee",
        default="amal/barn-och-utbildning/larare/pedagogiskt",
        help="municipality/department/role/network of the dashboard's employee",
    )
    parser.add_argument(
        "--no-queries", action="store_true", help="skip counting the database queries per page"
    )
    parser.add_argument("--markdown", action="store_true", help="also print the table as Markdown")
    parser.add_argument(
        "--seed",
        action="store_true",
        help="with DATABASE_URL set: migrate and seed that database first",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary folders (databases, logs)"
    )
    parser.add_argument(
        "--count-child", nargs=2, metavar=("PROJECT", "SESSION"), help=argparse.SUPPRESS
    )
    parser.add_argument("--path", action="append", dest="paths", help=argparse.SUPPRESS)
    parser.add_argument("--database-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    positive = (args.workers, args.threads, args.connections, args.submissions, args.concurrency)
    if min(positive) < 1 or args.duration <= 0 or args.residents < 1:
        parser.error(
            "--workers, --threads, --connections, --submissions, --concurrency, "
            "--residents and --duration must be positive"
        )
    if args.warmup < 0:
        parser.error("--warmup must be 0 or more")
    if args.threads > args.connections:
        parser.error("--threads must not exceed --connections")
    return args


def count_child(python, env, project, paths, session_key=""):
    args = ["--count-child", project, session_key or "-"]
    return sb.run_child(__file__, python, env, *args, *[a for p in paths for a in ("--path", p)])


def main(argv=None):
    args = parse_args(argv)
    if args.count_child:
        project, session_key = args.count_child
        return count_queries(project, args.paths, "" if session_key == "-" else session_key)
    if args.database_child:
        return postgres_database(args.database_child[1], args.database_child[0])

    python = os.path.abspath(args.python)
    if not os.path.exists(python):
        raise SystemExit(f"No interpreter at {python}: run `make install` first.")
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk).")
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, st.raise_interrupt)

    started_at = datetime.datetime.now(datetime.UTC)
    load_before = os.getloadavg()
    setup, rows, queries = [], [], {}
    with contextlib.ExitStack() as stack:
        var_dir = tempfile.mkdtemp(prefix="portal-compare-bench-")
        vanilla_dir = tempfile.mkdtemp(prefix="portal-compare-vanilla-")
        for folder in (var_dir, vanilla_dir):
            if args.keep:
                stack.callback(print, f"Kept {folder}")
            else:
                stack.callback(shutil.rmtree, folder, ignore_errors=True)

        env, own_database = sb.bench_environment(var_dir)
        # eservices_bench's environment: the worker sends with its recording backend.
        mail_file = os.path.join(var_dir, "sent-mail.jsonl")
        backend = es.RecordingEmailBackend
        env.update(
            {
                "EMAIL_BACKEND": f"{backend.__module__}.{backend.__qualname__}",
                es.MAIL_FILE_VARIABLE: mail_file,
                "PYTHONPATH": os.pathsep.join(
                    filter(
                        None, [os.path.dirname(os.path.abspath(__file__)), env.get("PYTHONPATH")]
                    )
                ),
            }
        )

        print("Creating and migrating vanilla Wagtail …", file=sys.stderr)
        vanilla, vanilla_url, vanilla_env, vanilla_database = start_vanilla(
            stack, python, vanilla_dir, env["DATABASE_URL"], args.workers, setup
        )
        if own_database or args.seed:
            print("Migrating and seeding the portal's database …", file=sys.stderr)
            setup.append(("migrate", sb.run_manage(python, env, "migrate", "--no-input", "-v0")))
            setup.append(("seed_demo", sb.run_manage(python, env, "seed_demo", "-v0")))
        setup.append(
            ("collectstatic", sb.run_manage(python, env, "collectstatic", "--no-input", "-v0"))
        )
        employee = dashboard.child(python, env, "--prepare-child", "--employee", args.employee)
        prepared = es.child(python, env, "--prepare-child", "--residents", str(args.residents))
        server, base_url, log_path = sb.start_gunicorn(python, env, var_dir, args.workers)
        stack.callback(sb.stop_process, server)
        sb.wait_until_ready(base_url, server, log_path)

        rows.append(measure_page("vanilla Wagtail", vanilla_url, "/", args, vanilla.pid))
        for label, path in ANONYMOUS_PAGES:
            rows.append(measure_page(label, base_url, path, args, server.pid))
        rows.append(
            measure_page("dashboard", base_url, DASHBOARD, args, server.pid, employee["session"])
        )
        worker = es.start_worker(python, env, var_dir)
        stack.callback(sb.stop_process, worker)
        rows.append(journey(args, base_url, server.pid, prepared, python, env, var_dir, mail_file))
        sb.stop_process(worker)
        resident = prepared["sessions"][0]
        rows.append(measure_page("Mina sidor", base_url, MINA_SIDOR, args, server.pid, resident))
        rows.append(measure_page("vanilla Wagtail, again", vanilla_url, "/", args, vanilla.pid))

        if not args.no_queries:
            print("Counting database queries …", file=sys.stderr)
            vanilla_counts = count_child(python, vanilla_env, vanilla_dir, ["/"])
            queries.update({("vanilla", path): value for path, value in vanilla_counts.items()})
            ours = count_child(python, env, sb.ROOT, [path for _, path in ANONYMOUS_PAGES])
            ours.update(count_child(python, env, sb.ROOT, [DASHBOARD], employee["session"]))
            ours.update(count_child(python, env, sb.ROOT, [MINA_SIDOR], resident))
            queries.update({("ours", path): value for path, value in ours.items()})
        gunicorn_version = st.tool_version([python, "-m", "gunicorn", "--version"])
        wagtail_version = st.tool_version(
            [python, "-c", "import wagtail, django; print(wagtail.__version__, django.__version__)"]
        )

    report(
        args,
        rows,
        queries,
        setup,
        own_database,
        vanilla_database,
        started_at,
        load_before,
        gunicorn_version,
        wagtail_version,
    )


def fmt(value, digits=1):
    if value is None or value != value:  # None or NaN
        return "-"
    return f"{value:,.{digits}f}"


def report(
    args,
    rows,
    queries,
    setup,
    own_database,
    vanilla_database,
    started_at,
    load_before,
    gunicorn_version,
    wagtail_version,
):
    vanilla_rows = [row for row in rows if row["label"].startswith("vanilla") and "rps" in row]
    # Vanilla is measured first and last; the mean of the two is the reference.
    vanilla_rps = sum(row["rps"] for row in vanilla_rows) / len(vanilla_rows) if vanilla_rows else 0
    per_cpu = [row["requests"] / row["server_cpu"] for row in vanilla_rows if row.get("server_cpu")]
    vanilla_per_cpu = sum(per_cpu) / len(per_cpu) if per_cpu else 0
    wagtail, django = (wagtail_version.split() + ["?", "?"])[:2]
    print()
    print(f"Dalslandsportalen against vanilla Wagtail, {started_at:%Y-%m-%d %H:%M} UTC")
    print(
        f"  machine:  {platform.machine()}, {os.cpu_count()} cores, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
        f"load average {load_before[0]:.2f} before, {os.getloadavg()[0]:.2f} after"
    )
    print(
        f"  servers:  {gunicorn_version}, {args.workers} sync workers each, production "
        f"settings, DEBUG off; Wagtail {wagtail}, Django {django}"
    )
    print(f"  vanilla:  `wagtail start vanilla`, {vanilla_database}")
    ours = "SQLite (temporary, seeded)" if own_database else "DATABASE_URL"
    print(f"  ours:     {ours}; no Varnish, no nginx")
    print(
        f"  client:   wrk, {args.threads} threads, {args.connections} keep-alive connections, "
        f"{args.duration:g} s per page after {args.warmup:g} s warm-up; journey: "
        f"{args.concurrency} threads, {args.submissions} applications after "
        f"{2 * args.concurrency} unmeasured"
    )
    print("  setup:    " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in setup))
    print()
    table = []
    for row in rows:
        side = "vanilla" if row["label"].startswith("vanilla") else "ours"
        counted = queries.get((side, row["path"]), {})
        cpu = row.get("server_cpu")
        per_cpu_s = row["requests"] / cpu if cpu and "requests" in row else None
        measured = "rps" in row
        table.append(
            [
                row["label"],
                row["path"],
                str(row["status"]),
                fmt(row.get("rps")),
                fmt(row.get("p50")),
                fmt(row.get("p99")),
                str(row["errors"]) if measured else "-",
                fmt(row.get("load"), 2),
                fmt(cpu),
                fmt(row.get("client_cpu")),
                fmt(row.get("other_cpu")),
                fmt(per_cpu_s, 0),
                str(counted.get("repeat", "-")),
                fmt(row["rps"] / vanilla_rps, 2) + "×" if measured and vanilla_rps else "-",
                fmt(per_cpu_s / vanilla_per_cpu, 2) + "×" if per_cpu_s and vanilla_per_cpu else "-",
            ]
        )
    header = [
        "row", "URL", "status", "req/s", "p50 ms", "p99 ms", "errors", "load", "srv CPU s",
        "cli CPU s", "other CPU s", "req/CPU-s", "queries", "÷ vanilla", "÷ vanilla/CPU",
    ]  # fmt: skip
    widths = [max(len(line[i]) for line in [header, *table]) for i in range(len(header))]
    print(
        "  ".join(
            h.ljust(w) if i < 2 else h.rjust(w)
            for i, (h, w) in enumerate(zip(header, widths, strict=True))
        )
    )
    print("-" * (sum(widths) + 2 * (len(widths) - 1)))
    for line in table:
        print(
            "  ".join(
                c.ljust(w) if i < 2 else c.rjust(w)
                for i, (c, w) in enumerate(zip(line, widths, strict=True))
            )
        )
    print()
    print(
        "req/s of the journey: whole applications (form GET + POST) per second; its p50/p99: "
        "the POST. load: 1-minute load average when the row started. srv CPU s: CPU seconds "
        "gunicorn (all workers) used in the measured run, cli: the load generator (wrk; the "
        "journey: this script's threads), other: the rest of the machine (the journey: with the "
        "task worker), with PostgreSQL if used; req/CPU-s: requests per such second, "
        "a figure other work on the machine disturbs less. queries: database queries of a "
        "repeated request (Django test client, production settings). ÷ vanilla: against the "
        f"mean of vanilla's two rows ({vanilla_rps:.1f} req/s, {vanilla_per_cpu:.0f} req/CPU-s)."
    )
    for row in rows:
        if row.get("status_after") not in (None, 200):
            print(f"  {row['path']} answered {row['status_after']} after its run!")
        sockets = {k: v for k, v in row.get("socket_errors", {}).items() if v}
        if sockets:
            print(f"  wrk socket errors for {row['path']}: {sockets}")
    journey_row = next(row for row in rows if row["label"] == "application journey")
    counts = journey_row["counts"]
    verdict = "none lost, none doubled" if journey_row["ok"] else "SOMETHING WAS LOST OR DOUBLED"
    print()
    print(
        f"Application journey: {journey_row['requests']} applications in "
        f"{journey_row['elapsed']:.1f} s; accepted {counts['accepted']} (with the unmeasured "
        f"ones), stored {counts['submitted_cases']}, lost {counts['lost']}, doubled "
        f"{counts['unexpected']}, failed requests {journey_row['errors']}, double clicks → "
        f"same receipt {journey_row['doubles_ok']}; notifications {counts['notifications']}, "
        f"e-mails sent once {counts['mails_sent_once']}, never {counts['mails_not_sent']}, "
        f"twice or more {counts['mails_sent_twice']} ({counts['drain_seconds']} s after the "
        f"last): {verdict}"
    )
    print()
    by_label = {row["label"]: row for row in rows}
    for label, goal in GOALS.items():
        row = by_label.get(label, {})
        if "rps" not in row or not vanilla_rps:
            print(f"Goal: {label} ≥ {goal:g}× vanilla: not measured")
            continue
        ratio = row["rps"] / vanilla_rps
        # Per server CPU second too: other work on a shared machine shifts req/s between rows.
        cpu_ratio = (
            row["requests"] / row["server_cpu"] / vanilla_per_cpu
            if row.get("server_cpu") and vanilla_per_cpu
            else float("nan")
        )
        print(
            f"Goal: {label} ≥ {goal:g}× vanilla's start page: {ratio:.2f}× "
            f"({row['rps']:.1f} / {vanilla_rps:.1f} req/s): {'met' if ratio >= goal else 'NOT met'}"
            f"; per server CPU second {cpu_ratio:.2f}×: "
            f"{'met' if cpu_ratio >= goal else 'NOT met'}"
        )
    met = journey_row["rps"] >= APPLICATIONS_GOAL and journey_row["ok"]
    print(
        f"Goal: applications ≥ {APPLICATIONS_GOAL:g}/s with none lost: "
        f"{journey_row['rps']:.1f}/s, {counts['lost']} lost: {'met' if met else 'NOT met'}"
    )
    if args.markdown:
        print()
        print("| " + " | ".join(header) + " |")
        print("| " + " | ".join(["---"] * 2 + ["---:"] * (len(header) - 2)) + " |")
        for line in table:
            cells = [f"`{c}`" if i == 1 else c for i, c in enumerate(line)]
            print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt as interrupt:
        sys.exit(f"Interrupted ({interrupt or 'Ctrl-C'}): servers stopped, folders removed.")
