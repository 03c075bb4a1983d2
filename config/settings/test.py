"""Fast, hermetic settings for the test suite (`make test`)."""

import os
import tempfile

from portal import storage_config

from .base import *  # noqa: F403
from .base import DATABASES, LOGGING, VAR_DIR, env_list

DEBUG = False
SECRET_KEY = "test-only-dalslandsportalen"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Sent at once into Django's test outbox; what the worker sends goes there too.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
OUTBOX_DELIVERY_BACKEND = EMAIL_BACKEND
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-private-")
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The file system whatever the environment says (portal/tests/test_storage_s3.py tries S3).
STORAGES = {
    **storage_config.file_system_storages(),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
# Seeding the demo logs every page it publishes; a failing test's report needs only warnings.
LOGGING = {**LOGGING, "root": {**LOGGING["root"], "level": os.environ.get("LOG_LEVEL", "WARNING")}}
# Each request of the browser tests' server closes its connection, so none is left open when
# pytest-django drops the PostgreSQL test database.
DATABASES["default"]["CONN_MAX_AGE"] = 0
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file, not SQLite's in-memory default, so the browser tests' server thread sees the
    # seeded data the test session created; one per run, so two runs at once don't collide.
    # pytest-django removes it at the end.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}
# Browser tests talk to a live server in another thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# The suite searches hundreds of times a minute from one address; the tests of the search limit
# set their own (search/tests/test_search.py).
SEARCH_REQUESTS_PER_MINUTE = 0
SEARCH_SUGGESTIONS_PER_MINUTE = 0
