"""Step 3 of the staircase: personal e-services after e-ID login (docs/eservices.md).

A resident applies for a preschool place, a school or a building permit; the application is a
`Case` (ärende) of one municipality's `EService`. What is particular to each e-service (its
form, time limit, reference prefix, retention…) is its kind, in eservices.kinds; the models
ask the registry there and hold no table per e-service. The case keeps its answers (`data`), a
timestamped history (`CaseEvent`), messages both ways (`CaseMessage`), attached files
(`CaseAttachment`, stored privately) and the decision. Every view and change of a case is
written to `CaseLog`, which outlives the case when it is purged after its retention period.

Who sees a case is decided in the query (`Case.objects.for_applicant`, `for_handler`): the
applicant and a confirmed co-applicant, and the handlers of the case's own municipality who
have the e-service's permission. For anyone else the case does not exist (404).
"""

import calendar
import datetime
import math
import os
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from portal.files import get_private_storage

from . import kinds
from .kinds import Kind  # noqa: F401 - the former choices, for code written against them


class EService(models.Model):
    """One e-service as one municipality offers it: whether it is open, who handles it, how
    long closed cases are kept, and what the applicant should know first."""

    # The kind's slug; the kinds are registered in eservices.kinds.
    kind = models.CharField(_("e-tjänst"), max_length=20, choices=kinds.choices)
    municipality = models.ForeignKey(
        "portal.Municipality",
        verbose_name=_("kommun"),
        on_delete=models.PROTECT,
        related_name="eservices",
    )
    active = models.BooleanField(
        _("öppen för ansökningar"),
        default=True,
        help_text=_("En stängd e-tjänst visas inte och tar inte emot nya ansökningar."),
    )
    retention_days = models.PositiveIntegerField(
        _("gallringsfrist i dagar"),
        help_text=_(
            "Så många dagar efter att ett ärende avslutats tas det bort ur e-tjänsten. "
            "Ärendet finns kvar i kommunens ärendesystem och arkiv enligt "
            "dokumenthanteringsplanen."
        ),
    )
    introduction = models.TextField(
        _("inledning"),
        blank=True,
        help_text=_("Visas överst i ansökan: vad man behöver veta innan man börjar."),
    )
    fee_information = models.TextField(
        _("avgifter"), blank=True, help_text=_("Vad ansökan kostar och hur avgiften räknas ut.")
    )
    notification_email = models.EmailField(
        _("e-post för nya ärenden"),
        blank=True,
        help_text=_(
            "Funktionsbrevlåda som får veta när en ansökan kommer in (utan personuppgifter)."
        ),
    )
    contact = models.CharField(
        _("kontakt"),
        max_length=200,
        blank=True,
        help_text=_("Vem den sökande kan ringa eller skriva till, t.ex. en funktionsbrevlåda."),
    )
    requires_personal_identity_number = models.BooleanField(
        _("kräver svenskt personnummer"),
        null=True,
        blank=True,
        help_text=_(
            "Om den sökande måste ha ett svenskt personnummer eller samordningsnummer. Den som "
            "loggar in med en utländsk e-legitimation utan ett sådant nummer får då veta hur "
            "de ansöker på annat sätt. Lämna tomt för e-tjänstens standard."
        ),
    )
    notice_days = models.PositiveSmallIntegerField(
        _("uppsägningstid i dagar"),
        default=30,
        validators=[MaxValueValidator(365)],
        help_text=_(
            "Gäller e-tjänsten för uppsägning av plats: så många dagar efter uppsägningen kan "
            "barnets sista dag tidigast vara. 30 dagar är en månad."
        ),
    )
    # Placement offers (eservices.offers), for the preschool e-service.
    offer_answer_days = models.PositiveSmallIntegerField(
        _("svarstid för erbjudanden i dagar"),
        default=14,
        validators=[MaxValueValidator(90)],
        help_text=_(
            "Gäller förskola och fritidshem: så många dagar efter erbjudandet föreslås som sista "
            "svarsdag. Handläggaren kan ändra datumet i varje erbjudande."
        ),
    )
    offer_grace_days = models.PositiveSmallIntegerField(
        _("dagar efter påminnelsen innan erbjudandet upphör"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_(
            "Har ingen vårdnadshavare svarat när sista svarsdagen har passerat får båda en "
            "påminnelse. Så här många dagar efter påminnelsen upphör erbjudandet om ingen har "
            "svarat."
        ),
    )

    class OfferLapse(models.TextChoices):
        CLOSE = "avsluta", _("Ansökan avslutas")
        KEEP_IN_QUEUE = "ko", _("Barnet står kvar i kön")

    offer_lapse_rule = models.CharField(
        _("när ett erbjudande upphör"),
        max_length=10,
        choices=OfferLapse.choices,
        default=OfferLapse.CLOSE,
        help_text=_(
            "Ansökan avslutas: ärendet avslutas och vårdnadshavarna får ansöka på nytt om de "
            "vill ha en plats. Barnet står kvar i kön: ärendet är fortfarande öppet och "
            "handläggaren kan erbjuda en annan plats. I båda fallen har kommunen uppfyllt "
            "skyldigheten att erbjuda en plats inom fyra månader (skollagen 8 kap. 14 §); "
            "tiden börjar inte om."
        ),
    )
    service_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("tjänstesida"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Sidan som beskriver tjänsten; den länkar till e-tjänsten."),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("municipality")]),
        FieldPanel("active"),
        FieldPanel("requires_personal_identity_number"),
        FieldPanel("introduction"),
        FieldPanel("fee_information"),
        FieldPanel("contact"),
        FieldPanel("notification_email"),
        FieldPanel("service_page"),
        FieldPanel("retention_days"),
        FieldPanel("notice_days"),
        FieldRowPanel([FieldPanel("offer_answer_days"), FieldPanel("offer_grace_days")]),
        FieldPanel("offer_lapse_rule"),
    ]

    class Meta:
        verbose_name = _("e-tjänst")
        verbose_name_plural = _("e-tjänster")
        ordering = ["municipality__sort_order", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "municipality"], name="eservice_unique_kind")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.municipality.short_name}"

    def save(self, *args, **kwargs):
        if self.retention_days is None:
            # Closed cases are purged after this many days unless the e-service says
            # otherwise. The e-service holds a copy for the resident; the case record itself
            # lives on in the municipality's case management system and archive.
            self.retention_days = self.kind_def.retention_days
        if self.requires_personal_identity_number is None:
            # Whether the e-service needs the applicant's Swedish number, unless an
            # administrator says otherwise (docs/eservices.md).
            self.requires_personal_identity_number = self.kind_def.requires_personal_identity_number
        super().save(*args, **kwargs)

    @property
    def needs_personal_identity_number(self) -> bool:
        """Whether an applicant without a Swedish number (a foreign e-ID) cannot use it."""
        if self.requires_personal_identity_number is None:
            return self.kind_def.requires_personal_identity_number
        return self.requires_personal_identity_number

    def open_to(self, identity) -> bool:
        """Whether the resident `identity` can apply here: one with a Swedish number always,
        one with only a foreign e-ID when the e-service does not need a Swedish number."""
        return (
            identity is None
            or identity.has_swedish_number
            or not (self.needs_personal_identity_number)
        )

    @property
    def kind_def(self) -> "kinds.EServiceKind":
        """The registered kind: form, time limit, reference prefix… (LookupError if none)."""
        return kinds.get(self.kind)

    @property
    def handle_permission(self) -> str:
        return self.kind_def.handle_permission


class Unit(index.Indexed, models.Model):
    """A preschool, pedagogical care, after-school centre or school that applicants can rank."""

    class Type(models.TextChoices):
        PRESCHOOL = "forskola", _("Förskola")
        PEDAGOGICAL_CARE = "pedagogisk-omsorg", _("Pedagogisk omsorg")
        AFTER_SCHOOL = "fritidshem", _("Fritidshem")
        SCHOOL = "skola", _("Grundskola")

    class Organiser(models.TextChoices):
        MUNICIPAL = "kommunal", _("Kommunal")
        INDEPENDENT = "fristaende", _("Fristående")

    municipality = models.ForeignKey(
        "portal.Municipality", verbose_name=_("kommun"), on_delete=models.PROTECT
    )
    type = models.CharField(_("typ"), max_length=20, choices=Type.choices)
    name = models.CharField(_("namn"), max_length=150)
    organiser = models.CharField(
        _("huvudman"), max_length=20, choices=Organiser.choices, default=Organiser.MUNICIPAL
    )
    address = models.CharField(_("adress"), max_length=200, blank=True)
    grades = models.CharField(
        _("årskurser"), max_length=40, blank=True, help_text=_("För skolor, t.ex. F–6.")
    )
    active = models.BooleanField(_("tar emot ansökningar"), default=True)

    panels = [
        FieldRowPanel([FieldPanel("municipality"), FieldPanel("type")]),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("organiser"), FieldPanel("grades")]),
        FieldPanel("address"),
        FieldPanel("active"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("enhet")
        verbose_name_plural = _("förskolor och skolor")
        ordering = ["municipality__sort_order", "type", "name"]

    def __str__(self):
        return f"{self.name} ({self.municipality.short_name})"


class FeeCeiling(models.Model):
    """The income ceiling of the fee cap (maxtaxa) for one year, as Skolverket announces it by
    1 December for the next (förordning 2001:160). Never a constant in the code."""

    year = models.PositiveSmallIntegerField(_("år"), unique=True)
    monthly_income_ceiling = models.PositiveIntegerField(
        _("inkomsttak per månad (kr)"),
        help_text=_("Hushållets avgiftsgrundande inkomst över taket höjer inte avgiften."),
    )

    panels = [FieldPanel("year"), FieldPanel("monthly_income_ceiling")]

    class Meta:
        verbose_name = _("inkomsttak för maxtaxa")
        verbose_name_plural = _("inkomsttak för maxtaxa")
        ordering = ["-year"]

    def __str__(self):
        return f"{self.year}: {self.monthly_income_ceiling} kr"

    @classmethod
    def for_year(cls, year: int) -> "FeeCeiling | None":
        """The ceiling of `year`; None until an administrator has entered it (an older year's
        figure would tell residents the wrong fee)."""
        return cls.objects.filter(year=year).first()


class CaseQuerySet(models.QuerySet):
    def for_applicant(self, user):
        """The cases a resident may see: their own, and those that name them as co-applicant
        once submitted. Nothing for anyone without an e-ID identity."""
        identity = getattr(user, "citizen_identity", None) if user.is_authenticated else None
        if identity is None:
            return self.none()
        mine = Q(applicant=user)
        if identity.personal_identity_number:
            # Named as co-applicant by their Swedish number. A resident without one (a foreign
            # e-ID) is never matched by number: an empty number would match every case that
            # names no co-applicant, strangers' cases included.
            mine |= Q(co_applicant_number=identity.personal_identity_number) & ~Q(
                status=Case.Status.DRAFT
            )
        # Only e-services the portal still has: a case of one whose module was taken out
        # has no pages to be shown on (it is still kept, and purged in time).
        return self.filter(mine, eservice__kind__in=[kind.slug for kind in kinds.all()])

    def for_handler(self, user):
        """The submitted cases of the handler's own municipality, in the e-services they have
        permission for. Drafts are the resident's alone."""
        profile = getattr(user, "employee_profile", None) if user.is_authenticated else None
        if profile is None:
            return self.none()
        permitted = [kind.slug for kind in kinds.all() if user.has_perm(kind.handle_permission)]
        if not permitted:
            return self.none()
        return self.filter(
            municipality_id=profile.municipality_id, eservice__kind__in=permitted
        ).exclude(status=Case.Status.DRAFT)


class Case(models.Model):
    """An application and everything that follows it, until it is purged."""

    class Status(models.TextChoices):
        DRAFT = "utkast", _("Utkast")
        SUBMITTED = "inskickad", _("Inskickad")
        IN_PROGRESS = "handlaggs", _("Handläggs")
        AWAITING_COMPLETION = "komplettering", _("Väntar på komplettering")
        COMPLETED = "kompletterad", _("Kompletterad")
        DECIDED = "beslutad", _("Beslutad")
        CLOSED = "avslutad", _("Avslutad")
        WITHDRAWN = "aterkallad", _("Återkallad")

    class Outcome(models.TextChoices):
        APPROVED = "bifall", _("Bifall")
        PARTLY_APPROVED = "delvis-bifall", _("Delvis bifall")
        REJECTED = "avslag", _("Avslag")

    OPEN_STATUSES = (
        Status.SUBMITTED,
        Status.IN_PROGRESS,
        Status.AWAITING_COMPLETION,
        Status.COMPLETED,
    )
    FINAL_STATUSES = (Status.CLOSED, Status.WITHDRAWN)
    # What a handler may change an open case's status to; deciding has its own form.
    HANDLER_TRANSITIONS = {
        Status.SUBMITTED: (Status.IN_PROGRESS, Status.AWAITING_COMPLETION, Status.CLOSED),
        Status.IN_PROGRESS: (Status.AWAITING_COMPLETION, Status.CLOSED),
        Status.AWAITING_COMPLETION: (Status.IN_PROGRESS, Status.CLOSED),
        Status.COMPLETED: (Status.IN_PROGRESS, Status.AWAITING_COMPLETION, Status.CLOSED),
        Status.DECIDED: (Status.CLOSED,),
    }

    public_id = models.UUIDField(_("adress-id"), default=uuid.uuid4, unique=True, editable=False)
    # Empty (NULL, so that uniqueness holds) until the draft is submitted.
    reference = models.CharField(  # noqa: DJ001
        _("ärendenummer"), max_length=30, unique=True, null=True
    )
    eservice = models.ForeignKey(
        EService, verbose_name=_("e-tjänst"), on_delete=models.PROTECT, related_name="cases"
    )
    municipality = models.ForeignKey(
        "portal.Municipality", verbose_name=_("kommun"), on_delete=models.PROTECT, related_name="+"
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sökande"),
        on_delete=models.PROTECT,
        related_name="eservice_cases",
    )
    # The second guardian: named by the applicant, confirms in their own e-ID login.
    co_applicant_number = models.CharField(_("medsökandes personnummer"), max_length=12, blank=True)
    co_applicant_name = models.CharField(_("medsökandes namn"), max_length=150, blank=True)
    co_applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medsökande"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="eservice_co_cases",
    )
    co_applicant_confirmed_at = models.DateTimeField(_("medsökande bekräftade"), null=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    data = models.JSONField(_("uppgifter i ansökan"), default=dict, blank=True)
    # A random token in each new form, so that a form sent twice makes one case.
    submission_key = models.UUIDField(null=True, unique=True, editable=False)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    submitted_at = models.DateTimeField(_("inskickad"), null=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handläggare"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_eservice_cases",
    )
    # Building permits: the day the ten-week clock started (a complete application); empty
    # while a completion requested within three weeks of receipt is awaited.
    clock_started_on = models.DateField(_("handläggningstiden räknas från"), null=True)
    completion_requested_at = models.DateTimeField(_("komplettering begärd"), null=True)
    decision_outcome = models.CharField(
        _("beslut"), max_length=20, choices=Outcome.choices, blank=True
    )
    decision_text = models.TextField(_("beslutstext"), blank=True)
    decided_at = models.DateTimeField(_("beslutsdatum"), null=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beslutsfattare"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("avslutad"), null=True)
    # Preschool: the day a place was first offered (eservices.offers). The four-month promise
    # (skollagen 8 kap. 14 §) is kept by the offer, so its clock stops here; a declined or
    # lapsed offer does not start it again, a withdrawn one does.
    offered_on = models.DateField(_("plats erbjuden"), null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("ärende")
        verbose_name_plural = _("ärenden")
        ordering = ["-submitted_at", "-created_at"]
        # The case-handling permissions are the kinds' (EServiceKind.permission), made after
        # `migrate` for every registered kind (eservices.kinds.ensure_permissions).
        indexes = [models.Index(fields=["municipality", "status"])]

    def __str__(self):
        return self.reference or str(_("Utkast"))

    @property
    def kind(self) -> str:
        return self.eservice.kind

    @property
    def kind_def(self) -> "kinds.EServiceKind":
        return self.eservice.kind_def

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def can_withdraw(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def awaits_co_applicant(self) -> bool:
        return bool(self.co_applicant_number) and self.co_applicant_confirmed_at is None

    def names_as_co_applicant(self, identity) -> bool:
        """Whether the resident `identity` is the co-applicant this case names, by their
        Swedish number (never when either number is empty)."""
        number = getattr(identity, "personal_identity_number", None)
        return (
            bool(number) and bool(self.co_applicant_number) and self.co_applicant_number == number
        )

    def make_reference(self) -> str:
        """`FSK-1492-2026-00042`: e-service, municipality code, year, running number."""
        year = timezone.localdate(self.submitted_at).year
        prefix = self.kind_def.reference_prefix
        return f"{prefix}-{self.municipality.municipality_code}-{year}-{self.pk:05d}"

    # Time limits -----------------------------------------------------------------------

    @property
    def deadline(self) -> datetime.date | None:
        """The day by which the municipality must act, by the kind's rule (for instance the
        offer of a preschool place, the decision on a building permit); None without one."""
        if self.submitted_at is None:
            return None
        return self.kind_def.deadline(self)

    def days_left(self, today: datetime.date | None = None) -> int | None:
        deadline = self.deadline
        if deadline is None:
            return None
        if self.offered_on:
            end = self.offered_on
        elif self.decided_at:
            end = timezone.localdate(self.decided_at)
        else:
            end = today or timezone.localdate()
        return (deadline - end).days

    def deadline_state(self, today: datetime.date | None = None) -> str:
        """ "past", "near" or "" for the handler's highlighting."""
        left = self.days_left(today)
        if left is None or self.status in self.FINAL_STATUSES and not self.decided_at:
            return ""
        if self.offered_on:
            return ""  # the promise is kept by the offer (skollagen 8 kap. 14 §)
        if left < 0:
            return "past"
        if left <= self.kind_def.deadline_warning_days and not self.decided_at:
            return "near"
        return ""

    def weeks_late(self, today: datetime.date | None = None) -> int:
        """Started weeks past the time limit, for a kind whose fee drops when late (0 when on
        time or otherwise)."""
        if not self.kind_def.reduces_fee_when_late:
            return 0
        left = self.days_left(today)
        if left is None or left >= 0:
            return 0
        return math.ceil(-left / 7)

    def fee_reduction_fifths(self, today: datetime.date | None = None) -> int:
        """PBL 12 kap. 8 a §: the fee drops by a fifth for each started week late."""
        return min(5, self.weeks_late(today))


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def parse_date(value) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


class CaseEvent(models.Model):
    """One line of a case's history: submitted, status changed, message, decision…"""

    class Type(models.TextChoices):
        CREATED = "skapad", _("Utkast sparat")
        SUBMITTED = "inskickad", _("Ansökan inskickad")
        CO_APPLICANT_CONFIRMED = "medsokande", _("Medsökande har bekräftat")
        STATUS = "status", _("Status ändrad")
        ASSIGNED = "tilldelad", _("Handläggare utsedd")
        MESSAGE = "meddelande", _("Meddelande")
        COMPLETION_REQUESTED = "komplettering-begard", _("Komplettering begärd")
        COMPLETED = "kompletterad", _("Komplettering inskickad")
        DECIDED = "beslut", _("Beslut fattat")
        WITHDRAWN = "aterkallad", _("Ansökan återkallad")
        OFFERED = "erbjudande", _("Plats erbjuden")
        OFFER_ACCEPTED = "erbjudande-ja", _("Erbjudandet är antaget")
        OFFER_DECLINED = "erbjudande-nej", _("Erbjudandet är avböjt")
        OFFER_REMINDED = "erbjudande-paminnelse", _("Påminnelse om erbjudandet")
        OFFER_LAPSED = "erbjudande-upphort", _("Erbjudandet har upphört")
        OFFER_WITHDRAWN = "erbjudande-aterkallat", _("Erbjudandet är återkallat")
        # A back-office system took the case in (eservices.api: acknowledge).
        RECEIVED = "mottaget", _("Mottaget i kommunens verksamhetssystem")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    type = models.CharField(_("händelse"), max_length=30, choices=Type.choices)
    at = models.DateTimeField(_("tidpunkt"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    by_applicant = models.BooleanField(default=False)
    from_status = models.CharField(max_length=20, choices=Case.Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Case.Status.choices, blank=True)
    comment = models.TextField(_("kommentar"), blank=True)
    visible_to_applicant = models.BooleanField(default=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("händelse i ärende")
        verbose_name_plural = _("händelser i ärenden")

    def __str__(self):
        return f"{self.get_type_display()} {self.at:%Y-%m-%d %H:%M}"


class CaseMessage(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_applicant = models.BooleanField()
    body = models.TextField(_("meddelande"))
    sent_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["sent_at", "pk"]
        verbose_name = _("meddelande")
        verbose_name_plural = _("meddelanden")

    def __str__(self):
        return f"{self.case} {self.sent_at:%Y-%m-%d %H:%M}"


def case_file_path(instance, filename):
    extension = os.path.splitext(filename)[1].lower()
    return f"arenden/{timezone.localdate():%Y-%m}/{uuid.uuid4().hex}{extension}"


class CaseAttachment(models.Model):
    class Type(models.TextChoices):
        APPLICATION = "ansokan", _("Bilaga till ansökan")
        COMPLETION = "komplettering", _("Komplettering")
        MESSAGE = "meddelande", _("Bilaga till meddelande")
        DECISION = "beslut", _("Beslut")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(
        CaseMessage, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    type = models.CharField(_("typ"), max_length=20, choices=Type.choices)
    field_name = models.CharField(max_length=50, blank=True)
    file = models.FileField(storage=get_private_storage, upload_to=case_file_path)
    original_name = models.CharField(_("filnamn"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("bilaga")
        verbose_name_plural = _("bilagor")

    def __str__(self):
        return self.original_name


class CaseLog(models.Model):
    """Who looked at or changed which case, when, from where. Kept when the case is purged
    (the reference stays, the link goes), so the purge itself can be logged here."""

    class Action(models.TextChoices):
        VIEW = "visa", _("Visade ärendet")
        CHANGE = "andra", _("Ändrade ärendet")
        DOWNLOAD = "hamta", _("Hämtade en bilaga")
        EXPORT = "export", _("Hämtade sina uppgifter")
        PURGE = "gallra", _("Gallrade ärendet")

    case = models.ForeignKey(Case, null=True, on_delete=models.SET_NULL, related_name="log")
    case_reference = models.CharField(_("ärende"), max_length=60, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(_("vem"), max_length=200, blank=True)
    role = models.CharField(_("i egenskap av"), max_length=20, blank=True)
    action = models.CharField(_("åtgärd"), max_length=20, choices=Action.choices)
    detail = models.CharField(_("vad"), max_length=300, blank=True)
    at = models.DateTimeField(_("tidpunkt"), default=timezone.now, db_index=True)
    ip_address = models.GenericIPAddressField(_("IP-adress"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("logg över ärendeåtkomst")
        verbose_name_plural = _("logg över ärendeåtkomst")

    def __str__(self):
        return f"{self.case_reference} {self.get_action_display()} {self.actor_label}"


class Notification(models.Model):
    """An e-mail to send, stored in the same transaction as what caused it, so nothing is lost
    when the mail server is down: the task retries until it is sent (eservices.notifications)."""

    class Event(models.TextChoices):
        SUBMITTED = "inskickad", _("Ansökan mottagen")
        MESSAGE = "meddelande", _("Nytt meddelande")
        STATUS = "status", _("Ny status")
        CO_APPLICANT = "medsokande", _("Bekräfta ansökan")
        HANDLER_NEW_CASE = "nytt-arende", _("Nytt ärende")
        HANDLER_MESSAGE = "svar", _("Svar från sökande")
        DRAFT_REMINDER = "utkast-gallras", _("Utkast tas snart bort")
        OFFER = "erbjudande", _("Erbjudande om plats")
        OFFER_ANSWERED = "erbjudande-svar", _("Svar på erbjudande")
        OFFER_REMINDER = "erbjudande-pamint", _("Påminnelse om erbjudande")
        OFFER_LAPSED = "erbjudande-upphort", _("Erbjudandet har upphört")
        OFFER_WITHDRAWN = "erbjudande-tillbaka", _("Erbjudandet är återkallat")
        HANDLER_OFFER_ANSWERED = "erbjudande-besvarat", _("Erbjudande besvarat")

    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    event = models.CharField(max_length=20, choices=Event.choices)
    recipient = models.EmailField()
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("avisering")
        verbose_name_plural = _("aviseringar")

    def __str__(self):
        return f"{self.get_event_display()} → {self.recipient}"


class PlacementOffer(models.Model):
    """An offer of a place (erbjudande om plats) in one of the municipality's own preschools,
    pedagogical care or after-school centres, made on a preschool case by a handler or by a
    back-office system through the case API. Either guardian answers it on Mina sidor with
    e-ID; unanswered, it is reminded of and then lapses by the e-service's rule
    (EService.offer_grace_days, offer_lapse_rule). The changes are eservices.offers'."""

    class State(models.TextChoices):
        OFFERED = "erbjuden", _("Väntar på svar")
        ACCEPTED = "antagen", _("Tackat ja")
        DECLINED = "avbojd", _("Tackat nej")
        LAPSED = "upphord", _("Upphört utan svar")
        WITHDRAWN = "aterkallad", _("Återkallat")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(
        Case, verbose_name=_("ärende"), on_delete=models.CASCADE, related_name="offers"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("enhet"), on_delete=models.PROTECT, related_name="+"
    )
    start_date = models.DateField(_("startdatum"))
    answer_by = models.DateField(_("svara senast"))
    state = models.CharField(_("läge"), max_length=12, choices=State.choices, default=State.OFFERED)
    offered_at = models.DateTimeField(_("erbjuden"), default=timezone.now)
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("erbjuden av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Who made it, as written when it was made: a handler's name, or "system" for the API.
    offered_by_label = models.CharField(_("erbjuden av (namn)"), max_length=200, blank=True)
    answered_at = models.DateTimeField(_("besvarad"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("besvarad av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decline_reason = models.CharField(_("skäl att tacka nej"), max_length=300, blank=True)
    reminded_at = models.DateTimeField(_("påminnelse skickad"), null=True, blank=True)
    ended_at = models.DateTimeField(_("upphörde eller återkallades"), null=True, blank=True)

    class Meta:
        ordering = ["-offered_at", "-pk"]
        verbose_name = _("erbjudande om plats")
        verbose_name_plural = _("erbjudanden om plats")
        constraints = [
            # One offer at a time waits for an answer in a case.
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(state="erbjuden"),
                name="placementoffer_one_open_per_case",
            )
        ]
        indexes = [models.Index(fields=["state", "answer_by"])]

    def __str__(self):
        return f"{self.case} {self.unit.name} {self.start_date:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.state == self.State.OFFERED
