"""The identity providers come from the environment; the demo provider never from production."""

import json

from portal.audit.models import AuthEvent
from portal.identity import config
from portal.tests.settings_probe import PRODUCTION, start

SHOW_PROVIDERS = """
import json
import django
from django.conf import settings
django.setup()
apps = settings.SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"]
print(json.dumps({app["provider_id"]: app["settings"]["server_url"] for app in apps}))
"""


def test_production_settings_refuse_the_demo_identity_provider():
    result = start("config.settings.production", **PRODUCTION, DEMO_IDENTITY_PROVIDER="true")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DEMO_IDENTITY_PROVIDER" in result.stderr.strip().splitlines()[-1]


def test_production_settings_without_providers_offer_no_single_sign_on():
    result = start("config.settings.production", SHOW_PROVIDERS, **PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {}


def test_production_settings_use_the_configured_providers():
    environ = {
        "EMPLOYEE_OIDC_SERVER_URL": "https://login.dalsland.example/realms/kommun/",
        "EMPLOYEE_OIDC_CLIENT_ID": "portal",
        "EMPLOYEE_OIDC_CLIENT_SECRET": "s3cret",
    }

    result = start("config.settings.production", SHOW_PROVIDERS, **PRODUCTION, **environ)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "medarbetare": "https://login.dalsland.example/realms/kommun"
    }


def test_production_settings_name_the_missing_half_of_a_provider():
    result = start(
        "config.settings.production", **PRODUCTION, CITIZEN_OIDC_SERVER_URL="https://eid.example"
    )

    assert result.returncode != 0
    message = result.stderr.strip().splitlines()[-1]
    assert "CITIZEN_OIDC_CLIENT_ID" in message
    assert "CITIZEN_OIDC_CLIENT_SECRET" in message
    assert "CITIZEN_OIDC_SERVER_URL" not in message


def test_the_demo_settings_use_the_demo_provider_unless_a_real_one_is_set():
    demo = start("config.settings.dev", SHOW_PROVIDERS)
    real = start(
        "config.settings.dev",
        SHOW_PROVIDERS,
        CITIZEN_OIDC_SERVER_URL="https://eid.example",
        CITIZEN_OIDC_CLIENT_ID="portal",
        CITIZEN_OIDC_CLIENT_SECRET="s3cret",
    )

    assert json.loads(demo.stdout) == {
        "medarbetare": config.DEMO_IDP_URL,
        "e-legitimation": config.DEMO_IDP_URL,
    }
    assert json.loads(real.stdout) == {
        "medarbetare": config.DEMO_IDP_URL,
        "e-legitimation": "https://eid.example",
    }


def test_claim_names_can_be_configured():
    names = config.claim_names({"EMPLOYEE_OIDC_ROLES_CLAIM": "extension_roller"})

    assert names["EMPLOYEE_OIDC_ROLES_CLAIM"] == "extension_roller"
    assert names["EMPLOYEE_OIDC_MUNICIPALITY_CLAIM"] == "municipality"
    assert (
        names["CITIZEN_OIDC_PERSONAL_IDENTITY_NUMBER_CLAIM"]
        == "https://id.oidc.se/claim/personalIdentityNumber"
    )


def test_a_provider_that_does_not_answer_gives_a_clear_page(client, db, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            **settings.SOCIALACCOUNT_PROVIDERS["openid_connect"],
            # Port 9 (discard) on loopback: nothing listens there.
            "APPS": config.openid_connect_apps({"DEMO_IDP_URL": "http://127.0.0.1:9"}, demo=True),
        }
    }

    response = client.post("/accounts/oidc/e-legitimation/login/", {"process": "login"})

    assert response.status_code < 500
    assert "Tjänsten för e-legitimation svarar inte" in response.content.decode()
    failed = AuthEvent.objects.get(event="login_failed")
    assert failed.detail["reason"] == "provider_unreachable"
