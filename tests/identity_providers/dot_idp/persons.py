"""The portal's two clients and the test persons of the django-oauth-toolkit provider.

Plain data, importable without Django, so the tests can use the same names and secrets.
"""

# provider_id in the portal -> (client_id, client secret)
CLIENTS = {
    "medarbetare": ("dalslandsportalen-medarbetare", "dot-medarbetare-hemlighet"),
    "e-legitimation": ("dalslandsportalen-e-legitimation", "dot-e-legitimation-hemlighet"),
}

# The Swedish OIDC profile (oidc.se).
NATURAL_PERSON_NUMBER_SCOPE = "https://id.oidc.se/scope/naturalPersonNumber"
PERSONAL_IDENTITY_NUMBER_CLAIM = "https://id.oidc.se/claim/personalIdentityNumber"

# Employees: the claims the municipalities' directory would release, as Entra ID and AD FS do
# (no `email_verified`). Residents: what an e-ID broker says. The key is the username and the
# ID token's `sub`. Numbers are Skatteverket's test numbers, no real person's.
PERSONS = {
    "sara-lindqvist": {
        "given_name": "Sara",
        "family_name": "Lindqvist",
        "email": "sara.lindqvist@amal.example",
        "municipality": "amal",
        "department": "barn-och-utbildning",
        "roles": ["larare"],
        "network": "pedagogiskt",
    },
    "johan-berg": {
        "given_name": "Johan",
        "family_name": "Berg",
        "email": "johan.berg@dalsed.example",
        "municipality": "dals-ed",
        "department": "socialtjanst",
        "roles": ["socialsekreterare"],
        "network": "administrativt",
    },
    "tolvan-tolvansson": {
        "given_name": "Tolvan",
        "family_name": "Tolvansson",
        PERSONAL_IDENTITY_NUMBER_CLAIM: "191212121212",
    },
    "bengt-andersson": {
        "given_name": "Bengt",
        "family_name": "Andersson",
        PERSONAL_IDENTITY_NUMBER_CLAIM: "196408233234",
    },
}

EMPLOYEE_CLAIMS = ("municipality", "department", "roles", "network")
