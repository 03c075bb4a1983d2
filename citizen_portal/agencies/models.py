"""Step 4 of the 24-hour-agency staircase (integrated services): one place for the agencies a
resident meets, and the life events that take them from the municipality to those agencies.

Agency (snippet)             the register: name, web address, level, topics, description
AgencyIndexPage              /myndigheter/            every agency, by level, filtered by topic
LifeEventIndexPage           /livshandelser/          the guides
└── LifeEventGuidePage       …/flytta-till-dalsland/  step by step, services and agencies
LinkCheck, LinkOccurrence    what `manage.py check_links` found (linkcheck.py)

Guides (and service pages, through blocks.AgencyBlock) refer to an agency by its register
entry, never by a copied name and address: one edit in the register changes every page.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from citizen_portal.models import CitizenPage

from .blocks import GuideStepBlock


class AgencyLevel(models.TextChoices):
    """Where an agency sits, in the order residents meet them on /myndigheter/."""

    COUNTY = "lan", _("Län")
    REGION = "region", _("Region")
    COOPERATION = "samverkan", _("Kommunernas samarbeten")
    STATE = "stat", _("Stat")
    EU = "eu", _("EU")


# The headings of /myndigheter/, one per level.
LEVEL_HEADINGS = {
    AgencyLevel.COUNTY: _("Länet"),
    AgencyLevel.REGION: _("Regionen"),
    AgencyLevel.COOPERATION: _("Kommunernas samarbeten"),
    AgencyLevel.STATE: _("Statliga myndigheter"),
    AgencyLevel.EU: _("EU"),
}


class AgencyTopic(models.TextChoices):
    """Life events and topics: a fixed set, so the filter on /myndigheter/ stays short and every
    guide has exactly one."""

    MOVING = "flytta", _("Flytta")
    BUILDING = "bygga-och-bo", _("Bygga och bo")
    FAMILY = "barn-och-familj", _("Barn och familj")
    EDUCATION = "skola-och-utbildning", _("Skola och utbildning")
    WORK_BUSINESS = "arbete-och-foretag", _("Arbete och företag")
    HEALTH_CARE = "vard-och-omsorg", _("Vård och omsorg")
    PENSION_DEATH = "pension-och-dodsfall", _("Pension och dödsfall")
    TRAFFIC = "trafik-och-resor", _("Trafik och resor")
    SAFETY = "trygghet-och-kris", _("Trygghet och kris")
    RIGHTS = "rattigheter", _("Rättigheter och överklaganden")
    DIGITAL = "digitala-tjanster", _("E-legitimation och digitala tjänster")


class TopicListField(models.JSONField):
    """A list of AgencyTopic values, chosen with checkboxes. JSON rather than an array or a
    many-to-many table: it works alike on SQLite (the demo) and PostgreSQL, and the set is
    small enough to filter in Python."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=AgencyTopic.choices,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, list):
            raise ValidationError(_("Ämnena ska vara en lista."), code="invalid")
        unknown = sorted(set(value) - set(AgencyTopic.values))
        if unknown:
            raise ValidationError(
                _("Okända ämnen: %(topics)s") % {"topics": ", ".join(map(str, unknown))},
                code="invalid_choice",
            )


class Agency(TranslatableMixin, index.Indexed, models.Model):
    """A county, regional, state or EU agency (Länsstyrelsen, Skatteverket, …), as residents
    meet it: its name, its web address and what they go there for.

    Translated with wagtail-localize like pages: the name and description are translated, the
    address, level and topics are the same in every language (kept equal in `save`)."""

    name = models.CharField(
        _("namn"),
        max_length=200,
        help_text=_("Namnet som invånare känner, t.ex. Skatteverket."),
    )
    short_name = models.CharField(
        _("kortnamn"),
        max_length=50,
        blank=True,
        help_text=_("En välkänd förkortning, t.ex. VGR eller CSN. Lämna tomt om det inte finns."),
    )
    url = models.URLField(
        _("webbadress"),
        max_length=500,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_(
            "Myndighetens startsida eller sida för e-tjänster. Djupare adresser ändras ofta, "
            "så länka hellre till startsidan."
        ),
    )
    level = models.CharField(_("nivå"), max_length=20, choices=AgencyLevel.choices)
    topics = TopicListField(
        _("ämnen"),
        help_text=_("Livshändelser och ämnen där invånare behöver myndigheten."),
    )
    description = models.TextField(
        _("beskrivning"),
        max_length=500,
        help_text=_("Vad invånare gör där, i en eller två meningar på enkel svenska."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("url"),
        FieldPanel("level"),
        FieldPanel("description"),
        FieldPanel("topics"),
    ]

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("short_name", boost=2),
        index.SearchField("description"),
        index.FilterField("locale"),
        index.FilterField("level"),
    ]

    # The fields that are the same in every language (wagtail-localize synchronises them too).
    SHARED_FIELDS = ("url", "level", "topics")

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("myndighet")
        verbose_name_plural = _("myndigheter")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.url = self.url.strip()
        super().save(*args, **kwargs)
        # wagtail-localize copies synchronised fields only when a translation is next updated;
        # a changed address must reach the English pages at once.
        Agency.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk).update(
            **{name: getattr(self, name) for name in self.SHARED_FIELDS}
        )


# --- Pages ------------------------------------------------------------------------------------


class AgencyIndexPage(CitizenPage):
    """/myndigheter/: every agency in the register, grouped by level, filtered by topic with
    `?amne=`."""

    parent_page_types = ["citizen_portal.CitizenHomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = CitizenPage.content_panels + [FieldPanel("intro")]
    template = "agencies/agency_index_page.html"

    class Meta:
        verbose_name = _("myndighetslista")

    def get_context(self, request, *args, **kwargs):
        # registry reads these models: imported here, not at the top.
        from .registry import agency_groups

        context = super().get_context(request, *args, **kwargs)
        topic = request.GET.get("amne", "")
        if topic not in AgencyTopic.values:
            topic = ""
        groups = agency_groups(self.locale, topic)
        context.update(
            groups=groups,
            agency_count=sum(len(group["links"]) for group in groups),
            topics=AgencyTopic.choices,
            selected_topic=topic,
            selected_topic_label=AgencyTopic(topic).label if topic else "",
            guide=(
                LifeEventGuidePage.objects.live()
                .public()
                .filter(locale_id=self.locale_id, topic=topic)
                .first()
                if topic
                else None
            ),
        )
        return context


class LifeEventIndexPage(CitizenPage):
    """/livshandelser/: the life-event guides."""

    parent_page_types = ["citizen_portal.CitizenHomePage"]
    subpage_types = ["agencies.LifeEventGuidePage"]
    max_count_per_parent = 1
    content_panels = CitizenPage.content_panels + [FieldPanel("intro")]
    template = "agencies/life_event_index_page.html"

    class Meta:
        verbose_name = _("livshändelser")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = LifeEventGuidePage.objects.child_of(self).live().public()
        return context


class LifeEventGuidePage(CitizenPage):
    """One life event, step by step: what to do, at the municipality (its service pages and
    e-services) and at the agencies in the register, in the order a resident does it."""

    topic = models.CharField(
        _("livshändelse"),
        max_length=40,
        choices=AgencyTopic.choices,
        help_text=_("Sidan Myndigheter visar guiden när någon väljer samma ämne."),
    )
    steps = StreamField(
        [("step", GuideStepBlock())],
        min_num=1,
        verbose_name=_("steg"),
        help_text=_("Ett steg per sak att göra, i den ordning man gör dem."),
    )

    parent_page_types = ["agencies.LifeEventIndexPage"]
    subpage_types = []
    content_panels = CitizenPage.content_panels + [
        MultiFieldPanel([FieldPanel("intro"), FieldPanel("topic")], heading=_("Om guiden")),
        FieldPanel("steps"),
    ]
    search_fields = CitizenPage.search_fields + [
        index.SearchField("steps"),
        index.FilterField("topic"),
    ]
    template = "agencies/life_event_guide_page.html"

    class Meta:
        verbose_name = _("livshändelseguide")

    def get_context(self, request, *args, **kwargs):
        # registry reads these models: imported here, not at the top.
        from .registry import GuideLinks

        context = super().get_context(request, *args, **kwargs)
        links = GuideLinks(request, self.locale)
        links.preload(self.steps)
        context["guide_links"] = links
        context["agency_index"] = (
            AgencyIndexPage.objects.live().public().filter(locale_id=self.locale_id).first()
        )
        return context


# --- The link check ---------------------------------------------------------------------------


class LinkCheck(models.Model):
    """One external address found on a live page or in the register, and what it answered
    when `manage.py check_links` last asked (citizen_portal.agencies.linkcheck)."""

    class Error(models.TextChoices):
        TIMEOUT = "timeout", _("Svarade inte i tid")
        CONNECTION = "connection", _("Gick inte att ansluta till")
        CERTIFICATE = "certificate", _("Fel på certifikatet")
        REDIRECTS = "redirects", _("För många omdirigeringar")
        INVALID = "invalid", _("Ogiltig adress")
        OTHER = "other", _("Annat fel")

    url = models.CharField(_("adress"), max_length=2000, unique=True)
    status_code = models.PositiveSmallIntegerField(_("statuskod"), null=True, blank=True)
    ok = models.BooleanField(_("fungerar"), default=True, db_index=True)
    error = models.CharField(_("fel"), max_length=20, choices=Error.choices, blank=True)
    redirected_to = models.CharField(_("leder till"), max_length=2000, blank=True)
    checked_at = models.DateTimeField(_("kontrollerad"), null=True, blank=True)
    first_failed_at = models.DateTimeField(_("trasig sedan"), null=True, blank=True)
    pages = models.ManyToManyField(
        Page, through="LinkOccurrence", related_name="+", verbose_name=_("sidor")
    )
    agencies = models.ManyToManyField(
        Agency, blank=True, related_name="link_checks", verbose_name=_("myndigheter")
    )

    class Meta:
        ordering = ["url"]
        verbose_name = _("länkkontroll")
        verbose_name_plural = _("länkkontroller")

    def __str__(self):
        return self.url

    @property
    def problem(self) -> str:
        """What is wrong, in words an editor understands."""
        if self.ok:
            return ""
        if self.error:
            return str(self.Error(self.error).label)
        code = self.status_code
        if code in (404, 410):
            return _("Sidan finns inte (%(code)s)") % {"code": code}
        if code in (401, 403):
            return _("Sidan är inte öppen för alla (%(code)s)") % {"code": code}
        if code is not None and code >= 500:
            return _("Fel hos webbplatsen (%(code)s)") % {"code": code}
        return _("Svarade med felkod %(code)s") % {"code": code}


class LinkOccurrence(models.Model):
    """That a page links an address, and whether the page's owner has been told the address
    is broken: once per link and page, until it works again."""

    link = models.ForeignKey(LinkCheck, on_delete=models.CASCADE, related_name="occurrences")
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    owner_notified_at = models.DateTimeField(_("ägaren meddelad"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["link", "page"], name="agencies_one_occurrence")
        ]

    def __str__(self):
        return f"{self.link.url} @ {self.page_id}"
