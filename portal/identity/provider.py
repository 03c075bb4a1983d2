"""allauth's OpenID Connect provider, with the ID token checked as the standard says.

allauth skips the signature check when the ID token came straight from the token endpoint,
which OpenID Connect Core 3.1.3.7 allows over TLS. The portal checks it anyway: a broker
behind a misconfigured proxy, or the demo provider on plain HTTP, must not be able to hand
over a token anyone could have written. The checks are `portal.identity.id_tokens`; every
authorization request also carries a `nonce`, kept in allauth's state for the login and
compared with the ID token's by the social-account adapter (`pre_social_login`).

Registered in place of allauth's class through
`SOCIALACCOUNT_PROVIDERS["openid_connect"]["provider_class"]`; its login and callback URLs
(same names, same paths) come from `portal.identity.urls`.
"""

import secrets

from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider

from .config import PROVIDERS
from .views import VerifiedOpenIDConnectAdapter, verify


class PortalOpenIDConnectProvider(OpenIDConnectProvider):
    oauth2_adapter_class = VerifiedOpenIDConnectAdapter
    package = "portal.identity"

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        nonce = secrets.token_urlsafe(32)
        auth_params = kwargs.pop("auth_params", None)
        auth_params = {**(self.get_auth_params() if auth_params is None else auth_params)}
        auth_params["nonce"] = nonce
        return super().redirect(
            request, process, next_url, data, auth_params=auth_params, nonce=nonce, **kwargs
        )

    def extract_email_addresses(self, data):
        """The address the provider sends, verified when it says so; when it says nothing
        (Entra ID and AD FS send no `email_verified` by default), as the operator configured
        for this provider (`trust_email`, on for the municipalities' own directory). A provider
        that says `email_verified: false` is believed."""
        addresses = super().extract_email_addresses(data)
        claims = data.get("userinfo") or data.get("id_token") or data
        trusted = self.app.settings.get(
            "trust_email", PROVIDERS.get(self.app.provider_id, {}).get("trust_email", False)
        )
        if "email_verified" not in claims and trusted:
            for address in addresses:
                address.verified = True
        return addresses

    def verify_token(self, request, token):
        """An ID token handed over directly (allauth's headless token login)."""
        id_token = token.get("id_token")
        if not id_token:
            raise get_adapter().validation_error("invalid_token")
        try:
            openid_config = self.get_oauth2_adapter(request).openid_config
            claims = verify(id_token, openid_config, self.app.client_id)
        except OAuth2Error as error:
            raise get_adapter().validation_error("invalid_token") from error
        return self.sociallogin_from_response(request, {"id_token": claims})


provider_classes = [PortalOpenIDConnectProvider]
