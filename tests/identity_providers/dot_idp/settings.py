"""Settings of the django-oauth-toolkit test provider, from the environment that
`tests.identity_providers.dot_server` gives it:

* `DOT_IDP_ISSUER`: its issuer, `http://127.0.0.1:<port>/o`.
* `DOT_IDP_DATABASE`: its SQLite database, in the test run's temporary folder.
* `DOT_IDP_KEY_FILE`: its first RS256 signing key (PEM), generated when the file is missing.
"""

import os
from pathlib import Path

from .pem import generate_pem

DEBUG = False
SECRET_KEY = "dot-idp-test-only-not-secret"  # noqa: S105 (a test provider on loopback)
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "tests.identity_providers.dot_idp.urls"
USE_TZ = True
LANGUAGE_CODE = "sv"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "oauth2_provider",
    "tests.identity_providers.dot_idp",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
            ]
        },
    }
]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("DOT_IDP_DATABASE", ":memory:"),
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LOGIN_URL = "/login/"
# Fast hashing of the clients' secrets: a test provider.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _signing_key() -> str:
    key_file = os.environ.get("DOT_IDP_KEY_FILE")
    if not key_file:
        return generate_pem()
    path = Path(key_file)
    if not path.exists():
        path.write_text(generate_pem())
    return path.read_text()


OAUTH2_PROVIDER = {
    "OIDC_ENABLED": True,
    "OIDC_ISS_ENDPOINT": os.environ.get("DOT_IDP_ISSUER", "http://127.0.0.1:8002/o"),
    "OIDC_RSA_PRIVATE_KEY": _signing_key(),
    "OIDC_RSA_PRIVATE_KEYS_INACTIVE": [],
    "OIDC_RP_INITIATED_LOGOUT_ENABLED": True,
    "OIDC_RP_INITIATED_LOGOUT_ALWAYS_PROMPT": False,
    "PKCE_REQUIRED": True,
    "ID_TOKEN_EXPIRE_SECONDS": 300,
    "OAUTH2_VALIDATOR_CLASS": "tests.identity_providers.dot_idp.validators.PortalClaimsValidator",
    "SCOPES": {
        "openid": "OpenID Connect",
        "profile": "Namn, kommun, förvaltning, roller och nät",
        "email": "E-postadress",
        "https://id.oidc.se/scope/naturalPersonNumber": "Personnummer",
    },
    "DEFAULT_SCOPES": ["openid"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django": {"handlers": ["console"], "level": "WARNING"}},
}

# Cookies are not told apart by port: on 127.0.0.1 beside the portal, a browser must keep the
# provider's session apart from the portal's.
SESSION_COOKIE_NAME = "dot_idp_sessionid"
CSRF_COOKIE_NAME = "dot_idp_csrftoken"
