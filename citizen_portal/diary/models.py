"""Cases (ärenden) and their documents (handlingar) from the municipalities' diaries.

A case number is an opaque string, unique within one register (a board's diary) of one
municipality (OSL 5 kap. 2 §): Åmål's `2023-00014` can exist in several of its registers.
Everything stored here has passed the publication rules (publication.py) at import.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .publication import PRIVATE_PARTY


class Register(models.Model):
    """One diary: a board's (nämnd's) number series in one municipality, e.g. Åmål's KS."""

    municipality = models.ForeignKey(
        "portal.Municipality",
        verbose_name=_("kommun"),
        on_delete=models.PROTECT,
        related_name="diary_registers",
    )
    code = models.CharField(_("diarium"), max_length=20, help_text=_("t.ex. KS eller BUN"))
    name = models.CharField(
        _("namn"), max_length=150, blank=True, help_text=_("t.ex. Kommunstyrelsen")
    )
    registrar_email = models.EmailField(
        _("registratorns e-post"),
        blank=True,
        help_text=_("Dit går begäranden om handlingar. Tomt: kommunens e-postadress."),
    )

    class Meta:
        ordering = ["municipality__sort_order", "code"]
        verbose_name = _("diarium")
        verbose_name_plural = _("diarier")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "code"], name="diary_register_code")
        ]

    def __str__(self):
        return f"{self.municipality.short_name}: {self.name or self.code}"


class Case(models.Model):
    """A case (ärende) in a register."""

    register = models.ForeignKey(
        Register, verbose_name=_("diarium"), on_delete=models.CASCADE, related_name="cases"
    )
    municipality = models.ForeignKey(
        "portal.Municipality",
        verbose_name=_("kommun"),
        on_delete=models.PROTECT,
        related_name="diary_cases",
    )
    case_number = models.CharField(_("diarienummer"), max_length=60)
    title = models.TextField(_("ärendemening"))
    department = models.CharField(_("förvaltning eller enhet"), max_length=150, blank=True)

    class Meta:
        ordering = ["municipality__sort_order", "register__code", "case_number"]
        verbose_name = _("ärende")
        verbose_name_plural = _("ärenden")
        constraints = [
            models.UniqueConstraint(fields=["register", "case_number"], name="diary_case_number")
        ]

    def __str__(self):
        return f"{self.case_number} {self.title}"


class Document(models.Model):
    """A document (handling) of a case: one row of the diary."""

    class Direction(models.TextChoices):
        INCOMING = "in", _("Inkommande")
        OUTGOING = "out", _("Utgående")
        INTERNAL = "internal", _("Upprättad")

    class PartyType(models.TextChoices):
        PRIVATE = "private", _("Privatperson")
        ORGANISATION = "organisation", _("Organisation eller företag")
        AUTHORITY = "authority", _("Myndighet")

    case = models.ForeignKey(
        Case, verbose_name=_("ärende"), on_delete=models.CASCADE, related_name="documents"
    )
    # Copies of the case's, so that searching a million rows filters without joins.
    municipality = models.ForeignKey(
        "portal.Municipality",
        verbose_name=_("kommun"),
        on_delete=models.PROTECT,
        related_name="diary_documents",
    )
    register = models.ForeignKey(
        Register, verbose_name=_("diarium"), on_delete=models.CASCADE, related_name="documents"
    )
    document_number = models.CharField(_("handlingsnummer"), max_length=60)
    title = models.TextField(_("handlingens rubrik"), blank=True)
    document_date = models.DateField(_("handlingens datum"), null=True, blank=True)
    registered_date = models.DateField(_("registreringsdatum"))
    direction = models.CharField(_("riktning"), max_length=10, choices=Direction.choices)
    party = models.CharField(_("avsändare eller mottagare"), max_length=200, blank=True)
    party_type = models.CharField(
        _("slag av part"), max_length=20, choices=PartyType.choices, blank=True
    )
    secrecy = models.CharField(
        _("sekretessmarkering"),
        max_length=100,
        blank=True,
        help_text=_("Hänvisning till offentlighets- och sekretesslagen, t.ex. OSL 26 kap. 1 §."),
    )
    # Swedish full-text vector of the case's and the document's titles and the party, kept up
    # to date by the import on PostgreSQL (empty on SQLite, where search falls back to LIKE).
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["-registered_date", "-id"]
        verbose_name = _("handling")
        verbose_name_plural = _("handlingar")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "document_number"], name="diary_document_unique_number"
            )
        ]
        indexes = [
            models.Index(fields=["registered_date"], name="diary_doc_registered"),
            models.Index(fields=["municipality", "registered_date"], name="diary_doc_mun_date"),
            models.Index(fields=["register", "registered_date"], name="diary_doc_reg_date"),
        ]

    def __str__(self):
        return f"{self.document_number} {self.display_title}"

    @property
    def is_secret(self) -> bool:
        return bool(self.secrecy)

    @property
    def display_title(self) -> str:
        if self.secrecy:
            return _("Sekretessmarkerad handling (%(reference)s)") % {"reference": self.secrecy}
        return self.title

    @property
    def display_party(self) -> str:
        if self.party_type == self.PartyType.PRIVATE:
            return str(PRIVATE_PARTY)
        return self.party


class DocumentRequest(models.Model):
    """A request to see or get a copy of an official document (begäran om allmän handling,
    TF 2 kap. 15–16 §§), sent from the portal to the registrar of the municipality's board.

    What was asked for is kept as text beside the links to the case and document, so that a
    re-import that replaces the rows never loses it. Like every row of the diary it holds only
    what may be published: a secret document's display title, never its real one. Anyone may
    ask anonymously, so every contact detail is optional (TF 2 kap. 18 §)."""

    class Access(models.TextChoices):
        READ_ON_SITE = "read", _("Läsa handlingen på plats hos kommunen")
        PAPER = "paper", _("Kopia på papper, med post")
        ELECTRONIC = "electronic", _("Elektronisk kopia med e-post")

    class Status(models.TextChoices):
        NEW = "new", _("Ny")
        IN_PROGRESS = "in_progress", _("Under handläggning")
        HANDLED = "handled", _("Hanterad")

    reference = models.CharField(
        _("referens"),
        max_length=20,
        unique=True,
        editable=False,
        help_text=_("t.ex. BEG-2026-00042"),
    )
    municipality = models.ForeignKey(
        "portal.Municipality",
        verbose_name=_("kommun"),
        on_delete=models.PROTECT,
        related_name="document_requests",
    )
    register = models.ForeignKey(
        Register, verbose_name=_("diarium"), on_delete=models.PROTECT, related_name="requests"
    )
    case = models.ForeignKey(
        Case,
        verbose_name=_("ärende"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requests",
    )
    document = models.ForeignKey(
        Document,
        verbose_name=_("handling"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requests",
    )
    case_number = models.CharField(_("diarienummer"), max_length=60, blank=True)
    case_title = models.TextField(_("ärendemening"), blank=True)
    document_number = models.CharField(_("handlingsnummer"), max_length=60, blank=True)
    document_title = models.TextField(
        _("handlingens rubrik"),
        blank=True,
        help_text=_("Som den visas i diariet: för en sekretessmarkerad handling bara markeringen."),
    )
    description = models.TextField(_("vad som begärs"), blank=True)
    access = models.CharField(_("hur handlingen lämnas ut"), max_length=20, choices=Access.choices)
    name = models.CharField(_("namn"), max_length=200, blank=True)
    email = models.EmailField(_("e-postadress"), blank=True)
    postal_address = models.TextField(_("postadress"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    written_decision = models.BooleanField(
        _("vill ha skriftligt beslut vid avslag"),
        default=False,
        help_text=_("Ett beslut som går att överklaga, om kommunen inte lämnar ut handlingen."),
    )
    created_at = models.DateTimeField(_("inkom"), default=timezone.now, db_index=True)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    handled_at = models.DateTimeField(_("hanterad"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hanterad av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    internal_note = models.TextField(
        _("intern anteckning"),
        blank=True,
        help_text=_("Syns bara för registratorerna, aldrig för den som begärde handlingen."),
    )

    REFERENCE_PREFIX = "BEG"

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("begäran om handling")
        verbose_name_plural = _("begäranden om handlingar")
        indexes = [
            models.Index(
                fields=["municipality", "status", "created_at"], name="diary_req_mun_status"
            ),
        ]

    def __str__(self):
        return self.reference

    @property
    def registrar_email(self) -> str:
        """Where the request goes: the register's registrar, else the municipality."""
        return self.register.registrar_email or self.municipality.email

    @property
    def register_and_case(self) -> str:
        """ "KS: KS 2025/123" for the admin's list; the register alone for a general request."""
        if self.case_number:
            return f"{self.register.code}: {self.case_number}"
        return self.register.code

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.HANDLED

    @classmethod
    def next_reference(cls, year: int) -> str:
        """The next free reference of the year's series, e.g. BEG-2026-00042. Two requests at
        the same moment may compute the same one; the unique constraint stops the second, and
        the caller tries again (services.create_request)."""
        prefix = f"{cls.REFERENCE_PREFIX}-{year}-"
        last = (
            cls.objects.filter(reference__startswith=prefix)
            .order_by("-reference")
            .values_list("reference", flat=True)
            .first()
        )
        serial = int(last.removeprefix(prefix)) + 1 if last else 1
        return f"{prefix}{serial:05d}"
