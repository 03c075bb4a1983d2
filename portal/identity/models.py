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


class CitizenIdentity(models.Model):
    """A resident who signed in with e-ID: their personal identity number (twelve digits,
    never shown unmasked to anyone but them) and name, as the e-ID broker last said."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("användare"),
        on_delete=models.CASCADE,
        related_name="citizen_identity",
    )
    personal_identity_number = models.CharField(
        _("personnummer eller samordningsnummer"), max_length=12, unique=True
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

    def __str__(self):
        return f"{self.full_name} ({self.number.masked})"

    @property
    def number(self) -> PersonalIdentityNumber:
        return PersonalIdentityNumber(self.personal_identity_number)

    @property
    def masked_number(self) -> str:
        return self.number.masked

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
