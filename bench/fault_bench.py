"""The fault drill, longer than CI's: the production stack under mixed load while the mail
server stops, the task worker is killed, Redis stops and PostgreSQL stops, each once.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python bench/fault_bench.py [--hold 20] [--calm 20] [--residents 4]

DATABASE_URL names a PostgreSQL server where a database can be created: the demo is migrated
and seeded there once (a few minutes), then copied into a PostgreSQL cluster of the drill's
own, which the drill stops and starts. Redis, the SMTP server (aiosmtpd), gunicorn, the task
worker, the scheduler and Varnish are started by the drill too (tests/deploy/faults.py says
how, and what is counted). Runs as root (initdb as the user postgres) or as a user who may
run initdb; needs varnishd and redis-server.

Prints requests by phase and answer, receipts, stored, lost, doubled, the handler changes, the
e-mails sent once, twice and never; exits non-zero when anything was lost or doubled, a 500 or
a stack trace was answered, or the portal did not recover by itself.
"""

import argparse
import datetime
import os
import platform
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from tests.deploy import faults, stack  # noqa: E402


class Cleanups:
    """What pytest's config offers stack.seeded_template: clean-ups run at the end."""

    def __init__(self):
        self.callbacks = []

    def add_cleanup(self, callback):
        self.callbacks.append(callback)

    def run(self):
        for callback in reversed(self.callbacks):
            callback()


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hold", type=float, default=20, help="seconds each fault lasts")
    parser.add_argument("--calm", type=float, default=20, help="seconds of load between faults")
    parser.add_argument("--residents", type=int, default=4, help="residents applying at once")
    parser.add_argument("--handlers", type=int, default=2, help="handlers taking cases")
    parser.add_argument("--anonymous", type=int, default=3, help="anonymous visitors at once")
    parser.add_argument(
        "--drain", type=float, default=600, help="seconds to wait for every e-mail afterwards"
    )
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    reason = stack.postgres_skip_reason()
    if reason:
        raise SystemExit(f"Cannot run: {reason}")
    cleanups = Cleanups()
    load_before = os.getloadavg()[0]
    drill = None
    try:
        drill = faults.Drill(
            stack.seeded_template(cleanups), hold=args.hold, calm=args.calm, drain=args.drain
        )
        drill.set_up()
        figures = drill.run(
            residents=args.residents, handlers=args.handlers, anonymous=args.anonymous
        )
    finally:
        if drill is not None:
            drill.tear_down()
        cleanups.run()
    print(f"Fault drill, {datetime.datetime.now():%Y-%m-%d %H:%M}")
    print(
        f"  machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, load average {load_before:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after"
    )
    print(
        f"  each fault {args.hold:.0f} s, {args.calm:.0f} s of load between; "
        f"{args.anonymous} anonymous visitors, {args.residents} residents, "
        f"{args.handlers} handlers"
    )
    print()
    print(faults.report(figures))
    problems = faults.problems(figures)
    print()
    print("\n".join(f"  PROBLEM: {problem}" for problem in problems) or "  none lost, none doubled")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
