"""Production settings: no defaults for secrets or service addresses.

Start-up stops with a message naming every missing variable, so an operator fixes them all
in one go instead of one crash at a time.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, identity_config

REQUIRED = ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL")
missing = [name for name in REQUIRED if not os.environ.get(name, "").strip()]
# A provider configured by halves would fail at the first login instead of at start-up.
missing += identity_config.missing_settings(os.environ)
if missing:
    raise ImproperlyConfigured(
        "Dalslandsportalen cannot start with production settings: set "
        + ", ".join(missing)
        + " in the environment (see .env.example)."
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
    }
}

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = [h.strip() for h in os.environ["ALLOWED_HOSTS"].split(",") if h.strip()]

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
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
X_FRAME_OPTIONS = "SAMEORIGIN"
# Behind a reverse proxy REMOTE_ADDR is the proxy: count the proxies that add X-Forwarded-For,
# so the audit trail and the login throttle see the visitor's address.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
SECURE_REFERRER_POLICY = "same-origin"
