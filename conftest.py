"""Fixtures for every app's tests: the whole session runs against ONE seeded test database.

The test database is created and migrated, then `seed_demo` fills it with the five
municipalities' demo content, once. Tests with the `db` fixture run inside a
transaction that is rolled back, so every test starts from the same real demo content.

Nothing may flush that database: `transactional_db`, `live_server`, `reset_sequences` and
Django's `TransactionTestCase` are refused at collection. Browser tests use the session-wide
server in `tests/conftest.py` instead.

This file sits at the root because pytest applies a conftest.py only to the tests below it;
the fixtures for the browser tests in `tests/` live in `tests/conftest.py`.
"""

import io
import os

import pytest

FLUSHING_FIXTURES = {"transactional_db", "live_server", "django_db_reset_sequences"}


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_blocker, django_db_keepdb, django_db_createdb
):
    """The test database, migrated, then the demo content, committed for the whole session.

    This replaces pytest-django's fixture, which creates only the databases that the selected
    tests ask for through `db`: a run of the browser tests alone (they ask for none) would
    otherwise seed and serve the development database.
    """
    from django.core.management import call_command
    from django.test.utils import setup_databases, teardown_databases

    keepdb = django_db_keepdb and not django_db_createdb
    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        databases = setup_databases(
            verbosity=verbosity,
            interactive=False,
            aliases={"default"},
            serialized_aliases=set(),
            keepdb=keepdb,
        )
        call_command("seed_demo", stdout=io.StringIO())

    yield

    if not keepdb:
        with django_db_blocker.unblock():
            teardown_databases(databases, verbosity=verbosity)


@pytest.fixture(autouse=True)
def _fresh_page_chrome():
    """The page chrome is cached (portal/chrome.py) in the cache, which outlives each test's
    rolled-back database: every test starts with a new chrome version."""
    from portal import chrome

    chrome.renew()
    yield


def _flushes_database(item) -> bool:
    from django.test import TestCase, TransactionTestCase

    if FLUSHING_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    cls = getattr(item, "cls", None)
    return bool(cls and issubclass(cls, TransactionTestCase) and not issubclass(cls, TestCase))


def pytest_collection_modifyitems(config, items):
    offenders = [item.nodeid for item in items if _flushes_database(item)]
    if offenders:
        raise pytest.UsageError(
            "These tests would flush the seeded test database (transactional_db, live_server, "
            "transaction=True or TransactionTestCase); use `db`, and for a browser test the "
            "`live_url` fixture:\n  " + "\n  ".join(offenders)
        )
    if not os.environ.get("ELASTICSEARCH_URL"):
        needs_server = pytest.mark.skip(reason="needs a live Elasticsearch: set ELASTICSEARCH_URL")
        for item in items:
            if item.get_closest_marker("elasticsearch"):
                item.add_marker(needs_server)


@pytest.fixture
def employee_group(db):
    """The seeded group whose members may open Medarbetarportalen."""
    from django.contrib.auth.models import Group

    return Group.objects.get(name="Medarbetare")


@pytest.fixture
def employee_client(client, employee_group):
    """A test client signed in as a member of the "Medarbetare" group."""
    from portal.tests.factories import UserFactory

    user = UserFactory(groups=[employee_group])
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: sign-ins counted against allauth's rate limits, a
    mail server found down, cached menus — nothing one test leaves reaches the next."""
    from django.core.cache import cache

    cache.clear()
    yield
