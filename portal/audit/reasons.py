"""What the reason codes of the audit trail mean, for the people who read it in the admin.

The code is what is stored (`detail["reason"]`, short and fixed, written by
portal.identity); this is how the admin explains it. A code without an entry is shown as
it is.
"""

from django.utils.translation import gettext_lazy as _

REASONS = {
    # The exchange with an identity provider (portal/identity/views.py, adapter.py).
    "provider_unreachable": _("Inloggningstjänsten svarade inte"),
    "provider_timeout": _("Inloggningstjänsten svarade inte i tid"),
    "discovery_invalid": _("Inloggningstjänstens konfiguration gick inte att läsa"),
    "discovery_error": _("Inloggningstjänstens konfiguration gick inte att hämta"),
    "token_endpoint_error": _("Inloggningstjänsten godtog inte inloggningskoden"),
    "provider_error": _("Fel i utbytet med inloggningstjänsten"),
    "id_token_missing": _("Svaret saknade ID-token"),
    "id_token_signature": _("ID-tokenens signatur stämmer inte"),
    "id_token_unknown_key": _("ID-tokenen är signerad med en nyckel som tjänsten inte publicerar"),
    "id_token_kid_required": _("ID-tokenen anger inte sin nyckel fast tjänsten har flera"),
    "id_token_algorithm_not_allowed": _("ID-tokenens signeringsalgoritm är inte tillåten"),
    "id_token_key_set_unavailable": _("Tjänstens nycklar gick inte att hämta"),
    "id_token_issuer": _("ID-tokenen kommer från en annan utfärdare"),
    "id_token_audience": _("ID-tokenen är utfärdad för en annan tjänst"),
    "id_token_authorized_party": _("ID-tokenen är utfärdad för en annan part"),
    "id_token_expired": _("ID-tokenen hade gått ut"),
    "id_token_issued_in_the_future": _("ID-tokenen var utfärdad i framtiden"),
    "id_token_missing_claim": _("ID-tokenen saknar en obligatorisk uppgift"),
    "id_token_nonce": _("ID-tokenen hör till en annan inloggning"),
    "id_token_malformed": _("ID-tokenen gick inte att läsa"),
    "state_invalid": _("Svaret hörde inte till en pågående inloggning i webbläsaren"),
    "no_code": _("Svaret saknade inloggningskod"),
    "cancelled": _("Personen avbröt inloggningen"),
    "provider_access_denied": _("Personen avbröt, eller inloggningstjänsten nekade"),
    "saml_response_invalid": _("SAML-svaret godkändes inte"),
    "permission_denied": _("Inloggningen nekades"),
    # Refusals of who the provider vouched for (portal/identity/claims.py).
    "missing_personal_identity_number": _("Inget personnummer eller samordningsnummer"),
    "invalid_personal_identity_number": _("Ogiltigt personnummer eller samordningsnummer"),
    "invalid_foreign_identifier": _("Ogiltig identitet från utländsk e-legitimation"),
    "unknown_municipality": _("Okänd kommun i inloggningen"),
    "connect_refused": _("Försök att koppla en inloggning till ett annat konto"),
    "password_login_not_allowed": _(
        "Lösenordsinloggning för någon som ska använda kommunens konto"
    ),
    # Logging out (portal/identity/logout.py, idle.py).
    "idle_timeout": _("Ingen aktivitet på för lång tid"),
    "session_max_age": _("Inloggad längre än det längsta tillåtna"),
    "backchannel_logout": _("Utloggad av inloggningstjänsten"),
}


def describe(reason: str) -> str:
    if not reason:
        return ""
    if reason in REASONS:
        return str(REASONS[reason])
    if reason.startswith("logout_token_"):
        return str(_("Utloggningsbegäran godkändes inte: %(check)s")) % {
            "check": reason.removeprefix("logout_token_")
        }
    if reason.startswith("provider_"):
        return str(_("Inloggningstjänsten svarade med felet %(code)s")) % {
            "code": reason.removeprefix("provider_")
        }
    return reason
