"""The OpenID Connect login and callback: allauth's views with the portal's adapter.

Whatever goes wrong between the portal and a provider (the provider down or slow, a broken
discovery document or key set, an error from the token endpoint, an ID token that fails a
check, a reused `state`) ends in allauth's `render_authentication_error`: the adapter's
`on_authentication_error` writes the reason to the audit trail, and the person sees
`socialaccount/authentication_error.html` with a way to try again. Never a 500.

A provider's discovery document is kept in the cache for DISCOVERY_SECONDS (an hour), as the
key set is (portal.identity.id_tokens): every sign-in reads it twice, at the login and at the
callback, and the endpoints and algorithms it names change rarely. Only a document that passed
the checks is kept; a key set rotated in the meantime is fetched anew by id_tokens.
"""

import hashlib
import json
import logging

import requests
from allauth.socialaccount.helpers import render_authentication_error
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.http import Http404

from . import id_tokens, logout

logger = logging.getLogger(__name__)

# What the portal needs from a provider's discovery document.
REQUIRED_METADATA = ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")
DISCOVERY_SECONDS = 3600


class ProviderError(OAuth2Error):
    """The exchange with the provider failed; `reason` names how, for the audit trail."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def provider_error(error: requests.RequestException, where: str) -> ProviderError:
    if isinstance(error, requests.Timeout):
        return ProviderError("provider_timeout")
    if isinstance(error, requests.ConnectionError):
        return ProviderError("provider_unreachable")
    return ProviderError(f"{where}_error")


class VerifiedOpenIDConnectAdapter(OpenIDConnectOAuth2Adapter):
    """allauth's OpenID Connect adapter, with the ID token checked by `id_tokens` (signature
    always, key chosen as the standard says) and every failure raised as a `ProviderError`."""

    @property
    def openid_config(self):
        if not hasattr(self, "_openid_config"):
            key = self._discovery_cache_key()
            cached = cache.get(key)
            if isinstance(cached, dict):
                self._openid_config = cached
                return cached
            try:
                config = super().openid_config
            except (ValueError, TypeError, AttributeError) as error:  # not a JSON object
                raise ProviderError("discovery_invalid") from error
            except requests.RequestException as error:
                raise provider_error(error, "discovery") from error
            if any(not isinstance(config.get(name), str) for name in REQUIRED_METADATA):
                del self._openid_config
                raise ProviderError("discovery_invalid")
            cache.set(key, config, DISCOVERY_SECONDS)
        return self._openid_config

    def _discovery_cache_key(self) -> str:
        """Per provider, its discovery address and the overrides in its settings (the
        document is kept as it is used, overrides applied)."""
        provider = self.get_provider()
        overrides = provider.app.settings.get("openid_configuration_overrides", {})
        source = json.dumps([provider.id, provider.server_url, overrides], sort_keys=True)
        return "identity:discovery:" + hashlib.sha256(source.encode()).hexdigest()

    def get_access_token_data(self, request, app, client, pkce_code_verifier=None):
        try:
            return super().get_access_token_data(
                request, app, client, pkce_code_verifier=pkce_code_verifier
            )
        except ProviderError:
            raise
        except requests.RequestException as error:
            raise provider_error(error, "token_endpoint") from error
        except (OAuth2Error, KeyError, ValueError) as error:
            # An error answer, or one allauth cannot read (its message may hold the answer's
            # body, which does not belong in the audit trail).
            raise ProviderError("token_endpoint_error") from error

    def complete_login(self, request, app, token, **kwargs):
        # The claims come from the verified ID token only (`fetch_userinfo` is off).
        id_token = (kwargs.get("response") or {}).get("id_token")
        if not id_token:
            raise ProviderError("id_token_missing")
        claims = verify(id_token, self.openid_config, app.client_id)
        # For the logout at the provider (portal.identity.logout), in the session only.
        request.session[logout.PENDING_SESSION_KEY] = id_token
        return self.get_provider().sociallogin_from_response(request, {"id_token": claims})


def verify(id_token: str, openid_config, client_id: str) -> dict:
    try:
        return id_tokens.verify_id_token(id_token, openid_config=openid_config, client_id=client_id)
    except id_tokens.IdTokenError as error:
        raise ProviderError(f"id_token_{error.reason}") from error


def _adapter_view(view_class, request, provider_id):
    adapter = VerifiedOpenIDConnectAdapter(request, provider_id)
    try:
        return view_class.adapter_view(adapter)(request)
    except SocialApp.DoesNotExist as error:
        raise Http404 from error
    except (OAuth2Error, requests.RequestException) as error:
        # Raised where allauth's own views do not catch it: the discovery document, read
        # before the redirect to the provider and before the callback's token request.
        logger.warning("Login through %s failed: %s", provider_id, error)
        return render_authentication_error(request, adapter.get_provider(), exception=error)


@login_not_required
def login(request, provider_id):
    return _adapter_view(OAuth2LoginView, request, provider_id)


@login_not_required
def callback(request, provider_id):
    return _adapter_view(OAuth2CallbackView, request, provider_id)
