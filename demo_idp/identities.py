"""The test identities of the demo identity provider, read from demo/idp/identities.toml.

Each identity has a stable `key` (a slug, sent as the OpenID Connect `sub`), a kind (`employee`
or `citizen`), a one-line Swedish description for the picker, and the claims its login sends.
`manage.py seed_idp` writes them to the database; the picker's form can change the claims of
the next login, and a new `seed_idp` resets them to what the file says.

Employees carry the claims the portal's employee login reads: `municipality` (slug),
`department` (the slug of one of that municipality's departments in the portal), `roles`
and `network`. Their e-mail address is made from their name and the municipality's e-mail
domain, from the one table of the municipalities (demo/municipalities.toml).

Citizens carry the number claims of the Swedish OpenID Connect profile for e-ID (oidc.se): a
personnummer in `personalIdentityNumber`, or, mutually exclusive, a samordningsnummer in
`coordinationNumber`, 12 digits without hyphen. The numbers are Skatteverket's published test
numbers, or numbers made by its test-number convention (birth numbers 980–999), so none belongs
to a real person.

A citizen with a `prid` instead signs in with a foreign e-ID through the Swedish eIDAS node, as
Sweden Connect's OpenID Connect claims say it (scope `eidasNaturalPersonIdentity`): the
provisional identifier `CC:identifier`, its persistence class, the foreign node's person
identifier, the country and the birth date, and no Swedish number.

This module reads the files with tomllib and has pure functions; it imports nothing from Django
and nothing of the portal, so the provider runs on its own.
"""

import tomllib
from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent.parent / "demo"

PERSONAL_IDENTITY_NUMBER_CLAIM = "https://id.oidc.se/claim/personalIdentityNumber"
COORDINATION_NUMBER_CLAIM = "https://id.oidc.se/claim/coordinationNumber"
NATURAL_PERSON_NUMBER_SCOPE = "https://id.oidc.se/scope/naturalPersonNumber"
NUMBER_CLAIMS = (PERSONAL_IDENTITY_NUMBER_CLAIM, COORDINATION_NUMBER_CLAIM)

# Sweden Connect's claims for a foreign e-ID through the Swedish eIDAS node.
EIDAS_SCOPE = "https://id.swedenconnect.se/scope/eidasNaturalPersonIdentity"
PRID_CLAIM = "https://id.swedenconnect.se/claim/prid"
PRID_PERSISTENCE_CLAIM = "https://id.swedenconnect.se/claim/pridPersistence"
EIDAS_PERSON_IDENTIFIER_CLAIM = "https://id.swedenconnect.se/claim/eidasPersonIdentifier"
EIDAS_CLAIMS = (PRID_CLAIM, PRID_PERSISTENCE_CLAIM, EIDAS_PERSON_IDENTIFIER_CLAIM, "country")

EMPLOYEE = "employee"
CITIZEN = "citizen"
KINDS = {EMPLOYEE: "Medarbetare", CITIZEN: "Invånare"}


def _load(name: str) -> dict:
    with (DEMO_DIR / name).open("rb") as handle:
        return tomllib.load(handle)


_MUNICIPALITIES = _load("municipalities.toml")["municipality"]
_DATA = _load("idp/identities.toml")

MUNICIPALITIES = {row["slug"]: row["short_name"] for row in _MUNICIPALITIES}
EMAIL_DOMAINS = {row["slug"]: row["email_domain"] for row in _MUNICIPALITIES}
ROLES = _DATA["roles"]
NETWORKS = _DATA["networks"]

# Which scopes release a claim (any one of them); every other claim comes with `profile`.
# The demo broker releases a foreign e-ID's identity with the eIDAS scope, and also when the
# client asked for the person's number: like a broker whose e-ID client always gets the identity
# the person signed in with, so `make run` shows the eIDAS sign-in with the portal's default
# scopes. A real broker may want the eIDAS scope asked for (docs/identity.md).
CLAIM_SCOPES = {
    "email": ("email",),
    "email_verified": ("email",),
    PERSONAL_IDENTITY_NUMBER_CLAIM: (NATURAL_PERSON_NUMBER_SCOPE,),
    COORDINATION_NUMBER_CLAIM: (NATURAL_PERSON_NUMBER_SCOPE,),
    **dict.fromkeys(EIDAS_CLAIMS, (EIDAS_SCOPE, NATURAL_PERSON_NUMBER_SCOPE)),
}

_ASCII = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e"})


def _employee(key, given_name, family_name, municipality, department, roles, network, description):
    local_part = f"{given_name}.{family_name}".lower().translate(_ASCII)
    email = f"{local_part}@{EMAIL_DOMAINS[municipality]}"
    return {
        "key": key,
        "kind": EMPLOYEE,
        "description": description,
        "claims": {
            "given_name": given_name,
            "family_name": family_name,
            "name": f"{given_name} {family_name}",
            "email": email,
            # Entra ID and AD FS send the user principal name, which looks like the address.
            "preferred_username": email,
            "municipality": municipality,
            "department": department,
            "roles": roles,
            "network": network,
        },
    }


def _citizen(key, given_name, family_name, description, number=None, protected=False, **eidas):
    if number is None:
        return _eidas_citizen(key, given_name, family_name, description, **eidas)
    coordination = int(number[6:8]) > 60
    day = int(number[6:8]) - (60 if coordination else 0)
    claims = {
        "given_name": given_name,
        "family_name": family_name,
        "name": f"{given_name} {family_name}",
        "birthdate": f"{number[0:4]}-{number[4:6]}-{day:02d}",
        COORDINATION_NUMBER_CLAIM if coordination else PERSONAL_IDENTITY_NUMBER_CLAIM: number,
    }
    if protected:
        claims["protected_identity"] = True
    return {"key": key, "kind": CITIZEN, "description": description, "claims": claims}


def _eidas_citizen(
    key, given_name, family_name, description, prid, country, birthdate, prid_persistence="A"
):
    """A foreign e-ID through the eIDAS node: no Swedish number, a prid instead."""
    claims = {
        "given_name": given_name,
        "family_name": family_name,
        "name": f"{given_name} {family_name}",
        "birthdate": birthdate,
        "country": country,
        PRID_CLAIM: prid,
        PRID_PERSISTENCE_CLAIM: prid_persistence,
        # The foreign node's identifier: country of the e-ID / country of the service / id.
        EIDAS_PERSON_IDENTIFIER_CLAIM: f"{country}/SE/{prid.partition(':')[2]}",
    }
    return {"key": key, "kind": CITIZEN, "description": description, "claims": claims}


IDENTITIES = [_employee(**row) for row in _DATA["employee"]] + [
    _citizen(**row) for row in _DATA["citizen"]
]


def display_name(claims):
    """The name to show for a set of claims."""
    return claims.get("name") or " ".join(
        part for part in (claims.get("given_name"), claims.get("family_name")) if part
    )


def number_claim(claims):
    """(claim name, value) of the personnummer or samordningsnummer, or (None, "")."""
    for claim in NUMBER_CLAIMS:
        if claim in claims:
            return claim, claims[claim]
    return None, ""


def masked_prid(prid):
    """`NO:0586*******`: the country and the first characters, as the picker shows a prid."""
    country, _colon, identifier = str(prid).partition(":")
    return f"{country}:{identifier[:4]}{'*' * max(len(identifier) - 4, 0)}"


def masked_number(number):
    """`YYYYMMDD-****`, as the picker shows a number; never the whole number."""
    digits = "".join(ch for ch in str(number) if ch.isdigit())
    if len(digits) < 8:
        return "****"
    return f"{digits[:8]}-****"


def claims_for_scopes(claims, scopes):
    """The claims that the granted scopes release; empty values are left out."""
    scopes = set(scopes)
    released = {}
    for name, value in claims.items():
        if value is None or value == "":
            continue
        if scopes.intersection(CLAIM_SCOPES.get(name, ("profile",))):
            released[name] = value
    if "email" in released:
        released["email_verified"] = True
    return released
