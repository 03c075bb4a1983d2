"""Medarbetarportalen's pages and data, under `/medarbetare/` in the one site tree.

Nothing here reaches anonymous visitors: serving requires a signed-in employee, the pages are
left out of the sitemap, and the public search excludes every page type built on
`EmployeeOnlyPage`. News and information pages carry an audience (PageAudience) and a review
date (portal.models.ReviewedPageMixin): an employee sees and opens only what is meant for them
and still valid. The application catalogue (Application) says which applications each employee
must or may have (`applications_for`); UserApplication holds what they chose and their order;
OperationalNotice is the driftinformation shown on the dashboard.
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.identity.models import EmployeeProfile
from portal.identity.roles import ROLES
from portal.models import ReviewedPageMixin
from portal.pages import PortalPage, PortalPageManager
from portal.pictures.models import PagePicture
from portal.pictures.renditions import with_pictures

from .access import (
    ACCESS_PERMISSION,
    is_employee,
    kept_private,
    login_if_not_employee,
    profile_of,
)

__all__ = ["ACCESS_PERMISSION", "is_employee"]


def audience_q(profile: EmployeeProfile | None, prefix: str = "") -> Q:
    """The audience rows (ApplicationAudience, PageAudience) that match this employee: each of
    municipality, department, role and network empty or equal to theirs. Without a profile only
    rows with every field empty match."""
    f = prefix
    if profile is None:
        return Q(
            **{
                f"{f}municipality__isnull": True,
                f"{f}department__isnull": True,
                f"{f}role": "",
                f"{f}network": "",
            }
        )
    return (
        (
            Q(**{f"{f}municipality__isnull": True})
            | Q(**{f"{f}municipality_id": profile.municipality_id})
        )
        & (
            Q(**{f"{f}department__isnull": True})
            | Q(**{f"{f}department_id": profile.department_id})
        )
        & (Q(**{f"{f}role": ""}) | Q(**{f"{f}role__in": list(profile.roles or [])}))
        & (Q(**{f"{f}network": ""}) | Q(**{f"{f}network": profile.network}))
    )


class EmployeeOnlyPage(PortalPage, Page):
    """Base for every employee page: served only to signed-in employees, never listed publicly."""

    objects = PortalPageManager()

    intro = models.TextField(_("ingress"), blank=True, max_length=400)

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        refusal = login_if_not_employee(request)
        if refusal is not None:
            return refusal
        if not self.is_for(request.user):
            raise Http404
        return kept_private(super().serve(request, *args, **kwargs))

    def is_for(self, user) -> bool:
        """Whether this signed-in employee may open the page; targeted pages say more."""
        return True

    def get_sitemap_urls(self, request=None):
        return []


def visible_to(pages, user):
    """`pages` (a queryset of a TargetedPage type) narrowed in the query to those meant for
    this user and still within their review date: no audience row, or a row matching their
    profile."""
    rows = PageAudience.objects.filter(page=OuterRef("pk"))
    return pages.filter(
        ~Exists(rows) | Exists(rows.filter(audience_q(profile_of(user)))),
        review_by__gte=timezone.localdate(),
    )


def audiences_prefetch() -> Prefetch:
    """A list's pages with their audience rows and the names these show: one query."""
    return Prefetch(
        "employee_audiences",
        queryset=PageAudience.objects.select_related("municipality", "department__municipality"),
    )


class TargetedPage(ReviewedPageMixin, EmployeeOnlyPage):
    """An employee page with an audience and a review date. Who it is not meant for, and anyone
    once its date has passed, gets 404: what targeting hides from the lists cannot be opened
    by its address either."""

    class Meta:
        abstract = True

    def is_for(self, user) -> bool:
        return visible_to(type(self).objects.filter(pk=self.pk), user).exists()

    def audience_labels(self):
        return [str(row) for row in self.employee_audiences.all()]


class EmployeeHomePage(EmployeeOnlyPage):
    """The employee portal's root at `/medarbetare/`: the dashboard."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("innehåll"))

    parent_page_types = ["citizen_portal.CitizenHomePage"]
    subpage_types = [
        "employee_portal.EmployeeInformationPage",
        "employee_portal.EmployeeNewsIndexPage",
    ]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("startsida för medarbetare")
        permissions = [("access_employee_portal", _("Kan öppna Medarbetarportalen"))]

    def get_context(self, request, *args, **kwargs):
        # Driftinformation, Mina system, news and information for the signed-in employee
        # (views.dashboard_context); imported here because the views import these models.
        from .views import dashboard_context

        context = super().get_context(request, *args, **kwargs)
        context.update(dashboard_context(request, self))
        return context


AUDIENCE_PANEL = InlinePanel(
    "employee_audiences",
    label=_("Målgrupp"),
    heading=_("Målgrupp"),
    help_text=_(
        "Vem sidan är till för. Utan målgrupp ser alla medarbetare i Dalsland den; med "
        "målgrupper bara de som någon rad passar in på."
    ),
)


class EmployeeInformationPage(TargetedPage):
    """Information for employees: instructions, routines, IT support."""

    body = StreamField(BodyBlock(), verbose_name=_("innehåll"))

    parent_page_types = [
        "employee_portal.EmployeeHomePage",
        "employee_portal.EmployeeInformationPage",
    ]
    subpage_types = ["employee_portal.EmployeeInformationPage"]
    content_panels = (
        Page.content_panels
        + [FieldPanel("intro"), FieldPanel("body"), AUDIENCE_PANEL]
        + ReviewedPageMixin.review_panels
    )
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("informationssida för medarbetare")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Only the subpages meant for this employee: a title is information too.
        context["children"] = visible_to(
            EmployeeInformationPage.objects.child_of(self).live(), request.user
        ).defer_streamfields()
        return context


class EmployeeNewsIndexPage(EmployeeOnlyPage):
    """`/medarbetare/nyheter/`: the news meant for the signed-in employee, newest first."""

    parent_page_types = ["employee_portal.EmployeeHomePage"]
    subpage_types = ["employee_portal.EmployeeNewsPage"]
    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count = 1

    class Meta:
        verbose_name = _("nyheter för medarbetare")

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        context = super().get_context(request, *args, **kwargs)
        news = with_pictures(
            visible_to(EmployeeNewsPage.objects.child_of(self).live(), request.user)
            .defer_streamfields()
            .prefetch_related(audiences_prefetch())
            .order_by("-first_published_at")
        )
        context["news"] = Paginator(news, 20).get_page(request.GET.get("sida"))
        return context


class EmployeeNewsPage(PagePicture, TargetedPage):
    """A news item for employees: Dalsland-wide, or for a municipality, department or role."""

    body = StreamField(BodyBlock(), verbose_name=_("innehåll"))

    parent_page_types = ["employee_portal.EmployeeNewsIndexPage"]
    subpage_types = []
    content_panels = (
        Page.content_panels
        + [FieldPanel("intro"), *PagePicture.picture_panels, FieldPanel("body"), AUDIENCE_PANEL]
        + ReviewedPageMixin.review_panels
    )
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("nyhet för medarbetare")
        verbose_name_plural = _("nyheter för medarbetare")


def role_choices():
    return [(slug, role.name) for slug, role in ROLES.items()]


class AudienceFields(models.Model):
    """Municipality, department, role, network: a row matches an employee when each field is
    empty or equal to theirs (`audience_q`)."""

    municipality = models.ForeignKey(
        "portal.Municipality",
        verbose_name=_("kommun"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    department = models.ForeignKey(
        "portal.Department",
        verbose_name=_("förvaltning"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    role = models.CharField(
        _("roll"),
        max_length=60,
        blank=True,
        choices=role_choices,
        help_text=_("Tomt: alla roller."),
    )
    network = models.CharField(
        _("nätverk"), max_length=20, choices=EmployeeProfile.Network.choices, blank=True
    )

    class Meta:
        abstract = True

    def __str__(self):
        parts = [
            str(self.municipality) if self.municipality_id else "",
            str(self.department) if self.department_id else "",
            str(ROLES[self.role].name) if self.role in ROLES else "",
            self.get_network_display() if self.network else "",
        ]
        return ", ".join(part for part in parts if part) or str(_("Alla medarbetare"))

    def clean(self):
        department, municipality_id = self.department, self.municipality_id
        if department and municipality_id and department.municipality_id != municipality_id:
            raise ValidationError(
                {"department": _("Förvaltningen hör till en annan kommun än den du valt.")}
            )


class PageAudience(Orderable, AudienceFields):
    """Who a news or information page is for. A page without rows is for every employee."""

    page = ParentalKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="employee_audiences"
    )

    panels = [
        FieldRowPanel([FieldPanel("municipality"), FieldPanel("department")]),
        FieldRowPanel([FieldPanel("role"), FieldPanel("network")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("målgrupp")
        verbose_name_plural = _("målgrupper")


class Application(ClusterableModel):
    """One application in the catalogue (strategy 4.1 and 7.1.6–7.1.7): what it is, how to get
    to it, who answers for it, and for whom it is meant (its audiences)."""

    class Kind(models.TextChoices):
        GENERAL = "generell", _("Generell")
        COMMON = "gemensam", _("Gemensam")
        BUSINESS = "verksamhetsspecifik", _("Verksamhetsspecifik")

    class Cooperation(models.IntegerChoices):
        # IT-strategin, bilaga C: the five levels of cooperation between the municipalities.
        OWN = 1, _("1 – Egna system")
        ALIKE = 2, _("2 – Egna system, men likadana")
        SHARED_SEPARATE = 3, _("3 – Gemensam IT-lösning med separerad information")
        SHARED_COMMON = 4, _("4 – Gemensam IT-lösning med gemensam information")
        JOINT_ORGANISATION = 5, _("5 – Gemensam organisation")

    name = models.CharField(_("namn"), max_length=120, unique=True)
    description = models.TextField(_("beskrivning"), max_length=600)
    url = models.URLField(
        _("länk"),
        help_text=_("Direktlänk med inloggning (SSO) där applikationen har en, annars startsidan."),
    )
    kind = models.CharField(_("slag"), max_length=20, choices=Kind.choices)
    cooperation_level = models.PositiveSmallIntegerField(
        _("samverkansnivå"), choices=Cooperation.choices, default=Cooperation.OWN
    )
    municipalities = models.ManyToManyField(
        "portal.Municipality",
        verbose_name=_("kommuner som använder den"),
        related_name="applications",
    )
    system_owner = models.CharField(
        _("systemägare"),
        max_length=150,
        help_text=_("Beslutar om införande, behörigheter och kostnader (IT-strategin 7.1.6)."),
    )
    system_administrator = models.CharField(
        _("systemansvarig"),
        max_length=150,
        help_text=_("Administrerar behörigheter och utbildar användarna (IT-strategin 7.1.7)."),
    )
    support_contact = models.CharField(
        _("support"), max_length=200, help_text=_("Vart medarbetarna vänder sig med frågor.")
    )
    municipal_network_only = models.BooleanField(
        _("bara i kommunens nät"),
        default=False,
        help_text=_("Går bara att nå från kommunens nätverk, inte hemifrån eller i mobilen."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("url"),
        FieldPanel("kind"),
        FieldPanel("cooperation_level"),
        FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
        FieldPanel("municipal_network_only"),
        MultiFieldPanel(
            [
                FieldPanel("system_owner"),
                FieldPanel("system_administrator"),
                FieldPanel("support_contact"),
            ],
            heading=_("Ansvar och support"),
        ),
        InlinePanel("audiences", label=_("Målgrupp"), heading=_("Vilka ska ha den")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("applikation")
        verbose_name_plural = _("applikationer")

    def __str__(self):
        return self.name


class ApplicationAudience(Orderable, AudienceFields):
    """Who an application is for: everyone a row matches. An empty field matches anyone, so
    a row with only a role means that role in every municipality using the application."""

    class Requirement(models.TextChoices):
        MANDATORY = "obligatorisk", _("Obligatorisk: finns alltid i Mina system")
        OPTIONAL = "valfri", _("Valfri: medarbetaren kan lägga till den")

    application = ParentalKey(Application, on_delete=models.CASCADE, related_name="audiences")
    requirement = models.CharField(
        _("krav"), max_length=20, choices=Requirement.choices, default=Requirement.MANDATORY
    )

    panels = [
        FieldRowPanel([FieldPanel("municipality"), FieldPanel("department")]),
        FieldRowPanel([FieldPanel("role"), FieldPanel("network")]),
        FieldPanel("requirement"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("målgrupp")
        verbose_name_plural = _("målgrupper")


def applications_for(profile: EmployeeProfile) -> dict[str, list[Application]]:
    """The applications meant for this employee, as {"mandatory": [...], "optional": [...]}:
    those their municipality uses and an audience row matches (each of its fields empty or
    equal to the employee's). Mandatory wins when rows of both kinds match. One query,
    however large the catalogue."""
    matching = ApplicationAudience.objects.filter(
        audience_q(profile),
        application=OuterRef("pk"),
        application__municipalities=profile.municipality_id,
    )
    applications = Application.objects.filter(Exists(matching)).annotate(
        mandatory=Exists(matching.filter(requirement=ApplicationAudience.Requirement.MANDATORY))
    )
    found = {"mandatory": [], "optional": []}
    for application in applications:
        found["mandatory" if application.mandatory else "optional"].append(application)
    return found


class UserApplication(models.Model):
    """An employee's own part of *Mina system*: an optional application they chose, or only
    the place of any application in their list. A row for an application that is no longer
    meant for them (another role, another municipality) is not shown."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="my_applications"
    )
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="+")
    chosen = models.BooleanField(
        _("vald av medarbetaren"),
        default=False,
        help_text=_("Sant för en valfri applikation som medarbetaren lagt till."),
    )
    sort_order = models.PositiveIntegerField(_("ordning"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "application"], name="one_row_per_application")
        ]
        verbose_name = _("applikation i Mina system")
        verbose_name_plural = _("applikationer i Mina system")

    def __str__(self):
        return f"{self.user} – {self.application}"


class OperationalNoticeQuerySet(models.QuerySet):
    def current_or_coming(self, municipality_id=None, *, within_days=7):
        """Notices running now or starting within `within_days`, for all of Dalsland or for
        this municipality."""
        now = timezone.now()
        notices = self.filter(
            Q(ends_at__isnull=True) | Q(ends_at__gt=now),
            starts_at__lte=now + datetime.timedelta(days=within_days),
        )
        if municipality_id is None:
            return notices.filter(municipalities__isnull=True)
        return notices.filter(
            Q(municipalities__isnull=True) | Q(municipalities=municipality_id)
        ).distinct()


class OperationalNotice(ClusterableModel):
    """Driftinformation: a disruption or planned maintenance, with start and end, linked to the
    application it affects."""

    class Kind(models.TextChoices):
        DISRUPTION = "storning", _("Driftstörning")
        MAINTENANCE = "planerat", _("Planerat underhåll")

    title = models.CharField(_("rubrik"), max_length=150)
    kind = models.CharField(_("slag"), max_length=20, choices=Kind.choices)
    description = models.TextField(
        _("beskrivning"),
        max_length=1000,
        help_text=_("Vad som påverkas, vad medarbetarna kan göra under tiden."),
    )
    application = models.ForeignKey(
        Application,
        verbose_name=_("berörd applikation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notices",
    )
    municipalities = models.ManyToManyField(
        "portal.Municipality",
        verbose_name=_("berörda kommuner"),
        blank=True,
        related_name="+",
        help_text=_("Ingen vald: alla fem kommunerna."),
    )
    starts_at = models.DateTimeField(_("börjar"))
    ends_at = models.DateTimeField(
        _("slutar"),
        null=True,
        blank=True,
        help_text=_("Lämna tomt för en störning som pågår tills vidare."),
    )
    updated_at = models.DateTimeField(_("uppdaterad"), auto_now=True)

    objects = OperationalNoticeQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("application"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("driftinformation")
        verbose_name_plural = _("driftinformation")

    def __str__(self):
        return self.title

    def clean(self):
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Slutet måste komma efter början.")})

    @property
    def is_ongoing(self) -> bool:
        now = timezone.now()
        return self.starts_at <= now and (self.ends_at is None or self.ends_at > now)
