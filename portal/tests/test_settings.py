"""Settings are read from the environment. Each case imports the settings in a fresh Python
process, as a server would at start-up, with nothing in the environment but what it names."""

import json

import pytest

from portal.tests.settings_probe import PRODUCTION, start

REQUIRED = (
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "PORTAL_BASE_URL",
    "TRUSTED_PROXY_COUNT",
)


def test_production_settings_refuse_to_start_without_any_required_variable():
    result = start("config.settings.production")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    for name in REQUIRED:
        assert name in result.stderr


@pytest.mark.parametrize("missing", REQUIRED)
def test_production_settings_name_exactly_the_missing_variable(missing):
    environ = {name: value for name, value in PRODUCTION.items() if name != missing}

    result = start("config.settings.production", **environ)

    assert result.returncode != 0
    message = result.stderr.strip().splitlines()[-1]
    assert missing in message
    for present in environ:
        assert present not in message


def test_production_settings_treat_a_blank_variable_as_missing():
    result = start("config.settings.production", **{**PRODUCTION, "SECRET_KEY": "   "})

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr.strip().splitlines()[-1]


def test_production_settings_start_with_the_required_variables():
    result = start("config.settings.production", **PRODUCTION)

    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["DEBUG"] is False
    assert shown["SECRET_KEY"] == PRODUCTION["SECRET_KEY"]
    assert shown["ALLOWED_HOSTS"] == ["portal.example"]
    assert shown["DATABASE_ENGINE"] == "django.db.backends.postgresql"
    assert shown["WAGTAILADMIN_BASE_URL"] == "https://portal.example"
    assert shown["ALLAUTH_TRUSTED_PROXY_COUNT"] == 1


def refusal(**environ: str) -> str:
    """The last line of the error when production settings start with PRODUCTION changed by
    `environ`."""
    result = start("config.settings.production", **{**PRODUCTION, **environ})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    return result.stderr.strip().splitlines()[-1]


def test_a_missing_proxy_count_says_how_many_proxies_and_what_a_wrong_count_does():
    environ = {name: value for name, value in PRODUCTION.items() if name != "TRUSTED_PROXY_COUNT"}

    result = start("config.settings.production", **environ)

    assert result.returncode != 0
    message = result.stderr.strip().splitlines()[-1]
    assert "TRUSTED_PROXY_COUNT" in message
    assert "reverse proxies" in message
    assert "Too low" in message and "too high" in message


@pytest.mark.parametrize("count", ["-1", "1.5", "one", "1 2"])
def test_a_proxy_count_that_is_not_a_whole_number_of_0_or_more_is_refused(count):
    message = refusal(TRUSTED_PROXY_COUNT=count)

    assert "TRUSTED_PROXY_COUNT must be a whole number" in message


@pytest.mark.parametrize("count", ["0", "2", " 1 "])
def test_a_whole_proxy_count_is_taken(count):
    result = start("config.settings.production", **{**PRODUCTION, "TRUSTED_PROXY_COUNT": count})

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["ALLAUTH_TRUSTED_PROXY_COUNT"] == int(count)


@pytest.mark.parametrize(
    "url",
    [
        "http://portal.example",
        "portal.example",
        "https://",
        "https://portal.example/portal",
        "https://portal.example/?x=1",
        "https://admin:secret@portal.example",
        "https://portal.example:port",
    ],
)
def test_a_base_url_that_is_not_an_https_site_address_is_refused(url):
    message = refusal(PORTAL_BASE_URL=url)

    assert "PORTAL_BASE_URL must" in message
    assert "secret" not in message


@pytest.mark.parametrize(
    ("url", "base"),
    [
        ("https://dalslandsportalen.se/", "https://dalslandsportalen.se"),
        ("https://portal.example:8443", "https://portal.example:8443"),
    ],
)
def test_an_https_site_address_becomes_the_base_of_links_in_e_mails(url, base):
    result = start("config.settings.production", **{**PRODUCTION, "PORTAL_BASE_URL": url})

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["WAGTAILADMIN_BASE_URL"] == base


def test_a_scheduler_margin_that_is_not_a_number_of_seconds_is_refused():
    assert "HEALTH_SCHEDULER_STALE_AFTER must be" in refusal(HEALTH_SCHEDULER_STALE_AFTER="1h")


def test_every_missing_or_unsafe_value_is_named_in_one_message():
    message = refusal(
        SECRET_KEY="", PORTAL_BASE_URL="http://portal.example", TRUSTED_PROXY_COUNT="-1"
    )

    assert "set SECRET_KEY in the environment" in message
    assert "PORTAL_BASE_URL must be an absolute https:// address" in message
    assert "TRUSTED_PROXY_COUNT must be a whole number" in message


def test_redis_url_moves_the_cache_to_redis_and_sessions_survive_an_eviction():
    result = start("config.settings.base", SECRET_KEY="k", REDIS_URL="redis://127.0.0.1:6379/3")

    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    # Django's Redis cache, answering as an empty cache while Redis is away.
    assert shown["CACHE_BACKEND"] == "portal.cache_backends.TolerantRedisCache"
    assert shown["CACHE_LOCATION"] == "redis://127.0.0.1:6379/3"
    # Read from Redis, written through to the database: a Redis restart signs nobody out.
    assert shown["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"


def test_the_mail_relay_takes_tls_and_an_account_from_the_environment():
    result = start(
        "config.settings.base",
        SECRET_KEY="k",
        EMAIL_HOST="smtp.example.se",
        EMAIL_PORT="587",
        EMAIL_USE_TLS="true",
        EMAIL_HOST_USER="dalslandsportalen",
        EMAIL_HOST_PASSWORD="relay-password",
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["EMAIL"] == [
        "smtp.example.se",
        587,
        True,
        False,
        "dalslandsportalen",
        "relay-password",
    ]


def test_production_refuses_both_kinds_of_mail_tls_at_once():
    result = start("config.settings.production", **PRODUCTION, EMAIL_USE_TLS="1", EMAIL_USE_SSL="1")

    assert result.returncode != 0
    assert "EMAIL_USE_TLS" in result.stderr and "EMAIL_USE_SSL" in result.stderr


def test_without_redis_url_cache_is_local_and_sessions_in_the_database():
    result = start("config.settings.base", SECRET_KEY="k")

    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["CACHE_BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert shown["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"


def test_without_database_url_the_demo_uses_sqlite_under_var():
    result = start("config.settings.base", SECRET_KEY="k")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["DATABASE_ENGINE"] == "django.db.backends.sqlite3"
