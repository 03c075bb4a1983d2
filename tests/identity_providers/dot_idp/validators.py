"""The ID token's claims: what the portal reads from the municipalities' identity provider
and from the e-ID broker."""

from oauth2_provider.oauth2_validators import OAuth2Validator

from . import persons


class PortalClaimsValidator(OAuth2Validator):
    # Which scope releases which claim: the employee claims with `profile` (Entra ID sends
    # app roles and optional claims without a scope of their own), the personnummer with the
    # Swedish profile's scope. `email_verified` is never sent, as Entra ID and AD FS leave it out.
    oidc_claim_scope = {
        **OAuth2Validator.oidc_claim_scope,
        **dict.fromkeys(persons.EMPLOYEE_CLAIMS, "profile"),
        persons.PERSONAL_IDENTITY_NUMBER_CLAIM: persons.NATURAL_PERSON_NUMBER_SCOPE,
    }

    def get_additional_claims(self, request):
        claims = dict(persons.PERSONS.get(request.user.username, {}))
        # The username rather than the database id, so tests can tell who signed in.
        claims["sub"] = request.user.username
        return claims
