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
    """Variables an operator set only part of: a server URL without its client, or the reverse;
    a SAML identity provider without its entity ID, metadata or certificate."""
    missing = []
    for spec in PROVIDERS.values():
        prefix = spec["prefix"]
        names = [f"{prefix}_SERVER_URL", f"{prefix}_CLIENT_ID", f"{prefix}_CLIENT_SECRET"]
        given = [name for name in names if (environ.get(name) or "").strip()]
        if given and len(given) < len(names):
            missing += [name for name in names if name not in given]
    return missing + saml_missing_settings(environ)


# -- SAML 2.0 for employees ------------------------------------------------------------------
#
# Where the municipalities' identity provider speaks only SAML (an AD FS relying party, an
# Entra ID SAML app, Sweden Connect for employee identities), allauth's `saml` provider takes
# the place of the OpenID Connect client for employees (docs/identity.md). Its app has its own
# provider id, `medarbetare-saml`, and the organization slug `medarbetare` in its URLs
# (/accounts/saml/medarbetare/acs/ ...); both employee provider ids reach the same rules
# (`EMPLOYEE_PROVIDERS`: the adapter and the claims -> groups receiver).

EMPLOYEE_SAML = "medarbetare-saml"
EMPLOYEE_SAML_SLUG = "medarbetare"
EMPLOYEE_PROVIDERS = frozenset({EMPLOYEE, EMPLOYEE_SAML})

# Every SAML variable. Without EMPLOYEE_SAML_IDP_ENTITY_ID and its metadata URL (or SSO URL and
# certificate) SAML is off.
SAML_IDP_SETTINGS = (
    "EMPLOYEE_SAML_IDP_ENTITY_ID",
    "EMPLOYEE_SAML_IDP_METADATA_URL",
    "EMPLOYEE_SAML_IDP_SSO_URL",
    "EMPLOYEE_SAML_IDP_X509_CERT",
)
SAML_SP_KEY_SETTINGS = ("EMPLOYEE_SAML_SP_PRIVATE_KEY", "EMPLOYEE_SAML_SP_CERTIFICATE")

# Attribute names the provider may release each claim under, first found wins: the OpenID
# Connect claim name (EMPLOYEE_OIDC_*_CLAIM, default `municipality` ...), then the standard
# SAML, LDAP and AD FS / Entra ID names. `EMPLOYEE_SAML_<CLAIM>_ATTRIBUTE` (comma-separated)
# replaces the list.
ROLE_CLAIM_TYPE = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"
SAML_CLAIM_ATTRIBUTES = {
    "EMPLOYEE_OIDC_MUNICIPALITY_CLAIM": ("EMPLOYEE_SAML_MUNICIPALITY_ATTRIBUTE", ()),
    "EMPLOYEE_OIDC_DEPARTMENT_CLAIM": ("EMPLOYEE_SAML_DEPARTMENT_ATTRIBUTE", ()),
    "EMPLOYEE_OIDC_ROLES_CLAIM": ("EMPLOYEE_SAML_ROLES_ATTRIBUTE", (ROLE_CLAIM_TYPE,)),
    "EMPLOYEE_OIDC_NETWORK_CLAIM": ("EMPLOYEE_SAML_NETWORK_ATTRIBUTE", ()),
}
# The account's own fields (allauth's `attribute_mapping`); `uid` falls back to the NameID.
SAML_ACCOUNT_ATTRIBUTES = {
    "uid": ("EMPLOYEE_SAML_UID_ATTRIBUTE", ("urn:oasis:names:tc:SAML:attribute:subject-id",)),
    "first_name": (
        "EMPLOYEE_SAML_GIVEN_NAME_ATTRIBUTE",
        (
            "givenName",
            "urn:oid:2.5.4.42",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname",
            "given_name",
        ),
    ),
    "last_name": (
        "EMPLOYEE_SAML_SURNAME_ATTRIBUTE",
        (
            "sn",
            "urn:oid:2.5.4.4",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname",
            "family_name",
        ),
    ),
    "email": (
        "EMPLOYEE_SAML_EMAIL_ATTRIBUTE",
        (
            "mail",
            "urn:oid:0.9.2342.19200300.100.1.3",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
            "email",
        ),
    ),
}


def _names(environ: Mapping[str, str], variable: str, defaults) -> list[str]:
    given = [name.strip() for name in (environ.get(variable) or "").split(",") if name.strip()]
    return given or list(defaults)


def _saml_value(environ: Mapping[str, str], name: str) -> str:
    return (environ.get(name) or "").strip()


def saml_apps(environ: Mapping[str, str]) -> list[dict]:
    """The allauth `saml` app for `SOCIALACCOUNT_PROVIDERS["saml"]["APPS"]`: the employees'
    SAML identity provider, or none when EMPLOYEE_SAML_IDP_* do not configure one."""
    entity_id = _saml_value(environ, "EMPLOYEE_SAML_IDP_ENTITY_ID")
    metadata_url = _saml_value(environ, "EMPLOYEE_SAML_IDP_METADATA_URL")
    sso_url = _saml_value(environ, "EMPLOYEE_SAML_IDP_SSO_URL")
    certificate = _saml_value(environ, "EMPLOYEE_SAML_IDP_X509_CERT")
    if not entity_id or not (metadata_url or (sso_url and certificate)):
        return []
    if metadata_url:
        # Read (and cached for four hours) by allauth: the SSO URL and signing certificate.
        idp = {"entity_id": entity_id, "metadata_url": metadata_url}
    else:
        idp = {"entity_id": entity_id, "sso_url": sso_url, "x509cert": certificate}
    base_url = (_saml_value(environ, "PORTAL_BASE_URL") or "http://127.0.0.1:8000").rstrip("/")
    sp_entity_id = (
        _saml_value(environ, "EMPLOYEE_SAML_SP_ENTITY_ID")
        or f"{base_url}/accounts/saml/{EMPLOYEE_SAML_SLUG}/metadata/"
    )
    sp_key = _saml_value(environ, "EMPLOYEE_SAML_SP_PRIVATE_KEY")
    sp_certificate = _saml_value(environ, "EMPLOYEE_SAML_SP_CERTIFICATE")
    names = claim_names(environ)
    advanced = {
        "strict": True,
        # The assertion must be signed with the key in the metadata (python3-saml refuses an
        # unsigned response anyway); the whole response too if the operator says so.
        "want_assertion_signed": True,
        "want_message_signed": env_flag(
            environ.get("EMPLOYEE_SAML_WANT_RESPONSE_SIGNED"), default=False
        ),
        "want_attribute_statement": True,
        "reject_deprecated_algorithm": True,
        # Only sign-ins the portal asked for, answered to this browser's request.
        "reject_idp_initiated_sso": True,
    }
    if sp_key and sp_certificate:
        # Signed AuthnRequests (Sweden Connect requires them); the certificate is published
        # in the portal's SP metadata.
        advanced.update(
            {"private_key": sp_key, "x509cert": sp_certificate, "authn_request_signed": True}
        )
    return [
        {
            "provider_id": EMPLOYEE_SAML,
            "name": environ.get("EMPLOYEE_SAML_NAME") or PROVIDERS[EMPLOYEE]["name"],
            # allauth's organization slug: /accounts/saml/medarbetare/...
            "client_id": EMPLOYEE_SAML_SLUG,
            "settings": {
                "idp": idp,
                "sp": {"entity_id": sp_entity_id},
                "attribute_mapping": {
                    key: _names(environ, variable, defaults)
                    for key, (variable, defaults) in SAML_ACCOUNT_ATTRIBUTES.items()
                },
                # Read by portal.identity.saml: the portal's claims from these attributes.
                "claims": {
                    setting: _names(environ, variable, (names[setting], *defaults))
                    for setting, (variable, defaults) in SAML_CLAIM_ATTRIBUTES.items()
                },
                "trust_email": env_flag(environ.get("EMPLOYEE_SAML_TRUST_EMAIL"), default=True),
                "advanced": advanced,
            },
        }
    ]


def saml_missing_settings(environ: Mapping[str, str]) -> list[str]:
    """The SAML variables an operator still has to set, having set some of them."""
    given = {
        name for name in (*SAML_IDP_SETTINGS, *SAML_SP_KEY_SETTINGS) if _saml_value(environ, name)
    }
    if not given:
        return []
    missing = []
    if "EMPLOYEE_SAML_IDP_ENTITY_ID" not in given:
        missing.append("EMPLOYEE_SAML_IDP_ENTITY_ID")
    if "EMPLOYEE_SAML_IDP_METADATA_URL" not in given:
        sso = {"EMPLOYEE_SAML_IDP_SSO_URL", "EMPLOYEE_SAML_IDP_X509_CERT"}
        if sso & given:
            missing += sorted(sso - given)
        else:
            missing.append("EMPLOYEE_SAML_IDP_METADATA_URL")
    key = set(SAML_SP_KEY_SETTINGS)
    if key & given:
        missing += sorted(key - given)
    return missing
