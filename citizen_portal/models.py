"""Invånarportalen's page tree (step 1 of the 24-hour-agency staircase: information).

CitizenHomePage  /                       Dalsland-wide start page
├── MunicipalityPage  /mellerud/         one per municipality
│   ├── DepartmentPage  /mellerud/barn-och-utbildning/
│   │   └── ServicePage  …/forskola/     what, who, how to apply, time, fee, law, contact
│   ├── NewsIndexPage → NewsPage         the municipality's news
│   ├── ContactPage, AccessibilityStatementPage, InformationPage, FormPage
├── TopicPage  /barn-och-utbildning/     services gathered across the municipalities
├── NewsIndexPage → NewsPage             joint news, and every municipality's
├── ContactPage, AccessibilityStatementPage, InformationPage, FormPage
└── EmployeeHomePage  /medarbetare/      (employee_portal; never public)
"""

import os
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES as WAGTAIL_FORM_FIELD_CHOICES
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, FormSubmission
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal import lookups
from portal.blocks import RICH_TEXT_FEATURES, BodyBlock
from portal.files import detected_content_type, get_private_storage
from portal.models import Department, Municipality, MunicipalityOwnedMixin, ReviewedPageMixin
from portal.pages import PortalPage, PortalPageManager
from portal.pictures.models import PagePicture
from portal.pictures.renditions import with_pictures

from .agencies.blocks import AgencyBlock
from .attachments import admin_url, attachment_path
from .blocks import ApplyBlock, InaccessibleContentBlock
from .emails import queue_form_emails
from .forms import (
    CONFIRMATION_NAME,
    HONEYPOT_NAME,
    PortalFormBuilder,
    take_submission_slot,
)

NEWS_PER_PAGE = 10


class Topic(models.TextChoices):
    """The areas residents look for services in, across all five municipalities."""

    CHILDREN_EDUCATION = "barn-och-utbildning", _("Barn och utbildning")
    BUILDING_HOUSING = "bygga-bo-och-miljo", _("Bygga, bo och miljö")
    CARE_SUPPORT = "omsorg-och-stod", _("Omsorg och stöd")
    MUNICIPALITY_POLITICS = "kommun-och-politik", _("Kommun och politik")
    TRAFFIC = "trafik-och-infrastruktur", _("Trafik och infrastruktur")
    CULTURE_LEISURE = "kultur-och-fritid", _("Kultur och fritid")
    BUSINESS_WORK = "naringsliv-och-arbete", _("Näringsliv och arbete")


def live_children(page, *page_types):
    """The live, public children of `page` of these page types (its subpage types), in the
    tree's order: one query per type, however many children there are."""
    children = [
        child
        for page_type in page_types
        for child in page_type.objects.child_of(page).live().public()
    ]
    return sorted(children, key=lambda child: child.path)


def paginate(request, queryset, per_page):
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("sida", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


class CitizenPage(PortalPage, MunicipalityOwnedMixin, Page):
    """Shared by every citizen page: a short lead text (ingress) under the title."""

    objects = PortalPageManager()

    intro = models.TextField(
        _("ingress"),
        blank=True,
        max_length=400,
        help_text=_("En eller två meningar som sammanfattar sidan. Visas i sökträffar och listor."),
    )

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.FilterField("municipality"),
    ]

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        from .agencies.registry import GuideLinks

        context = super().get_context(request, *args, **kwargs)
        # Shared by every agency block on the page: one look at the link check for them all.
        context["guide_links"] = GuideLinks(request)
        return context


class CitizenHomePage(CitizenPage):
    """The Dalsland-wide start page at `/`."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("innehåll"))
    featured_services = StreamField(
        [("service", blocks.PageChooserBlock(page_type="citizen_portal.ServicePage"))],
        blank=True,
        verbose_name=_("utvalda tjänster"),
        help_text=_("De tjänster som flest söker, visas som genvägar på startsidan."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "citizen_portal.MunicipalityPage",
        "citizen_portal.TopicPage",
        "citizen_portal.NewsIndexPage",
        "citizen_portal.ContactPage",
        "citizen_portal.AccessibilityStatementPage",
        "citizen_portal.InformationPage",
        "citizen_portal.FormPage",
        "agencies.AgencyIndexPage",
        "agencies.LifeEventIndexPage",
        "employee_portal.EmployeeHomePage",
    ]
    content_panels = CitizenPage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("featured_services"),
        FieldPanel("body"),
    ]
    search_fields = CitizenPage.search_fields + [index.SearchField("body")]

    class Meta:
        verbose_name = _("startsida för invånare")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["municipality_pages"] = (
            MunicipalityPage.objects.child_of(self).live().public().select_related("municipality")
        )
        context["topic_pages"] = TopicPage.objects.child_of(self).live().public()
        context["latest_news"] = with_pictures(
            NewsPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .select_related("municipality")
            .order_by("-date", "-pk")
        )[:4]
        return context


class MunicipalityPage(PagePicture, CitizenPage):
    """One municipality's start page, e.g. `/mellerud/`."""

    owns_municipality = True
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kommun"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("innehåll"))

    parent_page_types = ["citizen_portal.CitizenHomePage"]
    subpage_types = [
        "citizen_portal.DepartmentPage",
        "citizen_portal.NewsIndexPage",
        "citizen_portal.ContactPage",
        "citizen_portal.AccessibilityStatementPage",
        "citizen_portal.InformationPage",
        "citizen_portal.FormPage",
    ]
    content_panels = CitizenPage.content_panels + [
        FieldPanel("municipality"),
        FieldPanel("intro"),
        *PagePicture.picture_panels,
        FieldPanel("body"),
    ]
    search_fields = CitizenPage.search_fields + [index.SearchField("body")]

    class Meta:
        verbose_name = _("kommunsida")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["department_pages"] = (
            DepartmentPage.objects.child_of(self).live().public().select_related("department")
        )
        context["latest_news"] = with_pictures(
            NewsPage.objects.descendant_of(self).live().public().order_by("-date", "-pk")
        )[:3]
        context["news_index"] = NewsIndexPage.objects.child_of(self).live().first()
        context["contact_page"] = ContactPage.objects.child_of(self).live().first()
        return context


class DepartmentPage(CitizenPage):
    """A förvaltning's page: who they are and the services they give."""

    department = models.ForeignKey(
        Department,
        verbose_name=_("förvaltning eller nämnd"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("innehåll"))

    parent_page_types = ["citizen_portal.MunicipalityPage"]
    subpage_types = [
        "citizen_portal.ServicePage",
        "citizen_portal.InformationPage",
        "citizen_portal.FormPage",
    ]
    content_panels = CitizenPage.content_panels + [
        FieldPanel("department"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = CitizenPage.search_fields + [index.SearchField("body")]

    class Meta:
        verbose_name = _("förvaltningssida")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["service_pages"] = ServicePage.objects.child_of(self).live().public()
        context["other_pages"] = live_children(self, InformationPage, FormPage)
        return context


class ServicePage(PagePicture, ReviewedPageMixin, CitizenPage):
    """A service the municipality gives: what it is, who can get it, how to apply, how long it
    takes, what it costs, the law behind it, whom to contact and which agencies are involved.

    Fees, time limits and rules change, so a service page has a review date like the employee
    portal's pages (portal.models.ReviewedPageMixin, docs/content-review.md): its owner is
    reminded before it, and past it the page is unpublished until someone confirms it."""

    topic = models.CharField(_("område"), max_length=40, choices=Topic.choices)
    keywords = models.CharField(
        _("sökord"),
        max_length=255,
        blank=True,
        help_text=_(
            "Andra ord som invånare använder, t.ex. dagis, barnomsorg. Syns inte på sidan."
        ),
    )
    description = RichTextField(_("vad är det?"), features=RICH_TEXT_FEATURES)
    eligibility = RichTextField(_("vem kan få?"), features=RICH_TEXT_FEATURES, blank=True)
    how_to_apply = RichTextField(_("så ansöker du"), features=RICH_TEXT_FEATURES, blank=True)
    apply = StreamField(
        ApplyBlock(),
        blank=True,
        max_num=3,
        verbose_name=_("ansök här"),
        help_text=_("E-tjänst, webbformulär eller blankett."),
    )
    processing_time = models.CharField(
        _("handläggningstid"),
        max_length=255,
        blank=True,
        help_text=_("t.ex. Plats erbjuds inom fyra månader från ansökan."),
    )
    fee = RichTextField(_("avgift"), features=["bold", "italic", "ul", "link"], blank=True)
    legal_basis = RichTextField(
        _("lagstöd"),
        features=["bold", "italic", "ul", "link"],
        blank=True,
        help_text=_("t.ex. Skollagen (2010:800) 8 kap."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("mer information"))
    contact_name = models.CharField(
        _("kontakt"),
        max_length=150,
        blank=True,
        help_text=_("Lämna tomt för förvaltningens kontaktuppgifter."),
    )
    contact_phone = models.CharField(_("telefon"), max_length=30, blank=True)
    contact_email = models.EmailField(_("e-post"), blank=True)
    related_agencies = StreamField(
        # From the agency register (citizen_portal.agencies): name and address are read from
        # there, so one edit reaches every page, and the link check covers them.
        [("agency", AgencyBlock())],
        blank=True,
        verbose_name=_("andra myndigheter"),
    )

    parent_page_types = ["citizen_portal.DepartmentPage"]
    subpage_types = ["citizen_portal.InformationPage", "citizen_portal.FormPage"]
    content_panels = CitizenPage.content_panels + [
        FieldPanel("intro"),
        *PagePicture.picture_panels,
        FieldPanel("topic"),
        FieldPanel("description"),
        FieldPanel("eligibility"),
        FieldPanel("how_to_apply"),
        FieldPanel("apply"),
        MultiFieldPanel(
            [FieldPanel("processing_time"), FieldPanel("fee"), FieldPanel("legal_basis")],
            heading=_("Tid, avgift och lagstöd"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_phone"), FieldPanel("contact_email")]),
            ],
            heading=_("Kontakt"),
        ),
        FieldPanel("related_agencies"),
        *ReviewedPageMixin.review_panels,
    ]
    promote_panels = CitizenPage.promote_panels + [FieldPanel("keywords")]
    search_fields = CitizenPage.search_fields + [
        index.SearchField("keywords", boost=2),
        index.SearchField("description"),
        index.SearchField("eligibility"),
        index.SearchField("how_to_apply"),
        index.SearchField("body"),
        index.AutocompleteField("keywords"),
        index.FilterField("topic"),
    ]

    class Meta:
        verbose_name = _("tjänstesida")

    @cached_property
    def department(self):
        """The department whose page this service page is under (from memory after the
        first time: portal/lookups.py)."""
        parent_path = self.path[: -self.steplen]

        def load():
            departments = DepartmentPage.objects.filter(path=parent_path).values("department_id")
            return Department.objects.filter(pk__in=departments).first()

        return lookups.remembered(Department, ("department-of", parent_path), load)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        department = self.department
        context["department"] = department
        # Its title and address, for a link: from memory after the first time.
        context["topic_page"] = lookups.remembered(
            Page,
            ("topic-page", self.locale_id, self.topic),
            lambda: (
                Page.objects.live()
                .filter(locale_id=self.locale_id, topicpage__topic=self.topic)
                .first()
            ),
        )
        context["contact"] = {
            "name": self.contact_name or (department.name if department else ""),
            "phone": self.contact_phone or (department.phone if department else ""),
            "email": self.contact_email or (department.email if department else ""),
        }
        return context


class TopicPage(PagePicture, CitizenPage):
    """An area such as "Barn och utbildning", gathering services across the municipalities."""

    topic = models.CharField(_("område"), max_length=40, choices=Topic.choices)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("innehåll"))

    parent_page_types = ["citizen_portal.CitizenHomePage"]
    subpage_types = ["citizen_portal.InformationPage"]
    content_panels = CitizenPage.content_panels + [
        FieldPanel("topic"),
        FieldPanel("intro"),
        *PagePicture.picture_panels,
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("områdessida")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        services = with_pictures(
            ServicePage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, topic=self.topic)
            .select_related("municipality")
            .order_by("municipality__sort_order", "title")
        )
        selected = request.GET.get("kommun", "")
        municipalities = list(Municipality.objects.all())
        if selected in {m.slug for m in municipalities}:
            services = services.filter(municipality__slug=selected)
        else:
            selected = ""
        groups = {}
        for service in services:
            groups.setdefault(service.municipality, []).append(service)
        context["service_groups"] = list(groups.items())
        context["service_count"] = sum(len(v) for v in groups.values())
        context["selected_municipality"] = selected
        context["municipalities"] = municipalities
        return context


class NewsIndexPage(CitizenPage):
    """News for one municipality, or for all of Dalsland when it sits under the home page."""

    parent_page_types = ["citizen_portal.CitizenHomePage", "citizen_portal.MunicipalityPage"]
    subpage_types = ["citizen_portal.NewsPage"]
    content_panels = CitizenPage.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("nyhetslista")

    def get_news(self):
        news = NewsPage.objects.live().public().filter(locale_id=self.locale_id)
        if self.municipality_id:
            news = news.descendant_of(self.get_parent())
        return with_pictures(news.select_related("municipality").order_by("-date", "-pk"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = self.get_news()
        selected = request.GET.get("kommun", "")
        municipalities = list(Municipality.objects.all())
        if not self.municipality_id and selected in {m.slug for m in municipalities}:
            news = news.filter(municipality__slug=selected)
        else:
            selected = ""
        context["news_page"] = paginate(request, news, NEWS_PER_PAGE)
        context["selected_municipality"] = selected
        context["municipalities"] = municipalities
        return context


class NewsPage(PagePicture, CitizenPage):
    date = models.DateField(_("datum"))
    body = StreamField(BodyBlock(), verbose_name=_("innehåll"))

    parent_page_types = ["citizen_portal.NewsIndexPage"]
    subpage_types = []
    content_panels = CitizenPage.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        *PagePicture.picture_panels,
        FieldPanel("body"),
    ]
    search_fields = CitizenPage.search_fields + [
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = _("nyhet")


class ContactPage(CitizenPage):
    """How to reach the municipality (or every municipality, at the Dalsland level)."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("innehåll"))

    parent_page_types = ["citizen_portal.CitizenHomePage", "citizen_portal.MunicipalityPage"]
    subpage_types = []
    content_panels = CitizenPage.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("kontaktsida")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.municipality_id:
            context["contact_municipalities"] = [self.municipality]
            context["departments"] = Department.objects.filter(municipality=self.municipality)
        else:
            context["contact_municipalities"] = Municipality.objects.all()
            context["departments"] = Department.objects.filter(municipality__isnull=True)
        return context


class AccessibilityStatementPage(CitizenPage):
    """Tillgänglighetsredogörelse under lag (2018:1937), with the items Digg requires: the
    compliance status, what is not accessible and why, the date and method of the assessment,
    the feedback function and Digg's complaints function."""

    class Compliance(models.TextChoices):
        FULL = "helt", _("helt förenlig")
        PARTIAL = "delvis", _("delvis förenlig")
        NONE = "inte", _("inte förenlig")

    organisation_name = models.CharField(
        _("offentlig aktör"),
        max_length=255,
        help_text=_(
            "t.ex. Melleruds kommun, eller alla fem kommunerna för den gemensamma portalen."
        ),
    )
    service_name = models.CharField(_("digital service"), max_length=255)
    services_covered = RichTextField(
        _("tjänster som omfattas"),
        features=["ul", "link"],
        blank=True,
    )
    compliance = models.CharField(
        _("förenlighet med lagkraven"),
        max_length=10,
        choices=Compliance.choices,
    )
    inaccessible_content = StreamField(
        [("item", InaccessibleContentBlock())],
        blank=True,
        verbose_name=_("innehåll som inte är tillgängligt"),
    )
    disproportionate_burden = RichTextField(
        _("oskäligt betungande anpassning"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("DOS-lagen 12 §: innehåll som undantas, med skälen."),
    )
    outside_scope = RichTextField(
        _("innehåll som inte omfattas av lagen"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("DOS-lagen 9 §, t.ex. äldre dokument och innehåll från tredje part."),
    )
    evaluation_method = RichTextField(_("hur vi testat"), features=RICH_TEXT_FEATURES)
    assessed_on = models.DateField(_("bedömningen gjordes"))
    updated_on = models.DateField(_("redogörelsen uppdaterades"))
    feedback_page = models.ForeignKey(
        "citizen_portal.FormPage",
        verbose_name=_("formulär för återkoppling"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    feedback_text = RichTextField(
        _("återkoppling och kontakt"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Hur man anmäler brister och begär innehåll i tillgängligt format."),
    )

    parent_page_types = ["citizen_portal.CitizenHomePage", "citizen_portal.MunicipalityPage"]
    subpage_types = []
    content_panels = CitizenPage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("service_name"),
                FieldPanel("services_covered"),
                FieldPanel("compliance"),
            ],
            heading=_("Vem och vad"),
        ),
        FieldPanel("inaccessible_content"),
        FieldPanel("disproportionate_burden"),
        FieldPanel("outside_scope"),
        MultiFieldPanel(
            [
                FieldPanel("evaluation_method"),
                FieldRowPanel([FieldPanel("assessed_on"), FieldPanel("updated_on")]),
            ],
            heading=_("Bedömning"),
        ),
        FieldPanel("feedback_page"),
        FieldPanel("feedback_text"),
    ]

    class Meta:
        verbose_name = _("tillgänglighetsredogörelse")

    DIGG_COMPLAINT_URL = "https://www.digg.se/tdosanmalan"


class InformationPage(CitizenPage):
    """A plain page of information: privacy, cookies, national minorities, about the site."""

    body = StreamField(BodyBlock(), verbose_name=_("innehåll"))

    parent_page_types = [
        "citizen_portal.CitizenHomePage",
        "citizen_portal.MunicipalityPage",
        "citizen_portal.DepartmentPage",
        "citizen_portal.ServicePage",
        "citizen_portal.TopicPage",
        "citizen_portal.InformationPage",
    ]
    subpage_types = ["citizen_portal.InformationPage", "citizen_portal.FormPage"]
    content_panels = CitizenPage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = CitizenPage.search_fields + [index.SearchField("body")]

    class Meta:
        verbose_name = _("informationssida")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = live_children(self, InformationPage, FormPage)
        return context


FORM_FIELD_CHOICES = [*WAGTAIL_FORM_FIELD_CHOICES, ("file", _("Filuppladdning"))]


class FormField(TranslatableMixin, AbstractFormField):
    """One field of a built form. Translatable, so an English form page asks in English; the
    field's name (`clean_name`) stays the same in every language."""

    page = ParentalKey(
        "citizen_portal.FormPage", on_delete=models.CASCADE, related_name="form_fields"
    )
    field_type = models.CharField(
        verbose_name=_("fälttyp"), max_length=16, choices=FORM_FIELD_CHOICES
    )
    field_type.required_on_save = True

    override_translatable_fields = [SynchronizedField("clean_name")]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class FormReferenceCounter(models.Model):
    """The last reference number handed out in a year; one row per year."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last_number}"

    @classmethod
    def next_reference(cls, year: int) -> str:
        """`F-2026-00123`: the year and a number counted up within it, in the caller's
        transaction (the row stays locked until it commits, so two submissions never share
        a number)."""
        cls.objects.get_or_create(year=year)
        cls.objects.filter(year=year).update(last_number=models.F("last_number") + 1)
        number = cls.objects.select_for_update().get(year=year).last_number
        return f"F-{year}-{number:05d}"


class FormPageSubmission(FormSubmission):
    """A submission with the reference number the resident is given as a receipt. A child of
    Wagtail's own FormSubmission, so everything that lists those still finds it."""

    reference = models.CharField(_("referensnummer"), max_length=20, unique=True)
    confirmation_requested = models.BooleanField(_("bekräftelse begärd"), default=False)

    class Meta:
        verbose_name = _("inskickat formulär")
        verbose_name_plural = _("inskickade formulär")

    def __str__(self):
        return self.reference

    def get_data(self):
        data = {**super().get_data(), "reference": self.reference}
        for attachment in self.attachments.all():
            data[attachment.field_name] = attachment.original_name
            data[attachment_link_name(attachment.field_name)] = admin_url(attachment)
        return data


ATTACHMENT_LINK_SUFFIX = "__lank"


def attachment_link_name(field_name: str) -> str:
    """The column of the admin link next to a file field's column in the export."""
    return f"{field_name}{ATTACHMENT_LINK_SUFFIX}"


class FormAttachment(models.Model):
    """A file attached to a submission, stored privately (citizen_portal.attachments) and
    deleted with the submission."""

    submission = models.ForeignKey(
        FormPageSubmission,
        verbose_name=_("inskickat formulär"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    field_name = models.CharField(_("fält"), max_length=255)
    file = models.FileField(
        _("fil"), storage=get_private_storage, upload_to=attachment_path, max_length=255
    )
    original_name = models.CharField(_("filnamn"), max_length=255)
    content_type = models.CharField(_("filtyp"), max_length=100)
    size = models.PositiveBigIntegerField(_("storlek i byte"))

    class Meta:
        verbose_name = _("bilaga")
        verbose_name_plural = _("bilagor")

    def __str__(self):
        return self.original_name


@receiver(post_delete, sender=FormAttachment)
def delete_attachment_file(sender, instance, **kwargs):
    """The stored file goes with its row, also when a whole submission or page is deleted."""
    if instance.file:
        instance.file.storage.delete(instance.file.name)


# How long a form's submissions are kept unless its editor says otherwise (FormPage.retention_days,
# citizen_portal.retention): a year covers a municipality's handling of nearly every form.
DEFAULT_FORM_RETENTION_DAYS = 365


class FormPage(PortalPage, MunicipalityOwnedMixin, AbstractEmailForm):
    """A form editors build themselves (blankettservice, step 2).

    A submission is stored, with its reference number and files, before anything else happens;
    the e-mail to the receiving unit and the resident's confirmation are queued after the
    commit, so a mail server that is down loses nothing. The resident is redirected to the
    receipt, so a reload does not send the form twice."""

    objects = PortalPageManager()

    intro = models.TextField(_("ingress"), blank=True, max_length=400)
    body = RichTextField(_("text före formuläret"), features=RICH_TEXT_FEATURES, blank=True)
    thank_you_text = RichTextField(
        _("text efter inskickat formulär"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Vad händer nu? Till exempel när den som skickat kan vänta sig svar."),
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("mottagande förvaltning"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Är Till-adress tomt går formuläret till förvaltningens e-post, och har den "
            "ingen, till kommunens. Förvaltningen visas också på kvittot."
        ),
    )
    send_confirmation = models.BooleanField(
        _("erbjud bekräftelse med e-post"),
        default=False,
        help_text=_(
            "Lägger till en kryssruta efter formulärets första e-postfält. Bekräftelsen har "
            "referensnumret, formulärets namn och datum, men inte svaren."
        ),
    )

    retention_days = models.PositiveIntegerField(
        _("gallras efter (dagar)"),
        default=DEFAULT_FORM_RETENTION_DAYS,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Invånarens svar och bifogade filer tas bort så här många dagar efter att "
            "formuläret skickades in. Ett svar som måste sparas längre ska registreras i "
            "kommunens ärendehanteringssystem."
        ),
    )

    form_builder = PortalFormBuilder
    override_translatable_fields = [
        SynchronizedField("to_address"),
        SynchronizedField("subject"),
    ]

    parent_page_types = [
        "citizen_portal.CitizenHomePage",
        "citizen_portal.MunicipalityPage",
        "citizen_portal.DepartmentPage",
        "citizen_portal.ServicePage",
        "citizen_portal.InformationPage",
    ]
    subpage_types = []
    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("form_fields", label=_("Fält")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldPanel("department"),
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
                FieldPanel("send_confirmation"),
            ],
            heading=_("E-post till mottagaren"),
        ),
    ]
    settings_panels = AbstractEmailForm.settings_panels + [
        MultiFieldPanel([FieldPanel("retention_days")], heading=_("Gallring")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.FilterField("municipality"),
    ]

    class Meta:
        verbose_name = _("formulär")

    def get_meta_description(self):
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        from .agencies.registry import GuideLinks

        context = super().get_context(request, *args, **kwargs)
        # Shared by every agency block on the page: one look at the link check for them all.
        context["guide_links"] = GuideLinks(request)
        return context

    # --- The form ---------------------------------------------------------------------------

    def get_form_class(self):
        builder = self.form_builder(
            self.get_form_fields(), offer_confirmation=self.send_confirmation
        )
        return builder.get_form_class()

    def get_submission_class(self):
        return FormPageSubmission

    def get_submissions_list_view_class(self):
        from .views import FormSubmissionsListView

        return FormSubmissionsListView

    def get_data_fields(self):
        """The columns of the submissions list and its CSV/XLSX export: the reference after
        the date, and for each file field its file name and the admin link to the file."""
        fields = [("submit_time", _("Inskickat")), ("reference", _("Referensnummer"))]
        for field in self.get_form_fields():
            fields.append((field.clean_name, field.label))
            if field.field_type == "file":
                fields.append(
                    (
                        attachment_link_name(field.clean_name),
                        _("%(label)s (länk)") % {"label": field.label},
                    )
                )
        return fields

    def email_field(self):
        """The field whose answer a confirmation goes to: the first e-mail field."""
        return next((f for f in self.get_form_fields() if f.field_type == "email"), None)

    def receiving_unit(self):
        """Who handles the submissions, as the receipt names them."""
        if self.department_id:
            return self.department.name
        if self.municipality_id:
            return self.municipality.name
        return ""

    def recipients(self) -> list[str]:
        """Where the notification goes: the To address(es) if set, else the receiving
        department's mailbox, else the municipality's."""
        if self.to_address:
            return [a.strip() for a in self.to_address.split(",") if a.strip()]
        if self.department_id and self.department.email:
            return [self.department.email]
        if self.municipality_id and self.municipality.email:
            return [self.municipality.email]
        return []

    @transaction.atomic
    def process_form_submission(self, form):
        cleaned = form.cleaned_data
        files = {name: cleaned.get(name) for name in form.file_fields}
        # The answers as Wagtail stores them; a file is stored as its name (the file itself in
        # FormAttachment), the honeypot and the confirmation box are no answers.
        answers = {
            name: value
            for name, value in cleaned.items()
            if name not in {HONEYPOT_NAME, CONFIRMATION_NAME, *files}
        }
        answers.update({name: upload.name if upload else "" for name, upload in files.items()})
        submission = self.get_submission_class().objects.create(
            form_data=answers,
            page=self,
            reference=FormReferenceCounter.next_reference(timezone.localdate().year),
            confirmation_requested=form.wants_confirmation,
        )
        for name, upload in files.items():
            if upload:
                FormAttachment.objects.create(
                    submission=submission,
                    field_name=name,
                    file=upload,
                    original_name=os.path.basename(upload.name)[:255],
                    content_type=detected_content_type(upload) or "",
                    size=upload.size,
                )

        # In this transaction: the e-mails are stored with the submission, and the task worker
        # sends them after the commit (portal.outbox).
        queue_form_emails(submission)
        return submission

    # --- Serving: post, redirect, get the receipt -------------------------------------------

    RECEIPT_PARAMETER = "kvitto"
    RECEIPT_SALT = "citizen_portal.form-receipt"
    RECEIPT_MAX_AGE = 24 * 60 * 60

    def receipt_url(self, request, submission):
        token = signing.dumps(submission.pk, salt=self.RECEIPT_SALT)
        return f"{self.get_url(request)}?{urlencode({self.RECEIPT_PARAMETER: token})}"

    def receipt_submission(self, request):
        token = request.GET.get(self.RECEIPT_PARAMETER)
        if not token:
            return None
        try:
            pk = signing.loads(token, salt=self.RECEIPT_SALT, max_age=self.RECEIPT_MAX_AGE)
        except signing.BadSignature:
            return None
        return self.get_submissions().filter(pk=pk).first()

    def serve(self, request, *args, **kwargs):
        context_extra = {}
        status = 200
        if request.method == "POST":
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            if form.is_valid() and form.is_spam:
                # A robot filled in the honeypot: store nothing, say nothing about why. A
                # person (whose browser filled it in) sends again and it goes through.
                context_extra["form_notice"] = _(
                    "Vi kunde inte ta emot formuläret. Kontrollera det du har skrivit och "
                    "skicka igen."
                )
                form.ask_to_choose_files_again()
            elif form.is_valid():
                if take_submission_slot(request, self):
                    submission = self.process_form_submission(form)
                    return redirect(self.receipt_url(request, submission))
                status = 429
                minutes = max(1, settings.FORM_SUBMISSIONS_WINDOW // 60)
                form.add_error(
                    None,
                    ngettext(
                        "Du har skickat många formulär på kort tid. Vänta %(minutes)s minut "
                        "och skicka sedan igen. Det du har skrivit finns kvar.",
                        "Du har skickat många formulär på kort tid. Vänta %(minutes)s minuter "
                        "och skicka sedan igen. Det du har skrivit finns kvar.",
                        minutes,
                    )
                    % {"minutes": minutes},
                )
                form.ask_to_choose_files_again()
            else:
                form.ask_to_choose_files_again()
        else:
            submission = self.receipt_submission(request)
            if submission is not None:
                response = self.render_landing_page(request, submission, *args, **kwargs)
                add_never_cache_headers(response)
                return response
            form = self.get_form(page=self, user=request.user)

        context = self.get_context(request)
        context["form"] = form
        context.update(context_extra)
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        context = self.get_context(request)
        context["form_submission"] = form_submission
        context["receiving_unit"] = self.receiving_unit()
        return TemplateResponse(request, self.get_landing_page_template(request), context)
