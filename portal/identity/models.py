"""Who a signed-in person is, as their identity provider last said.

Employees and citizens are separate accounts, even for the same human: an employee account
comes from the municipalities' identity provider and a citizen account from e-ID, and neither
can sign in through the other's provider (portal.identity.adapter).
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.personnummer import PersonalIdentityNumber


class EmployeeProfile(models.Model):
    """An employee's municipality, department, roles and network, from the claims of their
    latest single sign-on. Updated on every login; targeting of information reads it."""

    class Network(models.TextChoices):
        ADMINISTRATIVE = "administrativt", _("Administrativt nätverk")
        PEDAGOGICAL = "pedagogiskt", _("Pedagogiskt nätverk")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("användare"),
        on_delete=models.CASCADE,
        related_name="employee_profile",
    )
    municipality = models.ForeignKey(
        "portal.Municipality",
        verbose_name=_("kommun"),
        on_delete=models.PROTECT,
        related_name="employees",
    )
    department = models.ForeignKey(
        "portal.Department",
        verbose_name=_("förvaltning"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="employees",
    )
    roles = models.JSONField(_("roller"), default=list, blank=True)
    network = models.CharField(_("nätverk"), max_length=20, choices=Network.choices, blank=True)
    updated_at = models.DateTimeField(_("senast uppdaterad"), auto_now=True)

    class Meta:
        verbose_name = _("medarbetarprofil")
        verbose_name_plural = _("medarbetarprofiler")

    def __str__(self):
        return f"{self.user} ({self.municipality})"


# `CC:` and up to 60 characters of identifier: well above what the eIDAS nodes send.
FOREIGN_IDENTIFIER_MAX_LENGTH = 64


def mask_foreign_identifier(value: str) -> str:
    """The country and the first four characters; the rest as stars, like a masked number."""
    country, _colon, identifier = value.partition(":")
    if not identifier:
        return "****"
    shown = identifier[:4] if len(identifier) > 8 else ""
    return f"{country}:{shown}{'*' * (len(identifier) - len(shown))}"


class CitizenIdentity(models.Model):
    """A resident who signed in with e-ID, as the e-ID broker last said: their name and who
    they are, by one of

    * a Swedish personal identity number (twelve digits, never shown unmasked to anyone but
      them): BankID, Freja+, Svenska Pass, or a foreign e-ID that the eIDAS node's
      identity-matching service bound to a Swedish number;
    * the provisional identifier (*prid*, `NO:05068907693`) of a foreign e-ID through the
      Swedish eIDAS node, for a person without a Swedish number (docs/identity.md, "Foreign
      e-ID (eIDAS)").

    At least one of the two is set (a check constraint), and each belongs to one person only.
    """

    class PridPersistence(models.TextChoices):
        # Sweden Connect's classes (ELN-0611): how long the prid stays the same for a person.
        A = "A", _("A – ändras inte")
        B = "B", _("B – kan ändras, till exempel vid ett nytt pass")
        C = "C", _("C – kan ändras när e-legitimationen förnyas")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("användare"),
        on_delete=models.CASCADE,
        related_name="citizen_identity",
    )
    # NULL, not "", when absent: unique only among those who have one.
    personal_identity_number = models.CharField(  # noqa: DJ001
        _("personnummer eller samordningsnummer"),
        max_length=12,
        unique=True,
        null=True,
        blank=True,
    )
    foreign_identifier = models.CharField(  # noqa: DJ001
        _("utländsk identitet (prid)"),
        max_length=FOREIGN_IDENTIFIER_MAX_LENGTH,
        unique=True,
        null=True,
        blank=True,
        help_text=_(
            "Identiteten från en utländsk e-legitimation genom den svenska eIDAS-noden: "
            "landskod, kolon och identitet, till exempel NO:05068907693."
        ),
    )
    country = models.CharField(
        _("land för utländsk e-legitimation"),
        max_length=2,
        blank=True,
        help_text=_("Landskod enligt ISO 3166, till exempel NO."),
    )
    prid_persistence = models.CharField(
        _("hur beständig den utländska identiteten är"),
        max_length=1,
        choices=PridPersistence.choices,
        blank=True,
    )
    given_name = models.CharField(_("förnamn"), max_length=150, blank=True)
    family_name = models.CharField(_("efternamn"), max_length=150, blank=True)
    protected_identity = models.BooleanField(
        _("skyddade personuppgifter"),
        default=False,
        help_text=_(
            "Personen har skyddade personuppgifter och hänvisas till kommunen i stället för "
            "e-tjänsterna."
        ),
    )
    updated_at = models.DateTimeField(_("senast inloggad"), auto_now=True)

    class Meta:
        verbose_name = _("invånaridentitet")
        verbose_name_plural = _("invånaridentiteter")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(personal_identity_number__isnull=False)
                | models.Q(foreign_identifier__isnull=False),
                name="citizen_identity_number_or_foreign_identifier",
            )
        ]

    def __str__(self):
        return f"{self.full_name} ({self.masked_number})"

    @property
    def has_swedish_number(self) -> bool:
        return bool(self.personal_identity_number)

    @property
    def is_foreign(self) -> bool:
        """Signed in with a foreign e-ID and has no Swedish number the portal knows."""
        return not self.personal_identity_number and bool(self.foreign_identifier)

    @property
    def number(self) -> PersonalIdentityNumber | None:
        """The Swedish number; None for a foreign e-ID person without one."""
        if not self.personal_identity_number:
            return None
        return PersonalIdentityNumber(self.personal_identity_number)

    @property
    def masked_number(self) -> str:
        """`19121212-****`, or the foreign identifier masked the same way (`NO:0506*******`)."""
        if self.personal_identity_number:
            return self.number.masked
        return mask_foreign_identifier(self.foreign_identifier or "")

    @property
    def foreign_country(self) -> str:
        """The country of the foreign e-ID: the claim, else the prid's prefix."""
        return self.country or (self.foreign_identifier or "")[:2]

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


class ClaimGroup(models.Model):
    """A group that single sign-on manages: the claim value that puts someone in it.

    On every employee login the portal sets their membership of these groups to exactly what the
    claims say, adding and removing; groups an administrator assigns by hand are left alone.
    """

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Kommun")
        DEPARTMENT = "department", _("Förvaltning")
        ROLE = "role", _("Roll")
        NETWORK = "network", _("Nätverk")

    kind = models.CharField(_("slag"), max_length=20, choices=Kind.choices)
    value = models.CharField(_("värde i inloggningen"), max_length=120)
    group = models.OneToOneField(
        Group, verbose_name=_("grupp"), on_delete=models.CASCADE, related_name="claim_mapping"
    )

    class Meta:
        verbose_name = _("grupp från inloggningen")
        verbose_name_plural = _("grupper från inloggningen")
        constraints = [
            models.UniqueConstraint(fields=["kind", "value"], name="claim_group_unique_value")
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.value} → {self.group}"


from .sessions import ProviderSession  # noqa: E402, F401 (the model lives beside its logout)
