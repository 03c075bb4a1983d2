"""Production settings: no defaults for secrets or service addresses.

Start-up stops with a message naming every missing variable, so an operator fixes them all
in one go instead of one crash at a time.
"""

import os
import re
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import STORAGES, env_bool, identity_config, storage_config

REQUIRED = (
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "PORTAL_BASE_URL",
    "TRUSTED_PROXY_COUNT",
)


def _environ(name: str) -> str:
    return os.environ.get(name, "").strip()


def base_url_problem(value: str) -> str | None:
    """Why `value` cannot be the portal's public address (links in e-mails), or None."""
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        parts = None
    if parts is None or parts.scheme != "https" or not parts.hostname:
        return "must be an absolute https:// address, e.g. https://dalslandsportalen.se"
    if parts.username or parts.password:
        return "must not contain a user name or password"
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        return "must be the address of the site itself, without a path, query or fragment"
    return None


missing = [name for name in REQUIRED if not _environ(name)]
# A provider configured by halves would fail at the first login instead of at start-up.
missing += identity_config.missing_settings(os.environ)
# So would S3 storage without its bucket, region or keys: at the first upload or download.
missing += storage_config.missing_settings(os.environ)
# Each problem names its variable; all of them are reported at once.
problems = []
if missing:
    problems.append("set " + ", ".join(missing) + " in the environment (see .env.example)")
if "TRUSTED_PROXY_COUNT" in missing:
    problems.append(
        "TRUSTED_PROXY_COUNT is how many reverse proxies that add X-Forwarded-For stand in front "
        "of the portal (0: visitors reach gunicorn directly; 1: one TLS proxy such as nginx, "
        "also with the portal's Varnish behind it, whose VCL passes the header on as the proxy "
        "sent it). Too low, and every visitor has the proxy's address, so the login, form and "
        "API throttles block everyone at once and the audit trail records the proxy; too high, "
        "and a visitor can choose their own address in X-Forwarded-For"
    )
elif not re.fullmatch(r"[0-9]+", _environ("TRUSTED_PROXY_COUNT")):
    problems.append(
        "TRUSTED_PROXY_COUNT must be a whole number of 0 or more (the reverse proxies in front "
        "of the portal that add X-Forwarded-For)"
    )
for name in ("HEALTH_SCHEDULER_STALE_AFTER", "HEALTH_WORKER_STALE_AFTER"):
    if not re.fullmatch(r"[0-9]*", _environ(name)):
        problems.append(f"{name} must be a whole number of seconds (0: off)")
if "PORTAL_BASE_URL" not in missing:
    problem = base_url_problem(_environ("PORTAL_BASE_URL"))
    if problem:
        problems.append(f"PORTAL_BASE_URL {problem}")
if env_bool("EMAIL_USE_TLS") and env_bool("EMAIL_USE_SSL"):
    problems.append(
        "EMAIL_USE_TLS (STARTTLS, usually port 587) and EMAIL_USE_SSL (TLS from the start, "
        "usually port 465) cannot both be on: set the one the mail relay speaks"
    )
if problems:
    raise ImproperlyConfigured(
        "Dalslandsportalen cannot start with production settings: " + "; ".join(problems) + "."
    )

# The demo identity provider lets anyone be anyone: never in production.
if env_bool("DEMO_IDENTITY_PROVIDER", False):
    raise ImproperlyConfigured(
        "DEMO_IDENTITY_PROVIDER cannot be used with production settings: it signs anyone in as "
        "any test person. Set EMPLOYEE_OIDC_* and CITIZEN_OIDC_* to the real providers."
    )
DEMO_IDENTITY_PROVIDER = False
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "provider_class": "portal.identity.provider.PortalOpenIDConnectProvider",
        "APPS": identity_config.openid_connect_apps(os.environ, demo=False),
    },
    "saml": {
        "provider_class": "portal.identity.saml.PortalSAMLProvider",
        "APPS": identity_config.saml_apps(os.environ),
    },
}

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = [h.strip() for h in os.environ["ALLOWED_HOSTS"].split(",") if h.strip()]
# The address links in e-mails are built on (base.py reads the same variable with a dev default).
WAGTAILADMIN_BASE_URL = _environ("PORTAL_BASE_URL").rstrip("/")

# The files as base.py chose them (file system, or S3 with S3_BUCKET); static files by WhiteNoise.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
# Behind a reverse proxy REMOTE_ADDR is the proxy: count the proxies that add X-Forwarded-For,
# so the audit trail and the login throttle see the visitor's address.
ALLAUTH_TRUSTED_PROXY_COUNT = int(_environ("TRUSTED_PROXY_COUNT"))
# `/health/` reports a scheduler that has stopped running its jobs (portal/health.py): a job
# may be this many seconds late beyond two of its periods, as long as a daily job may run.
HEALTH_SCHEDULER_STALE_AFTER = int(_environ("HEALTH_SCHEDULER_STALE_AFTER") or "3600")
# … and a task worker that has left a task waiting this many seconds.
HEALTH_WORKER_STALE_AFTER = int(_environ("HEALTH_WORKER_STALE_AFTER") or "300")
