"""Throughput and database queries per page, served the way production serves them.

    .venv/bin/python bench/serve_bench.py [--workers 2] [--requests 400] [--concurrency 4]

By default the script migrates and seeds a throwaway SQLite database in a temporary
PORTAL_VAR_DIR (set DATABASE_URL to use an existing, seeded database instead), collects the
static files, starts `gunicorn config.wsgi` with the production settings on a free port on
127.0.0.1, warms it up, and then for each page:

* sends a bounded number of GET requests from a few client threads and reports requests per
  second and latency;
* renders the page in a separate process with Django's test client under
  `CaptureQueriesContext` and reports the number of database queries (first and repeated
  request).

It only talks to 127.0.0.1, stops by itself (a request count and a time limit per page) and
removes what it created. Standard library only; the query count runs in the project's venv.
bench/README.md has example figures.
"""

import argparse
import datetime
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_PATHS = ["/", "/mellerud/barn-och-utbildning/forskola/"]
FIRST_PORT = 8200
SETTINGS = {
    "production": "config.settings.production",
    "dev": "config.settings.dev",
}


# --- The part that runs inside the project's venv: database queries per request ---------------


def count_queries(paths, repeats):
    """Print, as JSON, the status and query counts of each path rendered in-process."""
    sys.path.insert(0, ROOT)
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
    result = {"engine": connection.vendor}
    for path in paths:
        counts = []
        status = None
        for _ in range(1 + repeats):
            with CaptureQueriesContext(connection) as captured:
                status = client.get(path).status_code
            counts.append(len(captured.captured_queries))
        result[path] = {"status": status, "first": counts[0], "repeat": min(counts[1:])}
    print(json.dumps(result))


# --- The driver: set up, serve, measure, report ------------------------------------------------


def free_port():
    for port in range(FIRST_PORT, FIRST_PORT + 800):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise SystemExit(f"No free port on 127.0.0.1 from {FIRST_PORT}.")


def run_manage(python, env, *args):
    started = time.monotonic()
    try:
        subprocess.run(
            [python, "manage.py", *args],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=900,
            stdout=subprocess.DEVNULL,
        )
    except subprocess.CalledProcessError as error:
        raise SystemExit(
            f"`manage.py {' '.join(args)}` failed (exit {error.returncode})."
        ) from None
    return time.monotonic() - started


def bench_environment(var_dir):
    """The environment of a benchmark that signs someone in (dashboard_bench, eservices_bench):
    the production settings with `var_dir` for files, e-mail kept in memory, and a throwaway
    SQLite database there unless DATABASE_URL is set. Returns (env, own_database)."""
    own_database = not os.environ.get("DATABASE_URL")
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": SETTINGS["production"],
            "PORTAL_VAR_DIR": var_dir,
            "PRIVATE_MEDIA_ROOT": os.path.join(var_dir, "private"),
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            # Links in e-mails (kept in memory); the clients reach gunicorn directly.
            "PORTAL_BASE_URL": "https://localhost",
            "TRUSTED_PROXY_COUNT": "0",
            "SECURE_SSL_REDIRECT": "false",
            "LOG_LEVEL": env.get("LOG_LEVEL", "WARNING"),
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        }
    )
    if own_database:
        env["DATABASE_URL"] = "sqlite:///" + os.path.join(var_dir, "portal.sqlite3")
        env["MEDIA_ROOT"] = os.path.join(var_dir, "media")
    return env, own_database


def run_child(script, python, env, *args):
    """Run `script` again inside the project's venv (a step that needs Django); return the JSON
    its last line of output holds."""
    result = subprocess.run(
        [python, os.path.abspath(script), *args],
        cwd=ROOT,
        env=env,
        timeout=900,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"`{' '.join(args)}` failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# No proxies, whatever the environment says: every request goes straight to 127.0.0.1.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def fetch(url, timeout=10.0):
    """One GET; returns (status, seconds). Statuses ≥ 400 are results, not exceptions."""
    started = time.perf_counter()
    try:
        with OPENER.open(url, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        error.read()
        status = error.code
    except (urllib.error.URLError, OSError):
        status = 0
    return status, time.perf_counter() - started


def wait_until_ready(base_url, server, log_path, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            break
        status, _ = fetch(base_url + "/health/", timeout=2.0)
        if status == 200:
            return
        time.sleep(0.2)
    with open(log_path, encoding="utf-8", errors="replace") as log:
        tail = log.read()[-3000:]
    raise SystemExit(f"gunicorn did not become healthy at {base_url}/health/.\n{tail}")


def load(url, total, concurrency, max_seconds):
    """Send up to `total` GETs from `concurrency` threads, stopping after `max_seconds`."""
    lock = threading.Lock()
    sent = 0
    deadline = time.monotonic() + max_seconds
    latencies, errors = [], 0

    def worker():
        nonlocal sent, errors
        while time.monotonic() < deadline:
            with lock:
                if sent >= total:
                    return
                sent += 1
            status, seconds = fetch(url)
            with lock:
                if status == 200:
                    latencies.append(seconds)
                else:
                    errors += 1

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for future in [pool.submit(worker) for _ in range(concurrency)]:
            future.result()
    elapsed = time.perf_counter() - started
    return latencies, errors, elapsed


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--python",
        default=os.path.join(ROOT, ".venv", "bin", "python"),
        help="the project's venv interpreter (default: .venv/bin/python)",
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default: 2)")
    parser.add_argument(
        "--requests", type=int, default=400, help="measured requests per page (default: 400)"
    )
    parser.add_argument("--concurrency", type=int, default=4, help="client threads (default: 4)")
    parser.add_argument(
        "--max-seconds",
        type=float,
        default=60.0,
        help="time limit per page; stops early when reached (default: 60)",
    )
    parser.add_argument(
        "--warmup", type=int, default=20, help="unmeasured requests per page first (default: 20)"
    )
    parser.add_argument(
        "--path",
        action="append",
        dest="paths",
        metavar="PATH",
        help="a page to measure; repeat for several (default: / and "
        "/mellerud/barn-och-utbildning/forskola/)",
    )
    parser.add_argument(
        "--query-settings",
        choices=sorted(SETTINGS),
        default="production",
        help="settings for the query count (default: production)",
    )
    parser.add_argument(
        "--seed",
        action="store_true",
        help="with DATABASE_URL set: migrate and seed that database first",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the temporary folder (database, static files, gunicorn log)",
    )
    parser.add_argument("--count-queries-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.paths = args.paths or DEFAULT_PATHS
    if min(args.workers, args.requests, args.concurrency) < 1 or args.max_seconds <= 0:
        parser.error("--workers, --requests, --concurrency and --max-seconds must be positive")
    return args


def main(argv=None):
    args = parse_args(argv)
    if args.count_queries_child:
        count_queries(args.paths, repeats=2)
        return
    args.load_before = os.getloadavg()[0]  # other work on the machine skews the figures
    python = os.path.abspath(args.python)
    if not os.path.exists(python):
        raise SystemExit(f"No interpreter at {python}: run `make install` first.")

    var_dir = tempfile.mkdtemp(prefix="portal-bench-")
    own_database = not os.environ.get("DATABASE_URL")
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": SETTINGS["production"],
            "PORTAL_VAR_DIR": var_dir,
            "SECRET_KEY": secrets.token_urlsafe(50),  # this run only
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            # Links in e-mails (kept in memory); the clients reach gunicorn directly.
            "PORTAL_BASE_URL": "https://localhost",
            "TRUSTED_PROXY_COUNT": "0",
            "SECURE_SSL_REDIRECT": "false",
            "LOG_LEVEL": env.get("LOG_LEVEL", "WARNING"),
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        }
    )
    if own_database:
        env["DATABASE_URL"] = "sqlite:///" + os.path.join(var_dir, "portal.sqlite3")
        env["MEDIA_ROOT"] = os.path.join(var_dir, "media")
    try:
        setup = []
        if own_database or args.seed:
            setup.append(("migrate", run_manage(python, env, "migrate", "--no-input", "-v0")))
            setup.append(("seed_demo", run_manage(python, env, "seed_demo", "-v0")))
        setup.append(
            ("collectstatic", run_manage(python, env, "collectstatic", "--no-input", "-v0"))
        )
        rows = serve_and_measure(args, python, env, var_dir)
        query_env = dict(env, DJANGO_SETTINGS_MODULE=SETTINGS[args.query_settings])
        child = subprocess.run(
            [
                python,
                os.path.abspath(__file__),
                "--count-queries-child",
                *[arg for path in args.paths for arg in ("--path", path)],
            ],
            cwd=ROOT,
            env=query_env,
            timeout=300,
            capture_output=True,
            text=True,
        )
        if child.returncode != 0:
            raise SystemExit(f"Counting queries failed:\n{child.stderr[-3000:]}")
        queries = json.loads(child.stdout.strip().splitlines()[-1])
    finally:
        if args.keep:
            print(f"Kept {var_dir}")
        else:
            shutil.rmtree(var_dir, ignore_errors=True)
    report(args, rows, queries, setup, own_database)


def start_gunicorn(python, env, var_dir, workers):
    """Start `gunicorn config.wsgi` on a free port of 127.0.0.1 in a session of its own, its
    output in `var_dir`/gunicorn.log; return (process, base URL, log path)."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log_path = os.path.join(var_dir, "gunicorn.log")
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [
                python,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return server, base_url, log_path


def stop_process(server, timeout=20):
    """SIGTERM, then after `timeout` seconds SIGKILL to the process's group (started with
    start_new_session=True)."""
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def serve_and_measure(args, python, env, var_dir):
    """Start gunicorn, measure each path, stop gunicorn; return one row per path."""
    server, base_url, log_path = start_gunicorn(python, env, var_dir, args.workers)
    try:
        wait_until_ready(base_url, server, log_path)
        rows = []
        for path in args.paths:
            url = base_url + urllib.parse.quote(path, safe="/?=&%")
            status, _ = fetch(url)
            if status != 200:
                rows.append({"path": path, "status": status})
                continue
            load(url, args.warmup, args.concurrency, args.max_seconds)
            latencies, errors, elapsed = load(
                url, args.requests, args.concurrency, args.max_seconds
            )
            rows.append(
                {
                    "path": path,
                    "status": status,
                    "done": len(latencies),
                    "errors": errors,
                    "rps": len(latencies) / elapsed if elapsed else 0.0,
                    "mean": statistics.fmean(latencies) * 1000 if latencies else 0.0,
                    "p50": percentile(latencies, 0.50) * 1000 if latencies else 0.0,
                    "p95": percentile(latencies, 0.95) * 1000 if latencies else 0.0,
                }
            )
        return rows
    finally:
        stop_process(server)


def report(args, rows, queries, setup, own_database):
    database = queries.get("engine", "?") + (" (temporary, seeded)" if own_database else "")
    print(f"Dalslandsportalen serve benchmark, {datetime.datetime.now():%Y-%m-%d %H:%M}")
    print(
        f"  machine:  {platform.machine()}, {os.cpu_count()} cores, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
        f"load average {args.load_before:.1f} before, {os.getloadavg()[0]:.1f} after"
    )
    print(f"  server:   gunicorn config.wsgi, {args.workers} sync workers, production settings")
    print(
        f"  clients:  {args.concurrency} threads, {args.requests} requests per page after "
        f"{args.warmup} warm-up, at most {args.max_seconds:g} s per page"
    )
    print(f"  database: {database}; queries counted with {args.query_settings} settings")
    print("  setup:    " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in setup))
    print()
    header = (
        f"{'page':<44} {'status':>6} {'ok':>5} {'err':>4} {'req/s':>7} "
        f"{'mean ms':>8} {'p50 ms':>7} {'p95 ms':>7} {'queries':>8} {'first':>6}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        counted = queries.get(row["path"], {})
        tail = f"{counted.get('repeat', '-'):>8} {counted.get('first', '-'):>6}"
        if "rps" not in row:
            print(
                f"{row['path']:<44} {row['status']:>6} {'':>5} {'':>4} {'':>7} "
                f"{'':>8} {'':>7} {'':>7} {tail}"
            )
            continue
        print(
            f"{row['path']:<44} {row['status']:>6} {row['done']:>5} {row['errors']:>4} "
            f"{row['rps']:>7.1f} {row['mean']:>8.1f} {row['p50']:>7.1f} {row['p95']:>7.1f} "
            f"{tail}"
        )
    print()
    print(
        "queries: database queries for a repeated request to the page; first: for the first "
        "request in a fresh process."
    )


if __name__ == "__main__":
    main()
