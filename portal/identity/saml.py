"""allauth's SAML 2.0 provider, giving the portal the employee's claims (docs/identity.md).

The SAML app (`portal.identity.config.saml_apps`) names, for each claim the employee rules
read (municipality, department, roles, network), the attributes the identity provider may
release it under. This provider puts what it finds under the portal's claim names
(`settings.IDENTITY_CLAIMS`) in the social account's `extra_data`, the same dictionary the
OpenID Connect client fills from the ID token, so `portal.identity.claims` reads both alike.
SAML attribute values are lists; `claims.claim()` unwraps single values.

The signature, issuer, audience, destination, validity period and `InResponseTo` of the
response are checked by python3-saml (allauth's `strict` mode, assertion signature required);
a response that fails ends on allauth's error page through the social-account adapter, and so
does a response to a sign-in this browser did not start (or one posted twice).

Registered in place of allauth's class through
`SOCIALACCOUNT_PROVIDERS["saml"]["provider_class"]`; its URLs are allauth's.
"""

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.helpers import render_authentication_error
from allauth.socialaccount.providers.saml.provider import SAMLProvider
from django.conf import settings
from django.core.exceptions import PermissionDenied

from .views import ProviderError


class PortalSAMLProvider(SAMLProvider):
    package = "allauth.socialaccount.providers.saml"

    def extract_extra_data(self, data):
        attributes = data.get_attributes()
        claims = {}
        for setting, names in self.app.settings.get("claims", {}).items():
            for name in names:
                values = attributes.get(name)
                if values:
                    claims[settings.IDENTITY_CLAIMS[setting]] = list(values)
                    break
        common = self._extract(data)
        for field, claim in (
            ("first_name", "given_name"),
            ("last_name", "family_name"),
            ("email", "email"),
        ):
            if common.get(field):
                claims[claim] = common[field]
        claims["name_id"] = data.get_nameid()
        return claims

    def extract_common_fields(self, data):
        fields = super().extract_common_fields(data)
        if (
            fields.get("email")
            and "email_verified" not in fields
            and self.app.settings.get("trust_email")
        ):
            # The municipalities' directory issues the addresses it sends (like `trust_email`
            # of the OpenID Connect client, portal.identity.provider).
            fields["email_verified"] = True
        return fields

    def unstash_redirect_state(self, request, state_id):
        """The sign-in this response answers (`InResponseTo`). A response to a request this
        browser did not send, or one posted a second time, ends on the error page like a
        wrong `state` over OpenID Connect, instead of a bare "403 Forbidden"."""
        try:
            return super().unstash_redirect_state(request, state_id)
        except PermissionDenied as error:
            raise ImmediateHttpResponse(
                render_authentication_error(request, self, exception=ProviderError("state_invalid"))
            ) from error
