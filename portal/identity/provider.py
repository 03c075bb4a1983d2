"""allauth's OpenID Connect provider, with the ID token's signature always checked.

allauth skips the signature check when the ID token came straight from the token endpoint,
which OpenID Connect Core 3.1.3.7 allows over TLS. The portal checks it anyway: a broker
behind a misconfigured proxy, or the demo provider on plain HTTP, must not be able to hand
over a token anyone could have written. Registered in place of allauth's class through
`SOCIALACCOUNT_PROVIDERS["openid_connect"]["provider_class"]`; its login and callback URLs
(same names, same paths) come from `portal.identity.urls`.
"""

from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider

from .views import VerifiedOpenIDConnectAdapter


class PortalOpenIDConnectProvider(OpenIDConnectProvider):
    oauth2_adapter_class = VerifiedOpenIDConnectAdapter
    package = "portal.identity"


provider_classes = [PortalOpenIDConnectProvider]
