"""Settings for `make run`: the demo on one machine, with embedded defaults."""

import os

from .base import *  # noqa: F403
from .base import SOCIALACCOUNT_PROVIDERS, VAR_DIR, env_bool, env_list, identity_config

DEBUG = True
# A fixed key for the local demo only; production refuses to start without SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-dalslandsportalen-not-for-production"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
OUTBOX_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend"
)
EMAIL_FILE_PATH = VAR_DIR / "mail"
# Passkeys need HTTPS, except on the demo's http://127.0.0.1.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True

# The demo identity provider (demo_idp, served by `make run` on 127.0.0.1:8001) stands in for
# the municipalities' identity provider and the e-ID broker, unless their addresses are set.
DEMO_IDENTITY_PROVIDER = env_bool("DEMO_IDENTITY_PROVIDER", True)
SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"] = identity_config.openid_connect_apps(
    os.environ, demo=DEMO_IDENTITY_PROVIDER
)
