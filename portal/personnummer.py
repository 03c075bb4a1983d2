"""Swedish personal identity numbers: personnummer and samordningsnummer.

The e-ID login for citizens identifies people by these numbers, so this module is the one place
that reads, checks and stores them. The rules are Skatteverket's (SKV 707):

* Ten-digit form `YYMMDD-NNNC`: birth date, three-digit birth number and a Luhn check digit over
  those ten digits. The hyphen becomes `+` from the year the person turns 100.
* Storage form: twelve digits `YYYYMMDDNNNC`. The `+` alone does not say which century, so only
  the twelve-digit form is ever stored or compared.
* A samordningsnummer (coordination number) is the same, with the day of birth plus 60 (61–91).

The check is deliberately no stricter than that. Skatteverket gives some people a number from
another date when a date runs out of birth numbers, so the date part is not necessarily the true
birth date, and nothing here rejects a number for its age or derives sex from it.

A personal identity number is personal data that must never reach URLs or logs (Data Protection
Act 3 kap. 10 §). `str()` and `repr()` therefore show only the masked form, and no error message
repeats the value it was given.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

INVALID_MESSAGE = _("Personnumret är inte giltigt. Kontrollera att du har skrivit rätt.")

COORDINATION_DAY_OFFSET = 60

# Population-register data and e-ID attributes use only these centuries (SKV 707).
CENTURIES = ("18", "19", "20")

_INPUT = re.compile(
    r"(?P<century>[0-9]{2})?(?P<date>[0-9]{6})(?P<separator>[-+]?)(?P<serial>[0-9]{4})"
)


class InvalidPersonalIdentityNumber(ValueError):
    """The value is not a valid personnummer or samordningsnummer.

    `str(error)` is a short English reason for developers; `message` is the Swedish text to show
    the person who typed it. Neither contains the value.
    """

    message = INVALID_MESSAGE


@dataclass(frozen=True, repr=False)
class PersonalIdentityNumber:
    """A valid personnummer or samordningsnummer, held in its twelve-digit storage form.

    Build one with `parse()`. Constructing it directly checks the twelve-digit form too, so an
    instance is always valid.
    """

    normalised: str

    def __post_init__(self):
        if not isinstance(self.normalised, str) or not re.fullmatch(r"[0-9]{12}", self.normalised):
            raise InvalidPersonalIdentityNumber("expected twelve digits")
        if self.normalised[:2] not in CENTURIES:
            raise InvalidPersonalIdentityNumber("century must be 18, 19 or 20")
        if not _luhn_is_valid(self.normalised[2:]):
            raise InvalidPersonalIdentityNumber("check digit does not match")
        year, month, day = (
            int(self.normalised[0:4]),
            int(self.normalised[4:6]),
            int(self.normalised[6:8]),
        )
        if not 1 <= month <= 12:
            raise InvalidPersonalIdentityNumber("month must be 01-12")
        if day > COORDINATION_DAY_OFFSET:
            day -= COORDINATION_DAY_OFFSET
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise InvalidPersonalIdentityNumber("day does not exist in that month")

    @property
    def is_coordination_number(self) -> bool:
        """True for a samordningsnummer (day of birth + 60)."""
        return int(self.normalised[6:8]) > COORDINATION_DAY_OFFSET

    @property
    def masked(self) -> str:
        """`YYYYMMDD-****`: enough to recognise, safe to show on screens and in logs."""
        return f"{self.normalised[:8]}-****"

    @property
    def display(self) -> str:
        """`YYYYMMDD-NNNC`, the full number. Show it only to the person it belongs to."""
        return f"{self.normalised[:8]}-{self.normalised[8:]}"

    def __str__(self) -> str:
        return self.masked

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.masked!r})"


def parse(value: str, today: date | None = None) -> PersonalIdentityNumber:
    """Read a personnummer or samordningsnummer as a person or a system might write it.

    Accepts `YYYYMMDDNNNC`, `YYYYMMDD-NNNC`, `YYMMDDNNNC`, `YYMMDD-NNNC` and `YYMMDD+NNNC`,
    with surrounding spaces. A ten-digit form gets the most recent century in which the date is
    not in the future, counted from `today` (default: the current local date); `+` then moves it
    back another hundred years.

    Raises `InvalidPersonalIdentityNumber` for anything else, or when the check digit, month or
    day is wrong.
    """
    if not isinstance(value, str):
        raise InvalidPersonalIdentityNumber("expected a string")
    match = _INPUT.fullmatch(value.strip())
    if match is None:
        raise InvalidPersonalIdentityNumber("expected YYYYMMDD-NNNC or YYMMDD-NNNC")
    century, date_part, separator, serial = match.group("century", "date", "separator", "serial")

    if century is not None:
        if separator == "+":
            raise InvalidPersonalIdentityNumber("'+' is only used in the ten-digit form")
        return PersonalIdentityNumber(f"{century}{date_part}{serial}")

    year = _infer_year(date_part, today or timezone.localdate())
    if separator == "+":
        year -= 100
    return PersonalIdentityNumber(f"{year:04d}{date_part[2:]}{serial}")


def validate_personal_identity_number(value: str) -> None:
    """Django validator for form fields: raises `ValidationError` with the Swedish message."""
    try:
        parse(value)
    except InvalidPersonalIdentityNumber as error:
        raise ValidationError(error.message, code="invalid_personal_identity_number") from error


def _infer_year(date_part: str, today: date) -> int:
    """The most recent year ending in `YY` whose date `MMDD` is not after `today`."""
    two_digit_year, month, day = int(date_part[0:2]), int(date_part[2:4]), int(date_part[4:6])
    if day > COORDINATION_DAY_OFFSET:
        day -= COORDINATION_DAY_OFFSET
    year = today.year - (today.year - two_digit_year) % 100
    if year == today.year and (month, day) > (today.month, today.day):
        year -= 100
    return year


def _luhn_is_valid(ten_digits: str) -> bool:
    """Modulus 10 over the ten-digit form (weights 2, 1, 2, …; digit sums of the products)."""
    total = 0
    for position, digit in enumerate(ten_digits[:9]):
        product = int(digit) * (2 if position % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10 == int(ten_digits[9])
