import logging

import requests
from allauth.account.internal.decorators import login_not_required
from allauth.socialaccount.internal import jwtkit
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from django.http import Http404
from django.shortcuts import render

from .config import CITIZEN

logger = logging.getLogger(__name__)


class VerifiedOpenIDConnectAdapter(OpenIDConnectOAuth2Adapter):
    """Checks the ID token's signature against the provider's published keys, always."""

    def _decode_id_token(self, app: SocialApp, id_token: str) -> dict:
        return jwtkit.verify_and_decode(
            credential=id_token,
            keys_url=self.openid_config["jwks_uri"],
            issuer=self.openid_config["issuer"],
            audience=app.client_id,
            lookup_kid=jwtkit.lookup_kid_jwk,
            verify_signature=True,
        )


@login_not_required
def login(request, provider_id):
    try:
        view = OAuth2LoginView.adapter_view(VerifiedOpenIDConnectAdapter(request, provider_id))
        return view(request)
    except SocialApp.DoesNotExist as error:
        raise Http404 from error
    except requests.RequestException:
        # The provider's discovery document could not be fetched: it is down or unreachable.
        logger.warning("Identity provider %s did not answer", provider_id, exc_info=True)
        return render(
            request,
            "identity/provider_unavailable.html",
            {"is_citizen": provider_id == CITIZEN},
            status=503,
        )


@login_not_required
def callback(request, provider_id):
    try:
        view = OAuth2CallbackView.adapter_view(VerifiedOpenIDConnectAdapter(request, provider_id))
        return view(request)
    except SocialApp.DoesNotExist as error:
        raise Http404 from error
