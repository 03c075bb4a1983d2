"""Settings of the demo identity provider (a project of its own, apart from `config.settings`).

For loopback only: it serves plain HTTP on 127.0.0.1 and hands out tokens for made-up people
to anyone who asks. Never expose it on a network or use it in production.

Environment:

* `DEMO_IDP_DATABASE`: SQLite file (default `var/demo_idp.sqlite3`).
* `DEMO_IDP_KEY_FILE`: the RSA key that signs ID tokens, created on first start (default
  `var/demo_idp_key.pem`). var/ is git-ignored; never commit a key.
* `DEMO_IDP_SECRET_KEY`: Django's secret key (default: a fixed demo-only value).
* `DEMO_IDP_DEBUG`: `1` for Django's debug pages (default off).
* `DEMO_IDP_EMPLOYEE_CLIENT_SECRET`, `DEMO_IDP_CITIZEN_CLIENT_SECRET`: read by `seed_idp`.
"""

import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name, "").strip()
    return Path(value) if value else default


def _signing_key(path: Path) -> str:
    """The PEM of the ID-token signing key, generated and saved the first time."""
    try:
        return path.read_text()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = (
        rsa.generate_private_key(public_exponent=65537, key_size=2048)
        .private_bytes(
            encoding=serialization.Encoding.PEM,
            format=serialization.PrivateFormat.PKCS8,
            encryption_algorithm=serialization.NoEncryption(),
        )
        .decode()
    )
    try:
        # Exclusive create: two processes starting at once keep the first key written.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text()
    with os.fdopen(fd, "w") as key_file:
        key_file.write(pem)
    return pem


# A fixed key is fine here: the provider only runs on loopback, for the demo and the tests.
SECRET_KEY = os.environ.get("DEMO_IDP_SECRET_KEY") or "demo-only-not-secret-dalsland-demo-idp"
DEBUG = os.environ.get("DEMO_IDP_DEBUG", "").lower() in {"1", "true", "yes"}
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "allauth",
    "allauth.account",
    "allauth.idp.oidc",
    "demo_idp",
]

MIDDLEWARE = [
    # Outermost, so it edits the token response exactly as it leaves the provider.
    "demo_idp.middleware.TamperIdTokenMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "demo_idp.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": _env_path("DEMO_IDP_DATABASE", VAR_DIR / "demo_idp.sqlite3"),
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The portal runs on the same host (127.0.0.1), and browsers do not keep cookies apart by port.
# Own cookie names, and messages in the session rather than a cookie, keep the two apart.
SESSION_COOKIE_NAME = "demo_idp_sessionid"
CSRF_COOKIE_NAME = "demo_idp_csrftoken"
LANGUAGE_COOKIE_NAME = "demo_idp_language"
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

LANGUAGE_CODE = "sv"
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

LOGIN_URL = "picker"
ACCOUNT_LOGOUT_REDIRECT_URL = "picker"

IDP_OIDC_ADAPTER = "demo_idp.adapter.DemoOIDCAdapter"
IDP_OIDC_PRIVATE_KEY = _signing_key(_env_path("DEMO_IDP_KEY_FILE", VAR_DIR / "demo_idp_key.pem"))
# Signing out of the portal ends the session here too, without asking first.
IDP_OIDC_RP_INITIATED_LOGOUT_ASKS_FOR_OP_LOGOUT = False
