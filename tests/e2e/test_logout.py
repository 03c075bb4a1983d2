"""In Chromium: logging out of Mina sidor also ends the session at the provider (RP-initiated
logout with the ID token as hint, back to the registered address), so the next person at a
shared computer is asked who they are instead of being signed in as the last one.

Against the demo provider (allauth's IdP, which checks the hint and the registered address).
"""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .test_sign_in import assert_accessible, pick

pytestmark = pytest.mark.e2e


def test_logging_out_of_mina_sidor_ends_the_e_id_session_too(page, identity_providers):
    idp = identity_providers
    page.goto("/mina-sidor/")
    page.get_by_role("button", name="Logga in med e-legitimation").click()
    pick(page, idp, "Tolvan Tolvansson")
    expect(page.get_by_text("Hej Tolvan!")).to_be_visible()

    page.locator("main").get_by_role("button", name="Logga ut").click()
    page.wait_for_url("**/accounts/oidc/e-legitimation/logout/done/**")
    expect(page.locator("h1")).to_have_text("Du är utloggad")
    expect(page.get_by_text("och från din e-legitimation")).to_be_visible()
    assert_accessible(page)

    # The next person opens Mina sidor and signs in: the provider asks who they are.
    page.goto("/mina-sidor/")
    assert urlsplit(page.url).path == "/mina-sidor/logga-in/"
    page.get_by_role("button", name="Logga in med e-legitimation").click()
    page.wait_for_url(f"{idp}/valj-testperson/**")
    expect(page.get_by_role("button", name="Logga in som Tolvan Tolvansson")).to_be_visible()


@pytest.fixture
def session_keeping_provider(live_url, tmp_path_factory, settings, django_db_blocker):
    """django-oauth-toolkit as the e-ID broker: unlike the demo provider, it keeps its own
    session after a sign-in, as a broker's single sign-on does. Accounts it made are removed."""
    from allauth.socialaccount.models import SocialAccount
    from django.contrib.auth import get_user_model

    from tests.identity_providers.dot_idp.persons import CLIENTS, NATURAL_PERSON_NUMBER_SCOPE
    from tests.identity_providers.dot_server import run_dot_idp

    with run_dot_idp(tmp_path_factory.mktemp("dot-idp"), live_url) as issuer:
        client_id, secret = CLIENTS["e-legitimation"]
        settings.SOCIALACCOUNT_PROVIDERS = {
            **settings.SOCIALACCOUNT_PROVIDERS,
            "openid_connect": {
                **settings.SOCIALACCOUNT_PROVIDERS["openid_connect"],
                "APPS": [
                    {
                        "provider_id": "e-legitimation",
                        "name": "E-legitimation",
                        "client_id": client_id,
                        "secret": secret,
                        "settings": {
                            "server_url": issuer,
                            "scope": ["openid", "profile", NATURAL_PERSON_NUMBER_SCOPE],
                            "oauth_pkce_enabled": True,
                            "fetch_userinfo": False,
                        },
                    }
                ],
            },
        }
        yield issuer
    with django_db_blocker.unblock():
        get_user_model().objects.filter(pk__in=SocialAccount.objects.values("user_id")).delete()


def sign_in_at_broker(page, issuer):
    page.goto("/mina-sidor/")
    page.get_by_role("button", name="Logga in med e-legitimation").click()
    page.wait_for_url(lambda url: url.startswith(issuer.removesuffix("/o")))
    page.get_by_role("button", name="Tolvan Tolvansson").click()
    expect(page.get_by_text("Hej Tolvan!")).to_be_visible()


def test_after_logout_a_broker_that_keeps_sessions_asks_who_you_are_again(
    page, session_keeping_provider
):
    broker = session_keeping_provider.removesuffix("/o")
    sign_in_at_broker(page, session_keeping_provider)

    # The broker keeps its session: with only the portal's session gone (its cookie cleared,
    # as if the portal had logged out on its own), the next sign-in asks nothing.
    page.context.clear_cookies(name="sessionid")
    page.goto("/mina-sidor/")
    page.get_by_role("button", name="Logga in med e-legitimation").click()
    page.wait_for_url("**/mina-sidor/")
    expect(page.get_by_text("Hej Tolvan!")).to_be_visible()

    # Logging out of Mina sidor ends the broker's session too.
    page.locator("main").get_by_role("button", name="Logga ut").click()
    page.wait_for_url("**/accounts/oidc/e-legitimation/logout/done/**")
    expect(page.get_by_text("och från din e-legitimation")).to_be_visible()

    page.goto("/mina-sidor/")
    page.get_by_role("button", name="Logga in med e-legitimation").click()
    page.wait_for_url(lambda url: url.startswith(broker))
    expect(page.get_by_role("heading", name="Välj testperson")).to_be_visible()
