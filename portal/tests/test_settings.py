"""Settings are read from the environment. Each case imports the settings in a fresh Python
process, as a server would at start-up, with nothing in the environment but what it names."""

import json

import pytest

from portal.tests.settings_probe import PRODUCTION, start


def test_production_settings_refuse_to_start_without_any_required_variable():
    result = start("config.settings.production")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"):
        assert name in result.stderr


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
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


def test_redis_url_moves_cache_and_sessions_to_redis():
    result = start("config.settings.base", SECRET_KEY="k", REDIS_URL="redis://127.0.0.1:6379/3")

    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["CACHE_BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert shown["CACHE_LOCATION"] == "redis://127.0.0.1:6379/3"
    assert shown["SESSION_ENGINE"] == "django.contrib.sessions.backends.cache"


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
