"""allauth's OpenID Connect provider, answering with the test identities' claims."""

from typing import Any

from allauth.idp.oidc.adapter import DefaultOIDCAdapter

from .identities import (
    COORDINATION_NUMBER_CLAIM,
    EIDAS_CLAIMS,
    EIDAS_SCOPE,
    NATURAL_PERSON_NUMBER_SCOPE,
    PERSONAL_IDENTITY_NUMBER_CLAIM,
    claims_for_scopes,
)
from .models import TestIdentity


def client_kind(client) -> str | None:
    """The kind of person a client signs in (`employee` or `citizen`), from `Client.data`."""
    data = client.data if client is not None else None
    return data.get("kind") if isinstance(data, dict) else None


class DemoOIDCAdapter(DefaultOIDCAdapter):
    scope_display = {
        **DefaultOIDCAdapter.scope_display,
        NATURAL_PERSON_NUMBER_SCOPE: "Se ditt personnummer eller samordningsnummer",
        EIDAS_SCOPE: "Se identiteten från din utländska e-legitimation",
    }

    def get_user_sub(self, client, user) -> str:
        identity = TestIdentity.objects.filter(user=user).only("key").first()
        if identity is None:
            return super().get_user_sub(client, user)
        return identity.key

    def get_user_by_sub(self, client, sub: str):
        identity = (
            TestIdentity.objects.filter(key=sub, user__is_active=True)
            .select_related("user")
            .first()
        )
        return identity.user if identity else None

    def get_claims(self, purpose, user, client, scopes, email=None, **kwargs) -> dict[str, Any]:
        """`sub`, plus the identity's stored claims that the granted scopes release.

        The stored claims replace what allauth derives from the user row, which only mirrors the
        identity. They are released only to a client of the identity's own kind: a citizen never
        comes out of the employee client, nor an employee out of the e-ID client.
        """
        claims = super().get_claims(purpose, user, client, scopes, email=email, **kwargs)
        identity = TestIdentity.objects.filter(user=user).first()
        released = {"sub": claims["sub"]}
        if identity is not None and identity.kind == client_kind(client):
            released.update(claims_for_scopes(identity.claims, scopes))
        return released

    def populate_server_metadata(self, data: dict) -> None:
        data["scopes_supported"] = [
            *data["scopes_supported"],
            NATURAL_PERSON_NUMBER_SCOPE,
            EIDAS_SCOPE,
        ]
        data["claims_supported"] = [
            "sub",
            "name",
            "given_name",
            "family_name",
            "preferred_username",
            "email",
            "email_verified",
            "birthdate",
            "municipality",
            "department",
            "roles",
            "network",
            "protected_identity",
            PERSONAL_IDENTITY_NUMBER_CLAIM,
            COORDINATION_NUMBER_CLAIM,
            *EIDAS_CLAIMS,
        ]
