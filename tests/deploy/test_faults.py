"""The fault drill in its short form (tests/deploy/faults.py): the production stack under mixed
load while the mail server stops, the task worker is killed, Redis stops and PostgreSQL stops,
each once for a few seconds.

It proves what a resident and a handler need of the stack on a bad day:
* every application that got a receipt is stored exactly once, and every handler change the
  portal confirmed is stored exactly once;
* every e-mail about those cases is sent exactly once (by Message-ID at a real SMTP server),
  after the mail server is back;
* while PostgreSQL is away the portal answers 503 with its clear page, and at no time a 500 or a
  stack trace; while Redis is away it answers as usual;
* it recovers by itself: gunicorn is never restarted, and after each fault every request
  succeeds again.

The figures are printed (run pytest with -s to see them; bench/fault_bench.py runs a longer
drill). Runs once per CI run, in the PostgreSQL pass, like the other production-stack tests.
"""

import os
import shutil

import pytest

from tests.deploy import faults, stack


def _skip_reason() -> str | None:
    if not os.access(stack.VARNISHD, os.X_OK):
        return f"{stack.VARNISHD} is not installed (apt-get install varnish)"
    if not os.access(faults.PG_BIN / "initdb", os.X_OK):
        return f"{faults.PG_BIN}/initdb is not installed (apt-get install postgresql-15)"
    if not os.access(faults.REDIS_SERVER, os.X_OK):
        return "redis-server is not installed (apt-get install redis-server)"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "runuser is needed to run initdb as postgres"
    return stack.postgres_skip_reason()


_reason = _skip_reason()
pytestmark = pytest.mark.skipif(_reason is not None, reason=_reason or "")


@pytest.fixture(scope="module")
def figures(request):
    drill = faults.Drill(stack.seeded_template(request.config), hold=5, calm=6, drain=240)
    try:
        drill.set_up()
        result = drill.run(residents=3, handlers=1, anonymous=2)
    finally:
        drill.tear_down()
    print("\nFault drill (short form)\n" + faults.report(result))
    return result


def test_every_receipted_application_is_stored_exactly_once(figures):
    assert figures["receipts"] > 0, faults.report(figures)
    assert figures["lost"] == 0, faults.report(figures)
    assert figures["doubled"] == 0, faults.report(figures)
    assert figures["stored"] == figures["receipts"], faults.report(figures)
    assert figures["gave up"] == 0, faults.report(figures)


def test_every_confirmed_handler_change_is_stored_exactly_once(figures):
    assert figures["handler changes confirmed"] > 0, faults.report(figures)
    assert figures["handler changes lost"] == 0, faults.report(figures)
    assert figures["handler changes doubled"] == 0, faults.report(figures)


def test_every_notification_is_sent_exactly_once_after_recovery(figures):
    assert figures["notifications"] > 0, faults.report(figures)
    assert figures["notifications sent once"] == figures["notifications"], faults.report(figures)
    assert figures["notifications sent twice or more"] == 0, faults.report(figures)
    assert figures["e-mails of no drill notification"] == 0, faults.report(figures)
    assert figures["other e-mails sent twice or more"] == 0, faults.report(figures)


def test_never_a_500_or_a_stack_trace(figures):
    for phase, row in figures["phases"].items():
        assert row["other 5xx"] == 0, (phase, faults.report(figures))
        assert row["stack traces"] == 0, (phase, faults.report(figures))
    assert figures["load errors"] == [], faults.report(figures)


def test_the_database_away_is_a_503_with_the_clear_page(figures):
    phases = figures["phases"]
    assert phases["postgres"]["503"] > 0, faults.report(figures)
    for phase, row in phases.items():
        assert row["503 with the clear page"] == row["503"], (phase, faults.report(figures))
        if phase not in ("postgres", "after postgres"):
            assert row["503"] == 0, (phase, faults.report(figures))


def test_redis_and_the_mail_server_away_change_nothing_for_visitors(figures):
    for phase in ("mail", "after mail", "redis", "after redis", "worker", "after worker"):
        row = figures["phases"][phase]
        assert row["2xx/3xx"] + row["4xx"] == row["requests"], (phase, faults.report(figures))


def test_the_portal_recovers_by_itself(figures):
    assert not figures["web restarted"], faults.report(figures)
    assert all(figures["still running"].values()), faults.report(figures)
