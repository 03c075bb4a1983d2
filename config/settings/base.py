"""Settings shared by every environment.

Everything that differs between a laptop, CI and a server is read from the environment;
`.env.example` documents each variable. Environment-specific files (dev, test, production)
only change what they must.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

from portal import storage_config
from portal.identity import config as identity_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # The portal's own apps. `portal` is the shared core the domain apps build on.
    "portal",
    "portal.audit",
    "portal.identity",
    "portal.previews",
    "portal.pictures",
    "theme",
    "citizen_portal",
    "citizen_portal.diary",
    "citizen_portal.agencies",
    "citizen_portal.feedback",
    "employee_portal",
    "employee_portal.documents",
    "eservices",
    # The case API for the municipalities' back-office systems (/api/v1/cases/).
    "eservices.api",
    "search",
    # Wagtail and wagtail-localize
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    # Purges Varnish on publish: see WAGTAILFRONTENDCACHE (VARNISH_URL) below.
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # The task queue: tasks stored in the database and run by `manage.py task_worker`.
    "django_tasks",
    "django_tasks_db",
    # OAuth 2 client credentials for the case API's systems; only the token endpoint is routed.
    "oauth2_provider",
    # Identity
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    # SAML 2.0 for employees, used only when EMPLOYEE_SAML_* configure an identity provider.
    "allauth.socialaccount.providers.saml",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy (portal/security_headers.py), outside the
    # cache headers so it sees the final Cache-Control.
    "portal.security_headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cache-Control, once the middleware below has set its cookies (portal/cache_headers.py).
    "portal.cache_headers.CacheHeadersMiddleware",
    # The chrome version once per request, the request's site from memory (portal/lookups.py).
    "portal.lookups.LookupsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Larger than REQUEST_BODY_MAX_SIZE: 413 before anything reads it (portal/request_limits.py).
    "portal.request_limits.RequestSizeLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.identity.idle.CitizenSessionTimeoutMiddleware",
    "portal.accounts.RequireSecondFactorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# Security headers on every response (docs/operations.md, "Security headers"). The CSP
# allows the portal's own files only: no inline script or style anywhere but the Wagtail admin
# (portal/security_headers.py), so a cached page's header is the same for every visitor.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # NONCE adds a nonce only to a response whose template asks for one (none does today);
        # such a response is never cached (portal/security_headers.py).
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        # 'self' only for Wagtail's preview (X-Frame-Options SAMEORIGIN), set per response.
        "frame-ancestors": [NONE],
        # What a browser blocks is logged (portal.security_headers.csp_report).
        "report-uri": ["/csp-rapport/"],
    },
}
# Violation reports logged per client address and minute; more are dropped.
CSP_REPORTS_PER_MINUTE = 10
X_FRAME_OPTIONS = "DENY"
# Other sites get no Referer (an address can name a case or a preview token); the portal's own
# pages get it whole, as Django's CSRF check of HTTPS posts needs it.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL points elsewhere (PostgreSQL in production, CI).
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'portal.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DATABASE_IS_POSTGRESQL = DATABASES["default"]["ENGINE"].endswith("postgresql")
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A long-lived SQLite connection gains nothing and blocks the file for other processes.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        # WAL lets the demo server read while a seeder or worker writes.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and sessions: local memory by default, Redis when REDIS_URL is set. Sessions are then
# `cached_db`: read from Redis, written through to the database, so a Redis restart or eviction
# signs nobody out. The portal keeps serving without Redis: every cache call then answers as a
# miss (portal/cache_backends.py) and sessions are read from the database; the short timeouts
# keep a Redis that hangs from holding a request for long.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.cache_backends.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "dalslandsportalen",
            # Seconds; passed on to redis-py's ConnectionPool.from_url().
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Search: Wagtail's database backend (PostgreSQL full text with the Swedish configuration,
# SQLite FTS5 in the demo); Elasticsearch when ELASTICSEARCH_URL is set, through Wagtail's
# elasticsearch9 backend with Swedish analysis (search/elasticsearch.py: stemming, stop words,
# compounds). Indexes are named ELASTICSEARCH_INDEX + "_wagtailcore_page" and so on.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.elasticsearch",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX", "dalslandsportalen") + "_",
            "TIMEOUT": 5,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    if DATABASE_IS_POSTGRESQL:
        # "kommun" then also finds "kommunens"; the default English configuration finds nothing.
        WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "swedish"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    # Django's and allauth's backends, reading the user with their e-ID identity or employee
    # profile and their permissions in one query each (portal/auth_backends.py).
    "portal.auth_backends.PortalModelBackend",
    "portal.auth_backends.PortalAuthenticationBackend",
]

# Identity: allauth. There is no self-signup; accounts come from the identity providers
# (and, until single sign-on is configured, from administrators).
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*", "password2*"]
ACCOUNT_ADAPTER = "portal.accounts.AccountAdapter"
ACCOUNT_USER_DISPLAY = "portal.accounts.user_display"
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_GET = False
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/medarbetare/"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
# The admin signs in through allauth too, so its second factor is always asked for.
WAGTAILADMIN_LOGIN_URL = LOGIN_URL

# Second factors (allauth.mfa): authenticator apps, passkeys and recovery codes. Required for
# everyone who may open the Wagtail admin (portal.accounts.RequireSecondFactorMiddleware).
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
# Editors' and administrators' sessions end after this long without activity (seconds).
PRIVILEGED_SESSION_IDLE_TIMEOUT = int(os.environ.get("PRIVILEGED_SESSION_IDLE_TIMEOUT", "1800"))
# Residents' sessions (portal/identity/idle.py): idle time, absolute maximum, and how long
# before the end the page warns and offers to continue.
CITIZEN_SESSION_IDLE_TIMEOUT = int(os.environ.get("CITIZEN_SESSION_IDLE_TIMEOUT", "1200"))
CITIZEN_SESSION_MAX_AGE = int(os.environ.get("CITIZEN_SESSION_MAX_AGE", str(8 * 60 * 60)))
CITIZEN_SESSION_WARNING = int(os.environ.get("CITIZEN_SESSION_WARNING", "120"))
MFA_TOTP_ISSUER = "Dalslandsportalen"
# Accept the code of the neighbouring 30-second step too: phones' clocks drift, and a code typed
# at the end of its step would otherwise fail. A used code is still refused the second time.
MFA_TOTP_TOLERANCE = 1
MFA_PASSKEY_LOGIN_ENABLED = False

# Single sign-on for employees and e-ID for citizens: two OpenID Connect clients, configured by
# EMPLOYEE_OIDC_* and CITIZEN_OIDC_* (portal.identity.config, docs/identity.md). The demo
# identity provider stands in for both when DEMO_IDENTITY_PROVIDER is on (`make run`); the
# production settings refuse it.
DEMO_IDENTITY_PROVIDER = env_bool("DEMO_IDENTITY_PROVIDER", False)
SOCIALACCOUNT_ADAPTER = "portal.identity.adapter.SocialAccountAdapter"
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "provider_class": "portal.identity.provider.PortalOpenIDConnectProvider",
        "APPS": identity_config.openid_connect_apps(os.environ, demo=DEMO_IDENTITY_PROVIDER),
    },
    # SAML 2.0 instead of OpenID Connect for employees: no app unless EMPLOYEE_SAML_IDP_* are set.
    "saml": {
        "provider_class": "portal.identity.saml.PortalSAMLProvider",
        "APPS": identity_config.saml_apps(os.environ),
    },
}
IDENTITY_CLAIMS = identity_config.claim_names(os.environ)
# How far the identity providers' clocks may differ from the portal's when an ID token's `exp`
# and `iat` are checked (portal.identity.id_tokens).
OIDC_CLOCK_SKEW_SECONDS = int(os.environ.get("OIDC_CLOCK_SKEW_SECONDS", "60"))
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_LOGIN_ON_GET = False
# People sign in by username or through a provider, never by e-mail address, and an employee's
# address may also be on a break-glass account.
ACCOUNT_UNIQUE_EMAIL = False

# Languages: Swedish at /, English at /en/ (i18n_patterns with the default language unprefixed).
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Svenska")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("sv", "Svenska"), ("en", "English")]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Public media (`default`), residents' attachments (`private`) and the document register
# (`documents`): on the file system, or with S3_BUCKET in an S3 bucket several web servers share
# (portal/storage_config.py, docs/operations.md).
STORAGES = storage_config.storages(
    os.environ, "django.contrib.staticfiles.storage.StaticFilesStorage"
)

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# The most one request may send: an application or web form with its attachments fits
# (portal/request_limits.py); more gets 413 before it is read. The proxy should say the same.
REQUEST_BODY_MAX_SIZE = int(os.environ.get("REQUEST_BODY_MAX_SIZE", str(60 * 1024 * 1024)))

# Searches per client and minute (search/views.py): a person typing never gets there, a robot
# walking the index does, and gets 429 with what it typed kept. An IPv6 client is its /64.
SEARCH_REQUESTS_PER_MINUTE = int(os.environ.get("SEARCH_REQUESTS_PER_MINUTE", "60"))
SEARCH_SUGGESTIONS_PER_MINUTE = int(os.environ.get("SEARCH_SUGGESTIONS_PER_MINUTE", "300"))

# Web forms (citizen_portal.forms, docs/forms.md). Files residents attach are personal data:
# stored outside MEDIA_ROOT, never served by URL, only through the admin.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
FORM_UPLOAD_MAX_SIZE = int(os.environ.get("FORM_UPLOAD_MAX_SIZE", str(10 * 1024 * 1024)))
# Submissions one client address may send to one form per window (seconds); 0: no limit.
FORM_SUBMISSIONS_PER_CLIENT = int(os.environ.get("FORM_SUBMISSIONS_PER_CLIENT", "5"))
FORM_SUBMISSIONS_WINDOW = int(os.environ.get("FORM_SUBMISSIONS_WINDOW", "600"))

# Requests per minute one client address may make to the open-data API (/api/v1/); 0: no limit.
DIARY_API_REQUESTS_PER_MINUTE = int(os.environ.get("DIARY_API_REQUESTS_PER_MINUTE", "60"))

# The case API (eservices/api/, docs/case-api.md): each back-office system is an OAuth 2
# client of django-oauth-toolkit that gets a token with the client-credentials grant only.
# Its secret is shown once and stored hashed (DOT hashes it on save).
OAUTH2_PROVIDER = {
    "SCOPES": {"cases": "Read and change the cases of the client's municipality and e-services"},
    "DEFAULT_SCOPES": ["cases"],
    "ACCESS_TOKEN_EXPIRE_SECONDS": 3600,
    "OAUTH2_VALIDATOR_CLASS": "eservices.api.auth.CaseApiValidator",
    # RFC 9700 (the OAuth 2.0 security BCP) throughout, though only client credentials are
    # used: tokens stored hashed, never taken from a query string, no implicit or password
    # grant, and the authorization-code settings it checks left at their safe values.
    "COMPLIANT_BCP_RFC9700_IMPLICIT_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PASSWORD_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PKCE_METHOD": True,
    "COMPLIANT_BCP_RFC9700_ACCESS_TOKEN_TRANSPORT": True,
    "COMPLIANT_BCP_RFC9700_AUTHZ_RESPONSE_ISS": True,
    "COMPLIANT_BCP_RFC9700_TOKEN_STORAGE": True,
    "COMPLIANT_BCP_RFC9700_REFRESH_TOKEN": True,
    "COMPLIANT_BCP_RFC9700_REDIRECT_URI_SCHEME": True,
    "COMPLIANT_BCP_RFC9700_REDIRECT_URI_MATCHING": True,
    "COMPLIANT_BCP_RFC9700_PKCE_REQUIRED": True,
    "PKCE_REQUIRED": True,
    "REFRESH_TOKEN_REUSE_PROTECTION": True,
    "ALLOWED_REDIRECT_URI_SCHEMES": ["https"],
}
# DOT's application model is swappable; the case API's clients refer to it by this setting.
OAUTH2_PROVIDER_APPLICATION_MODEL = "oauth2_provider.Application"
# Requests per minute one system (client) may make to the case API; 0: no limit.
CASE_API_REQUESTS_PER_MINUTE = int(os.environ.get("CASE_API_REQUESTS_PER_MINUTE", "600"))
# Webhooks to the systems: seconds to wait for an answer, and how often a delivery is tried.
CASE_API_WEBHOOK_TIMEOUT = int(os.environ.get("CASE_API_WEBHOOK_TIMEOUT", "10"))
CASE_API_WEBHOOK_MAX_ATTEMPTS = int(os.environ.get("CASE_API_WEBHOOK_MAX_ATTEMPTS", "10"))
# Days an Idempotency-Key's stored answer (the case, personal data included) is kept, and days
# a sent or abandoned webhook is kept as its log (eservices/api/retention.py).
CASE_API_IDEMPOTENCY_DAYS = int(os.environ.get("CASE_API_IDEMPOTENCY_DAYS", "7"))
CASE_API_WEBHOOK_LOG_DAYS = int(os.environ.get("CASE_API_WEBHOOK_LOG_DAYS", "90"))

# The municipalities' own networks, as comma-separated CIDRs ("10.20.0.0/16,192.0.2.0/24"):
# Mina system tells an employee whose address is outside them that an application reachable
# only from the municipal network will not open (employee_portal/network.py). Empty: the
# portal cannot tell, and says nothing about where the employee is (docs/applications.md).
MUNICIPAL_NETWORKS = env_list("MUNICIPAL_NETWORKS")

WAGTAIL_SITE_NAME = "Dalslandsportalen"
WAGTAILADMIN_BASE_URL = os.environ.get("PORTAL_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The admin's dashboard would fetch releases.wagtail.org from every editor's browser, which the
# CSP's connect-src 'self' refuses; Wagtail is upgraded through requirements.lock anyway.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents always go out through the portal's view, which checks a collection's restrictions,
# also when media is in S3 (where Wagtail would otherwise redirect to the object).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Pictures: the image library with photographer and licence (portal/pictures, docs/pictures.md).
WAGTAILIMAGES_IMAGE_MODEL = "pictures.Picture"
WAGTAILIMAGES_EXTENSIONS = ["avif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024

# The page cache (deploy/varnish/portal.vcl). With VARNISH_URL set, publishing, unpublishing
# or moving a page PURGEs its URLs and those of the pages that list it (citizen_portal/cache.py);
# changing the portal's settings BANs the whole site (portal/cache.py). Unset: nothing is purged.
# Every URL is purged as it is: English lives under /en/, so no per-language copies.
VARNISH_URL = os.environ.get("VARNISH_URL", "").strip().rstrip("/")
if VARNISH_URL:
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": VARNISH_URL,
        },
    }
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []
# How long an anonymous visitor's answer may be kept (portal/cache_headers.py, docs/caching.md):
# by browsers (max-age), and by Varnish for Wagtail pages, which a publish purges (s-maxage).
# Anything personal is `private, no-store` whatever these say.
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", "60"))
PAGE_CACHE_SHARED_MAX_AGE = int(os.environ.get("PAGE_CACHE_SHARED_MAX_AGE", "600"))

DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Dalslandsportalen <noreply@dalslandsportalen.se>"
)
# Every e-mail goes into the outbox (portal/outbox.py), and the task worker sends it with
# OUTBOX_DELIVERY_BACKEND: EMAIL_BACKEND in the environment names that real transport.
EMAIL_BACKEND = "portal.outbox.OutboxEmailBackend"
OUTBOX_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
# A relay outside the server: STARTTLS (port 587) or TLS from the start (port 465), and the
# account the portal signs in with.
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
# A relay that stops answering must not hold the task worker or the scheduler for good: give up
# after this many seconds; the e-mail is tried again later (portal/outbox.py).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # One line per background task and page action is noise at INFO; failures still show.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Background work (e-mails, link-check notices): stored in the database in the same transaction
# as what caused it, and run by the task worker (`manage.py task_worker`, deploy/Procfile). The
# test settings run tasks at once instead.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Sent e-mails are kept this many days in the outbox (portal/outbox.py), for the operator to see
# what went out; a form's e-mail holds the resident's answers, so not longer.
OUTBOX_KEEP_SENT_DAYS = int(os.environ.get("OUTBOX_KEEP_SENT_DAYS", "30"))
# A handled request for official documents is kept this many days after it was handled
# (citizen_portal/diary/retention.py); open requests are never purged.
DOCUMENT_REQUEST_RETENTION_DAYS = int(os.environ.get("DOCUMENT_REQUEST_RETENTION_DAYS", "365"))
# A resident's account (user and e-ID identity) is deleted when its last sign-in is this many
# days old and nothing of theirs is kept for its own reason, e.g. a case
# (eservices/resident_accounts.py); the next e-ID sign-in makes a new one.
RESIDENT_ACCOUNT_RETENTION_DAYS = int(os.environ.get("RESIDENT_ACCOUNT_RETENTION_DAYS", "365"))

# Review dates on pages (portal/review.py, docs/content-review.md): owners are reminded
# this many days before a page's date; the one-click "still valid" link works this many days;
# reminders for pages without an owner with an e-mail address go to the fallback address.
CONTENT_REVIEW_REMINDER_DAYS = int(os.environ.get("CONTENT_REVIEW_REMINDER_DAYS", "14"))
CONTENT_REVIEW_LINK_MAX_AGE_DAYS = int(os.environ.get("CONTENT_REVIEW_LINK_MAX_AGE_DAYS", "60"))
CONTENT_REVIEW_FALLBACK_EMAIL = os.environ.get("CONTENT_REVIEW_FALLBACK_EMAIL", "")

# The portal's own scheduler (`manage.py run_scheduler`, portal/scheduler.py,
# docs/operations.md): what it runs, and when. A job runs every `every` seconds, or once a day
# at the local time `at`; a run that outlasts `timeout` seconds (default an hour) is taken to
# have died with its process, and another scheduler may start the job again.
SCHEDULED_JOBS = {
    # Wagtail's scheduled publishing and expiry of pages and snippets.
    "publish_scheduled": {"call": "portal.scheduler.publish_scheduled", "every": 60},
    "review_content": {"call": "portal.tasks.review_content_task", "at": "05:30"},
    # The outbox (portal/outbox.py): e-mails the task worker could not send, tried again.
    "send_emails": {"call": "portal.outbox.deliver_due", "every": 60},
    "send_notifications": {
        "call": "eservices.notifications.deliver_due_notifications",
        "every": 60,
    },
    # Webhooks to the back-office systems the worker could not deliver, tried again.
    "send_webhooks": {"call": "eservices.api.webhooks.deliver_due_webhooks", "every": 60},
    # Old idempotency answers (they hold personal data) and the webhook log past its time.
    "purge_case_api_records": {"call": "eservices.api.retention.purge_old_records", "at": "03:55"},
    "purge_sent_emails": {"call": "portal.outbox.purge_sent", "at": "03:10"},
    # The task worker's finished tasks, kept 14 days (django-tasks-db's prune_db_task_results).
    "prune_task_results": {"call": "portal.scheduler.prune_task_results", "at": "03:20"},
    "purge_cases": {"call": "eservices.retention.purge_expired_cases", "at": "03:00"},
    # A week before an untouched draft is purged, its applicant is told (eservices/retention.py).
    "remind_about_drafts": {"call": "eservices.retention.remind_about_old_drafts", "at": "09:00"},
    # Offers of a preschool place past their answer-by date: a reminder, then the offer lapses
    # by the municipality's rule (eservices/offers.py).
    "remind_and_lapse_offers": {"call": "eservices.offers.remind_and_lapse", "at": "08:00"},
    # Every external link on published pages and in the agency register (docs/agencies.md).
    "check_links": {"call": "citizen_portal.agencies.tasks.check_links_task", "at": "04:15"},
    # Answers to "Var sidan till hjälp?" older than 24 months (docs/page-feedback.md).
    "purge_page_feedback": {
        "call": "citizen_portal.feedback.retention.purge_old_feedback",
        "at": "03:40",
    },
    # Web-form answers past their form's retention, handled document requests past
    # DOCUMENT_REQUEST_RETENTION_DAYS; each purge is in the audit log (docs/personal-data.md).
    "purge_form_submissions": {
        "call": "citizen_portal.retention.purge_expired_submissions",
        "at": "03:45",
    },
    "purge_document_requests": {
        "call": "citizen_portal.diary.retention.purge_expired_requests",
        "at": "03:50",
    },
    # Residents' accounts not signed in for RESIDENT_ACCOUNT_RETENTION_DAYS and with no case;
    # after purge_cases, so an account whose last case went tonight may go with it.
    "purge_resident_accounts": {
        "call": "eservices.resident_accounts.purge_inactive_residents",
        "at": "03:30",
    },
    # Django's clearsessions: expired sessions out of the database.
    "clear_sessions": {"call": "portal.scheduler.clear_sessions", "at": "02:30"},
    # The words the site search expands Swedish compounds against, into the shared cache, so
    # no visitor's search waits for the build (search/swedish.py).
    "refresh_search_vocabulary": {"call": "search.swedish.refresh_vocabulary", "every": 600},
}
# `/health/` answers 503 when a job that runs "every" N seconds is more than 2 × N seconds plus
# this many seconds past its time: the scheduler has stopped. 0: not checked (dev and test,
# where no scheduler need run); production reads it from the environment (production.py).
HEALTH_SCHEDULER_STALE_AFTER = 0
# `/health/` reports the task worker as stopped when a task has waited this many seconds to
# run. 0: not checked (dev and test); production reads it from the environment.
HEALTH_WORKER_STALE_AFTER = 0

# The link check (`manage.py check_links`, docs/agencies.md): seconds per request, requests at
# once.
LINK_CHECK_TIMEOUT = float(os.environ.get("LINK_CHECK_TIMEOUT", "10"))
LINK_CHECK_WORKERS = int(os.environ.get("LINK_CHECK_WORKERS", "8"))
