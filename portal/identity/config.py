"""The identity providers, read from the environment.

Pure functions over a mapping of environment variables, so settings can call them without
Django being set up, and tests can call them with any environment.

Two OpenID Connect clients, both allauth `openid_connect` apps:

* `medarbetare`: the municipalities' identity provider (Entra ID, AD FS, Keycloak, ...).
* `e-legitimation`: the e-ID broker for residents (BankID, Freja+, Svenska Pass, eIDAS).

Without their `*_OIDC_SERVER_URL`, a provider is off, unless the demo identity provider is on
(`make run`), which then stands in for it on loopback.
"""

from collections.abc import Mapping

EMPLOYEE = "medarbetare"
CITIZEN = "e-legitimation"

DEMO_IDP_URL = "http://127.0.0.1:8001"
DEMO_CLIENTS = {
    EMPLOYEE: ("dalslandsportalen-medarbetare", "demo-medarbetare-hemlighet"),
    CITIZEN: ("dalslandsportalen-e-legitimation", "demo-e-legitimation-hemlighet"),
}

# The Swedish OIDC profile (oidc.se): a personnummer or, mutually exclusive, a samordningsnummer.
NATURAL_PERSON_NUMBER_SCOPE = "https://id.oidc.se/scope/naturalPersonNumber"
PERSONAL_IDENTITY_NUMBER_CLAIM = "https://id.oidc.se/claim/personalIdentityNumber"
COORDINATION_NUMBER_CLAIM = "https://id.oidc.se/claim/coordinationNumber"

PROVIDERS = {
    EMPLOYEE: {
        "prefix": "EMPLOYEE_OIDC",
        "name": "Kommunens inloggning",
        "scope": "openid profile email",
        # The municipalities' own directory issues the addresses it sends; Entra ID and AD FS
        # send no `email_verified` claim unless told to.
        "trust_email": True,
    },
    CITIZEN: {
        "prefix": "CITIZEN_OIDC",
        "name": "E-legitimation",
        "scope": f"openid profile {NATURAL_PERSON_NUMBER_SCOPE}",
        "trust_email": False,
    },
}

# Claim names, each overridable by the environment variable of the same name.
CLAIM_DEFAULTS = {
    "EMPLOYEE_OIDC_MUNICIPALITY_CLAIM": "municipality",
    "EMPLOYEE_OIDC_DEPARTMENT_CLAIM": "department",
    "EMPLOYEE_OIDC_ROLES_CLAIM": "roles",
    "EMPLOYEE_OIDC_NETWORK_CLAIM": "network",
    "CITIZEN_OIDC_PERSONAL_IDENTITY_NUMBER_CLAIM": PERSONAL_IDENTITY_NUMBER_CLAIM,
    "CITIZEN_OIDC_COORDINATION_NUMBER_CLAIM": COORDINATION_NUMBER_CLAIM,
    "CITIZEN_OIDC_PROTECTED_IDENTITY_CLAIM": "protected_identity",
    # Foreign e-ID through the Swedish eIDAS node (Sweden Connect's claims, scope
    # https://id.swedenconnect.se/scope/eidasNaturalPersonIdentity; docs/identity.md).
    "CITIZEN_OIDC_PRID_CLAIM": "https://id.swedenconnect.se/claim/prid",
    "CITIZEN_OIDC_PRID_PERSISTENCE_CLAIM": "https://id.swedenconnect.se/claim/pridPersistence",
    "CITIZEN_OIDC_EIDAS_PERSON_IDENTIFIER_CLAIM": (
        "https://id.swedenconnect.se/claim/eidasPersonIdentifier"
    ),
    "CITIZEN_OIDC_MAPPED_PERSONAL_IDENTITY_NUMBER_CLAIM": (
        "https://id.swedenconnect.se/claim/mappedPersonalIdentityNumber"
    ),
    "CITIZEN_OIDC_MAPPED_COORDINATION_NUMBER_CLAIM": (
        "https://id.swedenconnect.se/claim/mappedCoordinationNumber"
    ),
    "CITIZEN_OIDC_COUNTRY_CLAIM": "country",
}


def claim_names(environ: Mapping[str, str]) -> dict[str, str]:
    return {
        name: (environ.get(name) or "").strip() or default
        for name, default in CLAIM_DEFAULTS.items()
    }


def openid_connect_apps(environ: Mapping[str, str], *, demo: bool) -> list[dict]:
    """The allauth `openid_connect` apps for `SOCIALACCOUNT_PROVIDERS`."""
    apps = []
    for provider_id, spec in PROVIDERS.items():
        prefix = spec["prefix"]
        server_url = (environ.get(f"{prefix}_SERVER_URL") or "").strip()
        client_id = (environ.get(f"{prefix}_CLIENT_ID") or "").strip()
        secret = environ.get(f"{prefix}_CLIENT_SECRET") or ""
        if not server_url and demo:
            server_url = (environ.get("DEMO_IDP_URL") or "").strip() or DEMO_IDP_URL
            client_id, secret = DEMO_CLIENTS[provider_id]
        if not server_url:
            continue
        apps.append(
            {
                "provider_id": provider_id,
                "name": environ.get(f"{prefix}_NAME") or spec["name"],
                "client_id": client_id,
                "secret": secret,
                "settings": {
                    "server_url": server_url.rstrip("/"),
                    "scope": (environ.get(f"{prefix}_SCOPES") or spec["scope"]).split(),
                    "oauth_pkce_enabled": True,
                    # The claims come from the ID token, whose signature is always checked
                    # (portal.identity.views), not from the unsigned userinfo response.
                    "fetch_userinfo": False,
                    # An e-mail address without `email_verified` counts as verified
                    # (portal.identity.provider): `<prefix>_TRUST_EMAIL`.
                    "trust_email": env_flag(
                        environ.get(f"{prefix}_TRUST_EMAIL"), default=spec["trust_email"]
                    ),
                },
            }
        )
    return apps


def env_flag(value: str | None, *, default: bool) -> bool:
    value = (value or "").strip().lower()
    if not value:
        return default
    return value in {"1", "true", "yes", "on"}


def missing_settings(environ: Mapping[str, str]) -> list[str]:
    """Variables an operator set only part of: a server URL without its client, or the reverse."""
    missing = []
    for spec in PROVIDERS.values():
        prefix = spec["prefix"]
        names = [f"{prefix}_SERVER_URL", f"{prefix}_CLIENT_ID", f"{prefix}_CLIENT_SECRET"]
        given = [name for name in names if (environ.get(name) or "").strip()]
        if given and len(given) < len(names):
            missing += [name for name in names if name not in given]
    return missing
