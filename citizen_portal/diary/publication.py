"""The publication rules of the online diary (GDPR; OSL 21 kap. 7 §), applied at import.

The portal keeps only what may be published, so no view, index or API can show more:

* a private individual's name is never stored: the party of a `private` entry is left empty and
  shown as "Privatperson";
* anything shaped like a personnummer or samordningsnummer in a text is replaced by
  MASKED_NUMBER, valid check digit or not;
* the title of a secrecy-marked document is not stored: the marking and its OSL reference are
  shown instead.
"""

import re

from django.utils.translation import gettext_lazy as _

MASKED_NUMBER = "[personnummer borttaget]"
PRIVATE_PARTY = _("Privatperson")

# 6 or 8 digits of date, an optional - or +, and 4 more digits, not inside a longer number.
PERSONAL_IDENTITY_NUMBER = re.compile(r"(?<![0-9])(?:[0-9]{2})?[0-9]{6}[-+ ]?[0-9]{4}(?![0-9])")


def mask_personal_identity_numbers(text: str) -> str:
    return PERSONAL_IDENTITY_NUMBER.sub(MASKED_NUMBER, text or "")


def published_party(party: str, party_type: str) -> str:
    if party_type == "private":
        return ""
    return mask_personal_identity_numbers(party)


def published_document_title(title: str, secrecy: str) -> str:
    if secrecy:
        return ""
    return mask_personal_identity_numbers(title)
