"""The test identities of the demo identity provider, as data.

Each identity has a stable `key` (a slug, sent as the OpenID Connect `sub`), a kind (`employee`
or `citizen`), a one-line Swedish description for the picker, and the claims its login sends.
`manage.py seed_idp` writes them to the database; the picker's form can change the claims of
the next login, and a new `seed_idp` resets them to what is written here.

Employees carry the claims the portal's employee login reads: `municipality` (slug),
`department` (a department slug of that municipality, see
citizen_portal/demo_content/departments.py), `roles` and `network`.

Citizens carry the Swedish OIDC profile's number claims (oidc.se, DOMAIN.md §3.2): a
personnummer in `personalIdentityNumber`, or, mutually exclusive, a samordningsnummer in
`coordinationNumber`, 12 digits without hyphen. The numbers are Skatteverket's published test
numbers, or numbers made by its test-number convention (birth numbers 980–999), so none belongs
to a real person.

This module is plain data and pure functions; it imports nothing from Django.
"""

PERSONAL_IDENTITY_NUMBER_CLAIM = "https://id.oidc.se/claim/personalIdentityNumber"
COORDINATION_NUMBER_CLAIM = "https://id.oidc.se/claim/coordinationNumber"
NATURAL_PERSON_NUMBER_SCOPE = "https://id.oidc.se/scope/naturalPersonNumber"
NUMBER_CLAIMS = (PERSONAL_IDENTITY_NUMBER_CLAIM, COORDINATION_NUMBER_CLAIM)

EMPLOYEE = "employee"
CITIZEN = "citizen"
KINDS = {EMPLOYEE: "Medarbetare", CITIZEN: "Invånare"}

MUNICIPALITIES = {
    "bengtsfors": "Bengtsfors",
    "dals-ed": "Dals-Ed",
    "fargelanda": "Färgelanda",
    "mellerud": "Mellerud",
    "amal": "Åmål",
}

EMAIL_DOMAINS = {
    "bengtsfors": "bengtsfors.se",
    "dals-ed": "dalsed.se",
    "fargelanda": "fargelanda.se",
    "mellerud": "mellerud.se",
    "amal": "amal.se",
}

ROLES = {
    "larare": "Lärare",
    "socialsekreterare": "Socialsekreterare",
    "bygglovshandlaggare": "Bygglovshandläggare",
    "forskoleadministrator": "Förskoleadministratör",
    "redaktor": "Redaktör",
    "granskare": "Granskare",
    "it-drift": "IT-drift",
    "administrator": "Administratör",
    "registrator": "Registrator",
}

NETWORKS = {
    "administrativt": "Administrativt nät",
    "pedagogiskt": "Pedagogiskt nät",
}

# Which scope releases a claim; every other claim comes with `profile`.
CLAIM_SCOPES = {
    "email": "email",
    "email_verified": "email",
    PERSONAL_IDENTITY_NUMBER_CLAIM: NATURAL_PERSON_NUMBER_SCOPE,
    COORDINATION_NUMBER_CLAIM: NATURAL_PERSON_NUMBER_SCOPE,
}

_ASCII = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e"})


def _employee(key, given_name, family_name, municipality, department, roles, network, text):
    local_part = f"{given_name}.{family_name}".lower().translate(_ASCII)
    email = f"{local_part}@{EMAIL_DOMAINS[municipality]}"
    return {
        "key": key,
        "kind": EMPLOYEE,
        "description": text,
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


def _citizen(key, given_name, family_name, number, text, *, protected=False):
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
    return {"key": key, "kind": CITIZEN, "description": text, "claims": claims}


IDENTITIES = [
    _employee(
        "sara-lindqvist",
        "Sara",
        "Lindqvist",
        "amal",
        "barn-och-utbildning",
        ["larare"],
        "pedagogiskt",
        "Lärare på en grundskola i Åmål. Loggar in från det pedagogiska nätet.",
    ),
    _employee(
        "johan-berg",
        "Johan",
        "Berg",
        "dals-ed",
        "socialtjanst",
        ["socialsekreterare"],
        "administrativt",
        "Socialsekreterare på socialförvaltningen i Dals-Ed.",
    ),
    _employee(
        "erik-magnusson",
        "Erik",
        "Magnusson",
        "mellerud",
        "samhallsbyggnad",
        ["bygglovshandlaggare"],
        "administrativt",
        "Bygglovshandläggare på samhällsbyggnadsförvaltningen i Mellerud.",
    ),
    _employee(
        "lena-olsson",
        "Lena",
        "Olsson",
        "fargelanda",
        "barn-och-utbildning",
        ["forskoleadministrator"],
        "administrativt",
        "Förskoleadministratör i Färgelanda. Hanterar ansökningar om förskoleplats.",
    ),
    _employee(
        "karin-nystrom",
        "Karin",
        "Nyström",
        "bengtsfors",
        "kommunledning",
        ["redaktor"],
        "administrativt",
        "Webbredaktör i Bengtsfors. Skriver sidor som någon annan granskar.",
    ),
    _employee(
        "peter-holmberg",
        "Peter",
        "Holmberg",
        "amal",
        "kommunstyrelsens-forvaltning",
        ["granskare"],
        "administrativt",
        "Kommunikationschef i Åmål. Granskar och publicerar redaktörernas sidor.",
    ),
    _employee(
        "ahmed-hassan",
        "Ahmed",
        "Hassan",
        "mellerud",
        "kommunstyrelseforvaltningen",
        ["it-drift"],
        "administrativt",
        "IT-tekniker i Mellerud. Sköter driften av kommunens system.",
    ),
    _employee(
        "ingrid-sandberg",
        "Ingrid",
        "Sandberg",
        "bengtsfors",
        "kommunledning",
        ["administrator"],
        "administrativt",
        "Systemförvaltare i Bengtsfors med administratörsbehörighet i portalen.",
    ),
    _employee(
        "maja-gustafsson",
        "Maja",
        "Gustafsson",
        "fargelanda",
        "kommunledning",
        ["redaktor", "granskare"],
        "administrativt",
        "Kommunikatör i Färgelanda med två roller: skriver sidor och granskar andras.",
    ),
    _employee(
        "birgitta-johansson",
        "Birgitta",
        "Johansson",
        "mellerud",
        "kommunstyrelseforvaltningen",
        ["registrator"],
        "administrativt",
        "Registrator i Mellerud. Tar emot och hanterar begäranden om allmänna handlingar.",
    ),
    _employee(
        "oskar-lund",
        "Oskar",
        "Lund",
        "dals-ed",
        "kultur-och-fritid",
        [],
        "administrativt",
        "Fritidsledare i Dals-Ed utan särskilda roller. Ser det alla medarbetare ser.",
    ),
    _citizen(
        "tolvan-tolvansson",
        "Tolvan",
        "Tolvansson",
        "191212121212",
        "Skatteverkets välkända testperson.",
    ),
    _citizen(
        "bengt-andersson",
        "Bengt",
        "Andersson",
        "196408233234",
        "Vuxen invånare med personnummer, till exempel för att söka bygglov.",
    ),
    _citizen(
        "piotr-kowalczyk",
        "Piotr",
        "Kowalczyk",
        "197010632391",
        "Säsongsarbetare som inte är folkbokförd i Sverige. Har samordningsnummer.",
    ),
    _citizen(
        "linnea-holm",
        "Linnea",
        "Holm",
        "198504129829",
        "Har skyddade personuppgifter. Portalen får inte visa uppgifterna för andra.",
        protected=True,
    ),
    _citizen(
        "emma-karlsson",
        "Emma",
        "Karlsson",
        "199003159861",
        "Förälder som vill söka förskoleplats för dottern Alva (20240512-9806) och göra "
        "skolval för sonen Elias (20200318-9814).",
    ),
    _citizen(
        "jonas-karlsson",
        "Jonas",
        "Karlsson",
        "198807079937",
        "Emmas sambo och barnens andra vårdnadshavare. Bekräftar ansökningar som Emma gör.",
    ),
    _citizen(
        "gunnel-ek",
        "Gunnel",
        "Ek",
        "194109279903",
        "Pensionär som vill söka hemtjänst.",
    ),
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
        if CLAIM_SCOPES.get(name, "profile") in scopes:
            released[name] = value
    if "email" in released:
        released["email_verified"] = True
    return released
