"""Loading a settings module in a fresh interpreter, for the tests of what settings refuse and
choose (portal/tests/test_settings.py, portal/identity/tests/test_settings.py)."""

import os
import subprocess
import sys

from django.conf import settings

PRODUCTION = {
    "SECRET_KEY": "a-long-production-secret-for-the-test",
    "ALLOWED_HOSTS": "portal.example",
    "DATABASE_URL": "postgresql://portal@db.example/portal",
    "PORTAL_BASE_URL": "https://portal.example",
    "TRUSTED_PROXY_COUNT": "1",
}

SHOW_SETTINGS = """
import json
import django
from django.conf import settings
django.setup()
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "SECRET_KEY": settings.SECRET_KEY,
    "ALLOWED_HOSTS": settings.ALLOWED_HOSTS,
    "DATABASE_ENGINE": settings.DATABASES["default"]["ENGINE"],
    "CACHE_BACKEND": settings.CACHES["default"]["BACKEND"],
    "CACHE_LOCATION": settings.CACHES["default"].get("LOCATION", ""),
    "SESSION_ENGINE": settings.SESSION_ENGINE,
    "EMAIL": [settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS,
              settings.EMAIL_USE_SSL, settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD],
    "WAGTAILADMIN_BASE_URL": settings.WAGTAILADMIN_BASE_URL,
    "ALLAUTH_TRUSTED_PROXY_COUNT": getattr(settings, "ALLAUTH_TRUSTED_PROXY_COUNT", None),
}))
"""


def start(
    settings_module: str, script: str = SHOW_SETTINGS, **environ: str
) -> subprocess.CompletedProcess:
    """Load `settings_module` in a fresh interpreter with only `environ`, run `script`."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(settings.BASE_DIR),
        "DJANGO_SETTINGS_MODULE": settings_module,
        **environ,
    }
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
