"""The forms that change what a test identity's next login sends.

The values are deliberately not checked against the portal's rules: this is where tests put a
wrong personnummer or an unknown department, to see that the portal says no.
"""

from django import forms

from .identities import (
    COORDINATION_NUMBER_CLAIM,
    MUNICIPALITIES,
    NETWORKS,
    PERSONAL_IDENTITY_NUMBER_CLAIM,
    ROLES,
    number_claim,
)

TAMPER_LABEL = "Skicka en manipulerad ID-token (ogiltig signatur) – för test av felhantering"


class ClaimsForm(forms.Form):
    """Common to both kinds: the tamper switch, and writing the result back."""

    tamper_next_id_token = forms.BooleanField(label=TAMPER_LABEL, required=False)

    def __init__(self, *args, identity, **kwargs):
        self.identity = identity
        kwargs.setdefault("initial", {})
        kwargs["initial"] = {
            **self.initial_from(identity.claims),
            "tamper_next_id_token": identity.tamper_next_id_token,
            **kwargs["initial"],
        }
        super().__init__(*args, **kwargs)

    def initial_from(self, claims: dict) -> dict:
        raise NotImplementedError

    def updated_claims(self, claims: dict) -> dict:
        raise NotImplementedError

    def save(self):
        self.identity.claims = self.updated_claims(dict(self.identity.claims))
        self.identity.tamper_next_id_token = self.cleaned_data["tamper_next_id_token"]
        self.identity.save(update_fields=["claims", "tamper_next_id_token"])
        return self.identity


class EmployeeClaimsForm(ClaimsForm):
    municipality = forms.ChoiceField(
        label="Kommun",
        choices=list(MUNICIPALITIES.items()),
        error_messages={"required": "Välj en kommun.", "invalid_choice": "Välj en av kommunerna."},
    )
    department = forms.CharField(
        label="Förvaltning",
        max_length=100,
        required=False,
        help_text="Förvaltningens kortnamn, till exempel barn-och-utbildning. Lämna tomt för att "
        "inte skicka någon förvaltning.",
        error_messages={"max_length": "Skriv högst %(limit_value)d tecken."},
    )
    roles = forms.MultipleChoiceField(
        label="Roller",
        choices=list(ROLES.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": "Välj bara bland rollerna i listan."},
    )
    network = forms.ChoiceField(
        label="Nätverk",
        choices=list(NETWORKS.items()),
        widget=forms.RadioSelect,
        error_messages={"required": "Välj ett nätverk.", "invalid_choice": "Välj ett nätverk."},
    )

    field_order = ["municipality", "department", "roles", "network", "tamper_next_id_token"]

    def initial_from(self, claims):
        return {
            name: claims.get(name) for name in ("municipality", "department", "roles", "network")
        }

    def updated_claims(self, claims):
        for name in ("municipality", "department", "roles", "network"):
            claims[name] = self.cleaned_data[name]
        return claims


class CitizenClaimsForm(ClaimsForm):
    number = forms.CharField(
        label="Personnummer eller samordningsnummer",
        max_length=40,
        required=False,
        help_text="12 siffror utan bindestreck, till exempel 191212121212. Får vara ogiltigt "
        "eller tomt, för att testa att portalen säger nej.",
        error_messages={"max_length": "Skriv högst %(limit_value)d tecken."},
    )
    number_claim = forms.ChoiceField(
        label="Skicka numret som",
        choices=[
            (PERSONAL_IDENTITY_NUMBER_CLAIM, "personnummer (personalIdentityNumber)"),
            (COORDINATION_NUMBER_CLAIM, "samordningsnummer (coordinationNumber)"),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Välj hur numret ska skickas.",
            "invalid_choice": "Välj hur numret ska skickas.",
        },
    )
    given_name = forms.CharField(
        label="Förnamn",
        max_length=100,
        error_messages={
            "required": "Skriv ett förnamn.",
            "max_length": "Skriv högst %(limit_value)d tecken.",
        },
    )
    family_name = forms.CharField(
        label="Efternamn",
        max_length=100,
        error_messages={
            "required": "Skriv ett efternamn.",
            "max_length": "Skriv högst %(limit_value)d tecken.",
        },
    )
    protected_identity = forms.BooleanField(
        label="Skyddade personuppgifter (skyddad identitet)", required=False
    )

    field_order = [
        "number",
        "number_claim",
        "given_name",
        "family_name",
        "protected_identity",
        "tamper_next_id_token",
    ]

    def initial_from(self, claims):
        claim, number = number_claim(claims)
        return {
            "number": number,
            "number_claim": claim or PERSONAL_IDENTITY_NUMBER_CLAIM,
            "given_name": claims.get("given_name", ""),
            "family_name": claims.get("family_name", ""),
            "protected_identity": bool(claims.get("protected_identity")),
        }

    def updated_claims(self, claims):
        data = self.cleaned_data
        # The two number claims are mutually exclusive (oidc.se); an empty number sends neither.
        claims.pop(PERSONAL_IDENTITY_NUMBER_CLAIM, None)
        claims.pop(COORDINATION_NUMBER_CLAIM, None)
        if data["number"]:
            claims[data["number_claim"]] = data["number"]
        claims["given_name"] = data["given_name"]
        claims["family_name"] = data["family_name"]
        claims["name"] = f"{data['given_name']} {data['family_name']}"
        if data["protected_identity"]:
            claims["protected_identity"] = True
        else:
            claims.pop("protected_identity", None)
        return claims
