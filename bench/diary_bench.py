"""Diary import speed and search latency at scale, on PostgreSQL.

    DATABASE_URL=postgresql://user@127.0.0.1:5432/diary_bench \\
        .venv/bin/python bench/diary_bench.py --rows 100000 --rows 1000000

For each size the script empties the diary tables of that database (use a database of its own:
it migrates it and adds the five municipalities if they are missing), writes a CSV of that many
realistic rows (deterministic: the same file every time), imports it with `import_diary`'s code
and reports rows per second, then runs a fixed set of searches as `/diarium/` runs them (a
count up to 10,000 plus the first page of 20, with filters for municipality, register, dates,
direction, case number and free text) and reports p50 and p95 over the set. Goals (issue 4):
import >= 10,000 rows/s, p95 <= 50 ms at 1,000,000 rows. bench/README.md has example figures.
"""

import argparse
import csv
import os
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
            title = f"{rng.choice(SUBJECTS)}, {place}"
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, action="append", help="diary size (repeatable)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each search")
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
    from django.core.management import call_command
    from django.db import connection, reset_queries

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
        Document.objects.all().delete()
        Case.objects.all().delete()
        Register.objects.all().delete()
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "diarium.csv"
            write_rows(path, size)
            result = import_file(path)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE diary_document")
            cursor.execute("VACUUM ANALYZE diary_case")
        print(
            f"\n{size:,} rows: imported in {result.seconds:.1f} s, "
            f"{result.rows_per_second:,.0f} rows/s (check and write)"
        )
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
        timings.sort()
        p50 = statistics.median(timings)
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        print(f"  search over {len(timings)} runs: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
