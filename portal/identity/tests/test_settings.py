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


# --- SAML 2.0 for employees (docs/identity.md) ----------------------------------------------

SHOW_SAML = """
import json
import django
from django.conf import settings
django.setup()
print(json.dumps(settings.SOCIALACCOUNT_PROVIDERS["saml"]["APPS"]))
"""
SAML_METADATA = {
    "EMPLOYEE_SAML_IDP_ENTITY_ID": "http://adfs.dalsland.example/adfs/services/trust",
    "EMPLOYEE_SAML_IDP_METADATA_URL": (
        "https://adfs.dalsland.example/FederationMetadata/2007-06/FederationMetadata.xml"
    ),
}


def test_without_saml_variables_there_is_no_saml_app(settings):
    assert config.saml_apps({}) == []
    assert config.saml_apps({"EMPLOYEE_SAML_IDP_ENTITY_ID": "https://idp.example"}) == []
    assert settings.SOCIALACCOUNT_PROVIDERS["saml"]["APPS"] == []
    assert config.missing_settings({}) == []


def test_the_saml_app_comes_from_the_environment():
    environ = {**SAML_METADATA, "PORTAL_BASE_URL": "https://dalslandsportalen.se/"}

    [app] = config.saml_apps(environ)

    assert app["provider_id"] == config.EMPLOYEE_SAML
    assert app["provider_id"] in config.EMPLOYEE_PROVIDERS
    assert app["client_id"] == "medarbetare"  # /accounts/saml/medarbetare/...
    assert app["name"] == "Kommunens inloggning"
    assert app["settings"]["idp"] == {
        "entity_id": SAML_METADATA["EMPLOYEE_SAML_IDP_ENTITY_ID"],
        "metadata_url": SAML_METADATA["EMPLOYEE_SAML_IDP_METADATA_URL"],
    }
    assert app["settings"]["sp"] == {
        "entity_id": "https://dalslandsportalen.se/accounts/saml/medarbetare/metadata/"
    }
    advanced = app["settings"]["advanced"]
    assert advanced["strict"] and advanced["want_assertion_signed"]
    assert advanced["reject_idp_initiated_sso"]
    assert "authn_request_signed" not in advanced
    claims = app["settings"]["claims"]
    assert claims["EMPLOYEE_OIDC_MUNICIPALITY_CLAIM"] == ["municipality"]
    assert claims["EMPLOYEE_OIDC_ROLES_CLAIM"] == ["roles", config.ROLE_CLAIM_TYPE]
    mapping = app["settings"]["attribute_mapping"]
    assert "urn:oid:2.5.4.42" in mapping["first_name"]
    email = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"
    assert email in mapping["email"]


def test_saml_attribute_names_follow_the_claim_names_and_can_be_replaced():
    [app] = config.saml_apps(
        {
            **SAML_METADATA,
            "EMPLOYEE_OIDC_DEPARTMENT_CLAIM": "forvaltning",
            "EMPLOYEE_SAML_MUNICIPALITY_ATTRIBUTE": "http://dalsland.example/kommun, kommun",
            "EMPLOYEE_SAML_UID_ATTRIBUTE": "http://schemas.xmlsoap.org/claims/UPN",
        }
    )

    claims = app["settings"]["claims"]
    assert claims["EMPLOYEE_OIDC_MUNICIPALITY_CLAIM"] == [
        "http://dalsland.example/kommun",
        "kommun",
    ]
    assert claims["EMPLOYEE_OIDC_DEPARTMENT_CLAIM"] == ["forvaltning"]
    assert app["settings"]["attribute_mapping"]["uid"] == ["http://schemas.xmlsoap.org/claims/UPN"]


def test_a_saml_provider_without_metadata_and_signed_requests():
    [app] = config.saml_apps(
        {
            "EMPLOYEE_SAML_IDP_ENTITY_ID": "https://sts.windows.net/tenant/",
            "EMPLOYEE_SAML_IDP_SSO_URL": "https://login.microsoftonline.com/tenant/saml2",
            "EMPLOYEE_SAML_IDP_X509_CERT": "MIIC8DCCAdigAwIBAgIQ",
            "EMPLOYEE_SAML_SP_PRIVATE_KEY": "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC",
            "EMPLOYEE_SAML_SP_CERTIFICATE": "MIIDazCCAlOgAwIBAgIUV",
            "EMPLOYEE_SAML_NAME": "Dalslands kommuner",
        }
    )

    assert app["name"] == "Dalslands kommuner"
    assert app["settings"]["idp"] == {
        "entity_id": "https://sts.windows.net/tenant/",
        "sso_url": "https://login.microsoftonline.com/tenant/saml2",
        "x509cert": "MIIC8DCCAdigAwIBAgIQ",
    }
    advanced = app["settings"]["advanced"]
    assert advanced["authn_request_signed"]
    assert advanced["private_key"] == "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"
    assert advanced["x509cert"] == "MIIDazCCAlOgAwIBAgIUV"


def test_a_half_set_saml_provider_is_named():
    entity = {"EMPLOYEE_SAML_IDP_ENTITY_ID": "https://idp.example"}

    assert config.missing_settings(entity) == ["EMPLOYEE_SAML_IDP_METADATA_URL"]
    assert config.missing_settings(
        {"EMPLOYEE_SAML_IDP_METADATA_URL": "https://idp.example/metadata"}
    ) == ["EMPLOYEE_SAML_IDP_ENTITY_ID"]
    assert config.missing_settings(
        {**entity, "EMPLOYEE_SAML_IDP_SSO_URL": "https://idp.example/sso"}
    ) == ["EMPLOYEE_SAML_IDP_X509_CERT"]
    assert config.missing_settings({**SAML_METADATA, "EMPLOYEE_SAML_SP_PRIVATE_KEY": "key"}) == [
        "EMPLOYEE_SAML_SP_CERTIFICATE"
    ]
    assert config.missing_settings(SAML_METADATA) == []


def test_production_settings_name_the_missing_half_of_a_saml_provider():
    result = start(
        "config.settings.production",
        **PRODUCTION,
        EMPLOYEE_SAML_IDP_ENTITY_ID="https://adfs.dalsland.example/adfs/services/trust",
    )

    assert result.returncode != 0
    message = result.stderr.strip().splitlines()[-1]
    assert "EMPLOYEE_SAML_IDP_METADATA_URL" in message
    assert "EMPLOYEE_SAML_IDP_ENTITY_ID" not in message


def test_settings_with_saml_variables_have_the_saml_app():
    without = start("config.settings.dev", SHOW_SAML)
    configured = start("config.settings.dev", SHOW_SAML, **SAML_METADATA)

    assert without.returncode == 0, without.stderr
    assert json.loads(without.stdout) == []
    assert configured.returncode == 0, configured.stderr
    [app] = json.loads(configured.stdout)
    assert app["settings"]["idp"]["metadata_url"] == SAML_METADATA["EMPLOYEE_SAML_IDP_METADATA_URL"]


SHOW_SAML_APPS = """
import json
import django
from django.conf import settings
django.setup()
apps = settings.SOCIALACCOUNT_PROVIDERS["saml"]["APPS"]
print(json.dumps([app["provider_id"] for app in apps]))
"""


def test_production_settings_use_a_configured_saml_provider():
    result = start("config.settings.production", SHOW_SAML_APPS, **PRODUCTION, **SAML_METADATA)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ["medarbetare-saml"]
