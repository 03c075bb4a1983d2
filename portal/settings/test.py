"""Fast, hermetic settings for the test suite (`make test`)."""

import os
import tempfile

from .base import *  # noqa: F403
from .base import env_list

DEBUG = False
SECRET_KEY = "test-only-dalslandsportalen"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
# Browser tests talk to a live server in another thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
