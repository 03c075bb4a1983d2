"""Employees signing in over SAML 2.0 instead of OpenID Connect (issue 17, item 7), against a
real SAML identity provider: pysaml2, started by the tests on a free loopback port
(tests/identity_providers/saml_idp.py), with its own generated key and certificate.

The portal is Django's test client; it reads the provider's metadata with `requests` like in
production. The real exchange runs: the portal's AuthnRequest (HTTP-Redirect binding) to the
provider, the person signing in there, the provider's signed Response (HTTP-POST binding) to
allauth's assertion consumer service. The same employee rules as over OpenID Connect apply:
groups from the claims at every sign-in, and an unknown municipality refused.
"""

import re

import pytest
import requests
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model

from portal.audit.models import AuthEvent
from portal.identity import config
from portal.identity.models import CitizenIdentity, EmployeeProfile
from tests.identity_providers.saml_idp import (
    EMPLOYEES,
    PASSWORD,
    decoded_response,
    post_form,
    run_saml_idp,
)

SAML_LOGIN = "/accounts/saml/medarbetare/login/"
# python3-saml refuses single-label host names such as Django's `testserver` in the portal's
# own URLs (its assertion consumer service), as a real portal never has one.
PORTAL_HOST = "127.0.0.1"
SP_METADATA = "/accounts/saml/medarbetare/metadata/"
SP_ENTITY_ID = f"http://{PORTAL_HOST}{SP_METADATA}"
ANOTHER_SP = "https://another.example/saml/sp"


@pytest.fixture(scope="module")
def saml_idp(tmp_path_factory):
    with run_saml_idp(tmp_path_factory.mktemp("saml-idp")) as idp:
        yield idp


@pytest.fixture
def idp(saml_idp, settings, client):
    """The portal with SAML for employees configured as an operator would, from the
    environment, against the test provider's metadata URL, and registered at the provider
    from its service-provider metadata; the provider's test persons as they were at the
    start."""
    saml_idp.users = {name: dict(attributes) for name, attributes in EMPLOYEES.items()}
    saml_idp.next_response = {}
    configure(settings, saml_idp)
    if SP_ENTITY_ID not in saml_idp.server.metadata.keys():  # noqa: SIM118 - pysaml2 MetadataStore
        sp_metadata = client.get(SP_METADATA, HTTP_HOST=PORTAL_HOST).content.decode()
        saml_idp.trust(sp_metadata)
        # Another service provider the same identity provider serves.
        saml_idp.trust(sp_metadata.replace(SP_ENTITY_ID, ANOTHER_SP))
    return saml_idp


def configure(settings, saml_idp, **environ):
    environ = {
        "EMPLOYEE_SAML_IDP_ENTITY_ID": saml_idp.entity_id,
        "EMPLOYEE_SAML_IDP_METADATA_URL": saml_idp.metadata_url,
        "PORTAL_BASE_URL": f"http://{PORTAL_HOST}",
        **environ,
    }
    settings.SOCIALACCOUNT_PROVIDERS = {
        **settings.SOCIALACCOUNT_PROVIDERS,
        "saml": {
            **settings.SOCIALACCOUNT_PROVIDERS["saml"],
            "APPS": config.saml_apps(environ),
        },
    }


@pytest.fixture
def portal(client):
    client.defaults["HTTP_HOST"] = PORTAL_HOST
    return client


def at_provider(portal, idp, username="anna", password=PASSWORD) -> tuple[str, dict]:
    """The portal's AuthnRequest, and the person signing in at the provider: the HTTP-POST
    binding's form the provider answers, (action, fields), for the browser to post."""
    response = portal.post(SAML_LOGIN, {"process": "login"})
    assert response.status_code == 302, response.content.decode()[:500]
    authn_request_url = response["Location"]
    assert authn_request_url.startswith(f"{idp.sso_url}?SAMLRequest=")
    page = requests.get(authn_request_url, timeout=5)
    assert page.status_code == 200, page.text[:500]
    _, login_fields = post_form(page.text)
    answer = requests.post(
        f"{idp.base_url}/sso/login",
        data={**login_fields, "username": username, "password": password},
        timeout=5,
    )
    assert answer.status_code == 200, answer.text[:500]
    action, fields = post_form(answer.text)
    assert action == f"http://{PORTAL_HOST}/accounts/saml/medarbetare/acs/"
    return action, fields


def sign_in(portal, idp, username="anna"):
    """The whole exchange; the portal's answer to the provider's Response (redirects followed)."""
    action, fields = at_provider(portal, idp, username)
    return portal.post(action, fields, follow=True)


def signatures(fields) -> list[str]:
    """The base64 certificates in the signatures of the Response the provider sent."""
    return [
        "".join(certificate.split())
        for certificate in re.findall(
            r"<(?:\w+:)?X509Certificate>([^<]+)</", decoded_response(fields)
        )
    ]


def idp_certificate(idp) -> str:
    return "".join(re.search(r"X509Certificate>([^<]+)<", idp.metadata).group(1).split())


def signed_in_user(portal):
    return get_user_model().objects.get(pk=portal.session["_auth_user_id"])


def sso_groups(user) -> set[str]:
    return set(
        user.groups.filter(name__regex=r"^(Kommun|Förvaltning|Roll|Nätverk) – ").values_list(
            "name", flat=True
        )
    )


def assert_refused_cleanly(portal, response, event, text):
    assert response.status_code < 500
    assert text in response.content.decode()
    assert AuthEvent.objects.filter(event=event, detail__provider=config.EMPLOYEE_SAML).exists(), (
        list(AuthEvent.objects.values_list("event", "detail"))
    )
    assert "_auth_user_id" not in portal.session
    assert not SocialAccount.objects.exists()


# --- Configuration --------------------------------------------------------------------------


def test_the_sign_in_page_offers_saml_when_it_is_configured(portal, db, idp):
    page = portal.get("/accounts/login/").content.decode()

    assert f'action="{SAML_LOGIN}"' in page
    assert "Logga in med kommunens konto" in page


def test_without_saml_variables_there_is_no_saml_sign_in(portal, db):
    assert config.saml_apps({}) == []
    assert SAML_LOGIN not in portal.get("/accounts/login/").content.decode()
    assert portal.post(SAML_LOGIN, {"process": "login"}).status_code == 404


def test_the_portal_publishes_its_service_provider_metadata(portal, db, idp):
    response = portal.get("/accounts/saml/medarbetare/metadata/")
    metadata = response.content.decode()

    assert response.status_code == 200
    assert f'entityID="http://{PORTAL_HOST}/accounts/saml/medarbetare/metadata/"' in metadata
    assert f'Location="http://{PORTAL_HOST}/accounts/saml/medarbetare/acs/"' in metadata
    assert 'WantAssertionsSigned="true"' in metadata


# --- Signing in -----------------------------------------------------------------------------


def test_an_employee_signs_in_and_gets_the_groups_of_their_attributes(portal, db, idp):
    action, fields = at_provider(portal, idp)
    # What the provider sent: the assertion signed with the key in its metadata.
    assert signatures(fields) and set(signatures(fields)) == {idp_certificate(idp)}

    response = portal.post(action, fields, follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/medarbetare/"
    user = signed_in_user(portal)
    assert (user.first_name, user.last_name, user.email) == (
        "Anna",
        "Karlsson",
        "anna.karlsson@amal.example",
    )
    account = SocialAccount.objects.get(user=user)
    assert (account.provider, account.uid) == (config.EMPLOYEE_SAML, "anna-persistent-id")
    # The request the portal sent named it as the service provider.
    assert idp.requests[-1].issuer.text == SP_ENTITY_ID
    assert sso_groups(user) == {
        "Kommun – Åmål",
        "Förvaltning – Åmål – Barn- och utbildningsförvaltningen",
        "Roll – Lärare",
        "Roll – Redaktör",
        "Nätverk – pedagogiskt nätverk",
    }
    assert user.groups.filter(name="Medarbetare").exists()
    profile = EmployeeProfile.objects.get(user=user)
    assert (profile.municipality.slug, profile.department.slug, profile.network) == (
        "amal",
        "barn-och-utbildning",
        "pedagogiskt",
    )
    assert profile.roles == ["larare", "redaktor"]
    # The employee portal opens; the address from the directory counts as verified (which
    # allauth.mfa needs before an editor can add a second factor).
    assert portal.get("/medarbetare/").status_code == 200
    assert user.emailaddress_set.get().verified


def test_a_role_removed_at_the_provider_is_removed_at_the_next_sign_in(portal, db, idp):
    sign_in(portal, idp)
    user = signed_in_user(portal)
    assert "Roll – Redaktör" in sso_groups(user)
    portal.logout()

    idp.users["anna"]["roles"] = ["larare"]
    sign_in(portal, idp)

    assert signed_in_user(portal) == user
    assert SocialAccount.objects.count() == 1
    assert "Roll – Redaktör" not in sso_groups(user)
    assert "Roll – Lärare" in sso_groups(user)
    assert EmployeeProfile.objects.get(user=user).roles == ["larare"]
    changed = AuthEvent.objects.filter(event="role_changed", user=user).latest("pk")
    # With the role goes the editor group it gave (portal.identity.editor_groups).
    assert set(changed.detail["removed"]) == {"Roll – Redaktör", "Redaktörer – Åmål"}
    assert not user.groups.filter(name="Redaktörer – Åmål").exists()


def test_attributes_under_the_names_an_ad_fs_relying_party_sends(portal, db, idp, settings):
    # AD FS: the role claim type, the standard name claims, and the municipality under the
    # name the operator's issuance rule gives it.
    configure(settings, idp, EMPLOYEE_SAML_MUNICIPALITY_ATTRIBUTE="http://dalsland.example/kommun")
    idp.users["anna"] = {
        "http://dalsland.example/kommun": ["mellerud"],
        config.ROLE_CLAIM_TYPE: ["socialsekreterare"],
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname": ["Anna"],
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname": ["Karlsson"],
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress": [
            "anna.karlsson@mellerud.example"
        ],
    }

    sign_in(portal, idp)

    user = signed_in_user(portal)
    assert (user.first_name, user.last_name, user.email) == (
        "Anna",
        "Karlsson",
        "anna.karlsson@mellerud.example",
    )
    assert sso_groups(user) == {"Kommun – Mellerud", "Roll – Socialsekreterare"}


def test_an_employee_signed_in_with_saml_does_not_open_citizen_pages(portal, db, idp):
    sign_in(portal, idp)

    response = portal.get("/mina-sidor/")

    assert response.status_code == 302
    assert response["Location"].startswith("/mina-sidor/logga-in/")
    page = portal.get(response["Location"]).content.decode()
    assert "Du är inloggad som medarbetare" in page
    assert not CitizenIdentity.objects.filter(user=signed_in_user(portal)).exists()


# --- What the portal refuses ----------------------------------------------------------------


def test_an_unsigned_response_is_refused(portal, db, idp, caplog):
    idp.next_response = {"signing": "none"}
    action, fields = at_provider(portal, idp)
    assert signatures(fields) == []

    response = portal.post(action, fields, follow=True)

    assert_refused_cleanly(portal, response, "login_failed", "Inloggningen kunde inte slutföras")
    assert "The Assertion of the Response is not signed" in caplog.text


def test_a_response_signed_with_another_key_is_refused(portal, db, idp, caplog):
    idp.next_response = {"signing": "impostor"}
    action, fields = at_provider(portal, idp)
    assert signatures(fields) and idp_certificate(idp) not in signatures(fields)

    response = portal.post(action, fields, follow=True)

    assert_refused_cleanly(portal, response, "login_failed", "Inloggningen kunde inte slutföras")
    assert "Signature validation failed" in caplog.text


def test_a_response_for_another_audience_is_refused(portal, db, idp, caplog):
    idp.next_response = {"audience": ANOTHER_SP}
    action, fields = at_provider(portal, idp)
    assert re.search(f"<(\\w+:)?Audience>{ANOTHER_SP}</", decoded_response(fields))
    assert signatures(fields) and set(signatures(fields)) == {idp_certificate(idp)}

    response = portal.post(action, fields, follow=True)

    assert_refused_cleanly(portal, response, "login_failed", "Inloggningen kunde inte slutföras")
    assert "is not a valid audience" in caplog.text


def test_a_response_posted_twice_is_refused(portal, db, idp):
    action, fields = at_provider(portal, idp)
    portal.post(action, fields, follow=True)
    portal.logout()
    SocialAccount.objects.all().delete()

    response = portal.post(action, fields, follow=True)

    assert_refused_cleanly(portal, response, "login_failed", "Inloggningen kunde inte slutföras")
    assert AuthEvent.objects.filter(event="login_failed", detail__reason="state_invalid").exists()


def test_an_employee_of_an_unknown_municipality_is_refused(portal, db, idp):
    response = sign_in(portal, idp, username="goran")

    assert_refused_cleanly(
        portal, response, "login_refused", "saknar en kommuntillhörighet som portalen"
    )
    refused = AuthEvent.objects.get(event="login_refused")
    assert refused.detail["reason"] == "unknown_municipality"
    assert not get_user_model().objects.filter(email__startswith="goran").exists()
