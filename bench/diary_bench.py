"""Diary import speed and search latency at scale, on PostgreSQL.

    DATABASE_URL=postgresql://user@127.0.0.1:5432/diary_bench \\
        .venv/bin/python bench/diary_bench.py --rows 100000 --rows 1000000

For each size the script empties the diary tables of that database (use a database of its own:
it migrates it and adds the five municipalities if they are missing), writes a CSV of that many
realistic rows (deterministic: the same file every time), imports it with `import_diary`'s code
and reports rows per second (`--profile`: and where the import spends its time). Then it times:

* a fixed set of 16 searches as `/diarium/` runs them (a count up to 10,000 plus the first page
  of 20, with filters for municipality, register, dates, direction, case number and free text);
* 20 common and rare words, free text without filters, through the real pages: `/diarium/?q=…`
  (the view, its queries and its template) and `/api/v1/diary/?q=…` (throttle off), both by
  Django's test client.

Each reports p50 and p95. Goals (issue 4): import >= 10,000 rows/s, p95 <= 50 ms at 1,000,000
rows. `--reuse` keeps a database that already holds that many rows (to time searches again).
bench/README.md has example figures.
"""

import argparse
import cProfile
import csv
import os
import pstats
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from portal.demo import municipalities  # noqa: E402 - after the repository is on the path

MUNICIPALITIES = [row["slug"] for row in municipalities()]
REGISTERS = ["KS", "BUN", "SBN", "KFN", "TN"]
SUBJECTS = [
    "Ansökan om bygglov för nybyggnad av enbostadshus",
    "Ansökan om bygglov för tillbyggnad av fritidshus",
    "Detaljplan för bostäder",
    "Ansökan om strandskyddsdispens",
    "Tillsyn enligt miljöbalken",
    "Medborgarförslag om utegym",
    "Motion om gång- och cykelväg",
    "Upphandling av skolskjuts",
    "Remiss om regional transportplan",
    "Budget och verksamhetsplan",
    "Delårsrapport",
    "Skolplacering inför läsåret",
    "Synpunkt på snöröjning",
    "Ansökan om serveringstillstånd",
    "Anmälan om värmepump",
    "Föreläggande om avloppsanläggning",
]
# The long tail: a few cases each (with their share of all cases), so that the word mix has
# rare words as well as common ones.
RARE_SUBJECTS = [
    ("Etablering av vindkraft vid Kroppefjäll", 0.001),
    ("Bildande av naturreservat", 0.0005),
    ("Fornlämning vid vägbygge", 0.0002),
    ("Ansökan om tillstånd för skjutbana", 0.00005),
]
PLACES = [
    "Åmål",
    "Bengtsfors",
    "Billingsfors",
    "Dals Långed",
    "Bäckefors",
    "Ed",
    "Färgelanda",
    "Högsäter",
    "Mellerud",
    "Åsensbruk",
    "Köpmannebro",
    "Tösse",
    "Fengersfors",
]
DOCUMENTS = [
    ("Ansökan", "in"),
    ("Situationsplan", "in"),
    ("Remissyttrande", "in"),
    ("Kompletteringsbegäran", "out"),
    ("Beslut", "out"),
    ("Yttrande", "out"),
    ("Tjänsteskrivelse", "internal"),
    ("Protokollsutdrag", "internal"),
]
PARTIES = [
    ("Länsstyrelsen i Västra Götalands län", "authority"),
    ("Trafikverket", "authority"),
    ("Lantmäteriet", "authority"),
    ("Dalslands Bygg AB", "organisation"),
    ("Fyrbodals kommunalförbund", "organisation"),
    ("Privatperson", "private"),
]


def write_rows(path: Path, count: int) -> None:
    """`count` rows, about four documents per case, over the last three years."""
    from citizen_portal.diary.importer import FIELDS  # after django.setup()

    rng = random.Random(count)  # noqa: S311 - test data, the same file every time
    today = date.today()
    with open(path, "w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(FIELDS)
        written = case_serial = 0
        while written < count:
            case_serial += 1
            municipality = MUNICIPALITIES[case_serial % 5]
            register = rng.choice(REGISTERS)
            registered = today - timedelta(days=rng.randrange(3 * 365))
            case_number = f"{register} {registered.year}/{case_serial}"
            place = f"{rng.choice(PLACES)} {rng.randrange(1, 40)}:{rng.randrange(1, 300)}"
            subject = rng.choice(SUBJECTS)
            chance = rng.random()
            for rare, share in RARE_SUBJECTS:
                if chance < share:
                    subject = rare
                    break
                chance -= share
            title = f"{subject}, {place}"
            for number in range(1, rng.randrange(2, 7)):
                if written == count:
                    break
                document, direction = rng.choice(DOCUMENTS)
                party, party_type = rng.choice(PARTIES)
                day = registered + timedelta(days=number * rng.randrange(1, 20))
                secret = rng.random() < 0.02
                writer.writerow(
                    [
                        municipality,
                        register,
                        case_number,
                        title,
                        f"{case_number}-{number}",
                        "" if secret else document,
                        day.isoformat(),
                        day.isoformat(),
                        direction,
                        party,
                        party_type,
                        "Samhällsbyggnadsförvaltningen",
                        "OSL 26 kap. 1 §" if secret else "",
                    ]
                )
                written += 1


def searches(today: date) -> list[dict]:
    """What people search for: free text alone and with filters, filters alone, a case number."""
    year_ago = today - timedelta(days=365)
    month_ago = today - timedelta(days=30)
    return [
        {"q": "bygglov"},
        {"q": "bygglovet enbostadshus"},
        {"q": "detaljplan", "municipality": "amal"},
        {"q": "strandskyddsdispens", "date_from": year_ago},
        {"q": "skolskjuts", "municipality": "mellerud", "register": "BUN"},
        {"q": "Tösse"},
        {"q": "värmepump", "direction": "in"},
        {"q": "beslut avlopp", "municipality": "bengtsfors", "date_from": year_ago},
        {"municipality": "fargelanda"},
        {"municipality": "dals-ed", "register": "KS"},
        {"date_from": month_ago},
        {"date_from": month_ago, "date_to": today, "municipality": "amal"},
        {"direction": "out", "municipality": "mellerud", "date_from": year_ago},
        {"case_number": "SBN 2025/12345"},
        {"q": "Trafikverket", "order": "relevance"},
        {},
    ]


# Free text without filters, common words first (tens or hundreds of thousands of rows of the
# generated diary), then rarer ones (RARE_SUBJECTS: a few thousand to a few hundred rows) and
# one that matches nothing.
WORDS = [
    "ansökan",
    "bygglov",
    "beslut",
    "yttrande",
    "tjänsteskrivelse",
    "Trafikverket",
    "Länsstyrelsen",
    "detaljplan",
    "tillsyn",
    "Åmål",
    "strandskyddsdispens",
    "skolskjuts",
    "värmepump",
    "utegym",
    "Köpmannebro",
    "vindkraft",
    "naturreservat",
    "fornlämning",
    "skjutbana",
    "gruvdrift",
]


def percentiles(timings: list[float]) -> tuple[float, float]:
    timings = sorted(timings)
    return statistics.median(timings), timings[max(0, int(len(timings) * 0.95) - 1)]


def time_pages(client, repeat: int) -> None:
    """The word mix through `/diarium/` and `/api/v1/diary/`, as a visitor and a program get
    them: the view, its queries, the template or the JSON."""
    for word in WORDS:  # once each, untimed: compiled templates, as a running server has
        client.get("/diarium/", {"q": word})
        client.get("/api/v1/diary/", {"q": word})
    all_runs = {"web": [], "api": []}
    for word in WORDS:
        runs = {"web": [], "api": []}
        for _ in range(repeat):
            for name, path in (("web", "/diarium/"), ("api", "/api/v1/diary/")):
                started = time.perf_counter()
                response = client.get(path, {"q": word})
                runs[name].append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (path, word, response.status_code)
                if name == "api":
                    data = response.json()
        all_runs["web"] += runs["web"]
        all_runs["api"] += runs["api"]
        hits = f"{data['count']:,}" if data["count_is_exact"] else f"> {data['count']:,}"
        print(
            f"  web {statistics.median(runs['web']):6.1f} ms  "
            f"api {statistics.median(runs['api']):6.1f} ms  {hits:>9} hits  "
            f"{data['order']:>9}  q={word}"
        )
    for name, label in (("web", "/diarium/?q="), ("api", "/api/v1/diary/?q=")):
        p50, p95 = percentiles(all_runs[name])
        print(
            f"  {label} over {len(all_runs[name])} runs ({len(WORDS)} words): "
            f"p50 {p50:.1f} ms, p95 {p95:.1f} ms"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, action="append", help="diary size (repeatable)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each search")
    parser.add_argument(
        "--reuse", action="store_true", help="keep the rows if the database holds that many"
    )
    parser.add_argument("--profile", action="store_true", help="profile the import (cProfile)")
    args = parser.parse_args()
    sizes = args.rows or [100_000]
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("Set DATABASE_URL to a PostgreSQL database of the benchmark's own.", file=sys.stderr)
        return 2

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False  # as in production: no per-query SQL log
    settings.DIARY_API_REQUESTS_PER_MINUTE = 0  # no throttle: the bench is one client
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client

    from citizen_portal.diary.importer import import_file
    from citizen_portal.diary.models import Case, Document, Register
    from citizen_portal.diary.search import (
        MAX_COUNTED,
        ORDER_DATE,
        ORDER_RELEVANCE,
        count_documents,
        search_documents,
    )
    from portal.demo import seed_locales_and_municipalities
    from portal.models import Municipality

    municipalities = {}

    def resolve(params: dict) -> dict:
        """The benchmark's readable parameters as search_documents takes them."""
        resolved = dict(params)
        if "municipality" in resolved:
            resolved["municipality"] = municipalities[resolved["municipality"]]
        if "order" in resolved:
            orders = {"relevance": ORDER_RELEVANCE, "date": ORDER_DATE}
            resolved["order"] = orders[resolved["order"]]
        return resolved

    call_command("migrate", verbosity=0)
    seed_locales_and_municipalities(sys.stdout, None)
    municipalities.update({m.slug: m for m in Municipality.objects.all()})
    print(f"PostgreSQL {connection.pg_version}, Python {sys.version.split()[0]}")

    for size in sizes:
        if args.reuse and Document.objects.count() == size:
            print(f"\n{size:,} rows: kept from an earlier run (--reuse), not imported")
        else:
            Document.objects.all().delete()
            Case.objects.all().delete()
            Register.objects.all().delete()
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "diarium.csv"
                write_rows(path, size)
                profile = cProfile.Profile() if args.profile else None
                if profile:
                    profile.enable()
                result = import_file(path)
                if profile:
                    profile.disable()
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE diary_document")
                cursor.execute("VACUUM ANALYZE diary_case")
            print(
                f"\n{size:,} rows: imported in {result.seconds:.1f} s, "
                f"{result.rows_per_second:,.0f} rows/s (check and write)"
            )
            if profile:
                pstats.Stats(profile).sort_stats("tottime").print_stats(15)
        timings = []
        for params in searches(date.today()):
            runs = []
            for _ in range(args.repeat):
                reset_queries()
                started = time.perf_counter()
                # As the page does: count up to MAX_COUNTED, and order by relevance only a
                # result set that small.
                arguments = resolve(params)
                results = search_documents(**arguments)
                total = count_documents(results)
                if arguments.get("order") == ORDER_RELEVANCE and total > MAX_COUNTED:
                    results = search_documents(**{**arguments, "order": ORDER_DATE})
                list(results[:20])
                runs.append((time.perf_counter() - started) * 1000)
            best = statistics.median(runs)
            timings.extend(runs)
            shown = f"> {MAX_COUNTED:,}" if total > MAX_COUNTED else f"{total:,}"
            print(f"  {best:7.1f} ms  {shown:>9} hits  {params}")
        p50, p95 = percentiles(timings)
        print(f"  search over {len(timings)} runs: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
        print("Free text without filters, through the pages:")
        time_pages(Client(), args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
