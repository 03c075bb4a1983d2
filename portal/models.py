"""The organisation as data: the five municipalities, their departments and boards, and the
Dalsland-wide level for joint content.

A page, a case or a diary entry that belongs to one municipality points to a `Municipality`;
content for all of Dalsland points to none (each municipality's boards are
the controllers of their own information, strategy appendix C level 3).
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page
from wagtail.search import index

org_number_validator = RegexValidator(
    r"^\d{6}-\d{4}$", _("Ange organisationsnumret som 212000-1488.")
)
municipality_code_validator = RegexValidator(r"^\d{4}$", _("Kommunkoden har fyra siffror."))


class Municipality(index.Indexed, models.Model):
    """One of the five municipalities of Dalsland."""

    slug = models.SlugField(_("kortnamn i adressen"), unique=True, help_text=_("t.ex. mellerud"))
    name = models.CharField(_("namn"), max_length=100, help_text=_("t.ex. Melleruds kommun"))
    short_name = models.CharField(_("kort namn"), max_length=50, help_text=_("t.ex. Mellerud"))
    municipality_code = models.CharField(
        _("kommunkod"), max_length=4, unique=True, validators=[municipality_code_validator]
    )
    org_number = models.CharField(
        _("organisationsnummer"),
        max_length=11,
        blank=True,
        validators=[org_number_validator],
        help_text=_("Lämnas tomt om det inte är bekräftat."),
    )
    website = models.URLField(_("webbplats"))
    email = models.EmailField(_("e-post"))
    phone = models.CharField(_("telefon (växel)"), max_length=30)
    visiting_address = models.CharField(_("besöksadress"), max_length=200, blank=True)
    postal_address = models.CharField(_("postadress"), max_length=200)
    opening_hours = models.TextField(_("öppettider"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("short_name"),
                FieldPanel("slug"),
                FieldPanel("municipality_code"),
                FieldPanel("org_number"),
            ],
            heading=_("Kommunen"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("visiting_address"),
                FieldPanel("postal_address"),
                FieldPanel("opening_hours"),
            ],
            heading=_("Kontaktuppgifter"),
        ),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("kommun")
        verbose_name_plural = _("kommuner")

    def __str__(self):
        return self.name

    @property
    def peppol_id(self) -> str:
        """The e-invoice address: 0007 followed by the organisation number's digits."""
        return f"0007:{self.org_number.replace('-', '')}" if self.org_number else ""


class Department(index.Indexed, models.Model):
    """A förvaltning, nämnd or joint body (kommunalförbund) that owns services and content."""

    class Kind(models.TextChoices):
        ADMINISTRATION = "forvaltning", _("Förvaltning")
        BOARD = "namnd", _("Nämnd")
        JOINT_BODY = "forbund", _("Kommunalförbund eller gemensam nämnd")
        UNIT = "enhet", _("Enhet")

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kommun"),
        on_delete=models.PROTECT,
        related_name="departments",
        null=True,
        blank=True,
        help_text=_("Lämna tomt för ett gemensamt organ för Dalsland."),
    )
    member_municipalities = models.ManyToManyField(
        Municipality,
        verbose_name=_("medlemskommuner"),
        blank=True,
        related_name="joint_bodies",
        help_text=_("För gemensamma organ: de kommuner som organet arbetar för."),
    )
    name = models.CharField(_("namn"), max_length=150)
    slug = models.SlugField(_("kortnamn i adressen"))
    kind = models.CharField(
        _("typ"), max_length=20, choices=Kind.choices, default=Kind.ADMINISTRATION
    )
    description = models.TextField(_("beskrivning"), blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    visiting_address = models.CharField(_("besöksadress"), max_length=200, blank=True)

    panels = [
        FieldPanel("municipality"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("member_municipalities"),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("visiting_address")],
            heading=_("Kontaktuppgifter"),
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("municipality"),
    ]

    class Meta:
        ordering = ["municipality__sort_order", "name"]
        verbose_name = _("förvaltning eller nämnd")
        verbose_name_plural = _("förvaltningar och nämnder")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="department_unique_slug"),
        ]

    def __str__(self):
        owner = self.municipality.short_name if self.municipality_id else _("Dalsland")
        return f"{self.name} ({owner})"

    @property
    def is_joint(self) -> bool:
        return self.municipality_id is None


class MunicipalityOwnedMixin(models.Model):
    """For pages: the owning municipality is derived from the page's place in the tree, so it
    can be filtered on (topic pages, news lists, search) without walking ancestors. A page type
    that chooses its municipality itself sets `owns_municipality = True` and redefines the
    field as editable."""

    owns_municipality = False

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kommun"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.owns_municipality:
            parent = self.get_parent() if self.path else None
            self.municipality = getattr(parent.specific, "municipality", None) if parent else None
        return super().save(*args, **kwargs)


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Dalsland-wide contact details and notices shown in every page's header and footer."""

    contact_name = models.CharField(
        _("gemensam kontakt"), max_length=100, default="Dalslandskommunernas kontaktcenter"
    )
    contact_email = models.EmailField(_("e-post"), blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=30, blank=True)
    accessibility_statement = models.ForeignKey(
        Page,
        verbose_name=_("tillgänglighetsredogörelse"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_page = models.ForeignKey(
        Page,
        verbose_name=_("kontaktsida"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    crisis_message = models.CharField(
        _("viktigt meddelande"),
        max_length=300,
        blank=True,
        help_text=_(
            "Visas överst på varje sida, t.ex. vid en störning i vattnet. Lämna tomt annars."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Kontakt"),
        ),
        FieldPanel("contact_page"),
        FieldPanel("accessibility_statement"),
        FieldPanel("crisis_message"),
    ]

    class Meta:
        verbose_name = _("portalens inställningar")


class ReviewedPageForm(WagtailAdminPageForm):
    """The editor's form for a page with a review date: the date must lie ahead."""

    def clean_review_by(self):
        review_by = self.cleaned_data["review_by"]
        if review_by and review_by < timezone.localdate():
            raise ValidationError(
                _(
                    "Datumet har redan passerat. Välj ett datum framåt, när sidan ska granskas "
                    "nästa gång."
                )
            )
        return review_by


class ReviewedPageMixin(models.Model):
    """A page that is true only until a date: its owner is reminded before `review_by`, may
    confirm it is still valid (which moves the date on by `review_interval_months`), and past
    the date it is unpublished and listed as stale until someone confirms it (portal.review).
    """

    review_by = models.DateField(
        _("granskas senast"),
        help_text=_(
            "Ägaren får en påminnelse före datumet. Efter datumet avpubliceras sidan tills "
            "någon bekräftar att innehållet stämmer."
        ),
    )
    review_interval_months = models.PositiveSmallIntegerField(
        _("giltig så länge efter bekräftelse"),
        choices=[
            (1, _("1 månad")),
            (3, _("3 månader")),
            (6, _("6 månader")),
            (12, _("12 månader")),
            (24, _("24 månader")),
        ],
        default=12,
    )
    reminded_for = models.DateField(_("påmind inför"), null=True, blank=True, editable=False)
    stale_since = models.DateTimeField(_("inaktuell sedan"), null=True, blank=True, editable=False)
    stale_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("version som var publicerad"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    base_form_class = ReviewedPageForm

    review_panels = [
        MultiFieldPanel(
            [FieldPanel("review_by"), FieldPanel("review_interval_months")],
            heading=_("Granskning"),
        )
    ]

    class Meta:
        abstract = True


class ScheduledJob(models.Model):
    """When one of the scheduler's periodic jobs is due next and whether a scheduler process is
    running it now (portal.scheduler). The row is the lock that keeps two scheduler processes
    from running the same job twice."""

    name = models.CharField(max_length=100, unique=True)
    next_run_at = models.DateTimeField()
    # Set while a process runs the job; a mark older than the job's timeout is from a process
    # that died, and another may take the job over.
    running_since = models.DateTimeField(null=True, blank=True)
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    last_result = models.CharField(max_length=300, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("schemalagt jobb")
        verbose_name_plural = _("schemalagda jobb")

    def __str__(self):
        return self.name


class OutgoingEmail(models.Model):
    """An e-mail the portal sends (portal.outbox): stored in the same transaction as what
    caused it and sent by the task worker, so no request waits for the mail server and nothing
    is lost while it is down. E-mails about cases have their own outbox
    (eservices.Notification), which the same delivery code sends."""

    kind = models.CharField(_("slag"), max_length=40)
    # Set where one event must give at most one e-mail, e.g. "form:F-2026-0042:unit": a second
    # queue() with the same key stores and sends nothing.
    key = models.CharField(max_length=200, unique=True, null=True, blank=True)
    subject = models.CharField(_("ämne"), max_length=300)
    body = models.TextField()
    # The HTML version of a message that has one (Wagtail's notices can); empty for most.
    html_body = models.TextField(blank=True)
    from_email = models.CharField(max_length=300, blank=True)
    to = models.JSONField(default=list)
    cc = models.JSONField(default=list, blank=True)
    bcc = models.JSONField(default=list, blank=True)
    reply_to = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(sent_at__isnull=True),
                name="outgoing_email_due",
            )
        ]
        verbose_name = _("utgående e-post")
        verbose_name_plural = _("utgående e-post")

    def __str__(self):
        return f"{self.kind}: {self.subject}"
