"""Medarbetarportalen's pages, under `/medarbetare/` in the one site tree.

Nothing here reaches anonymous visitors: serving requires a signed-in employee, the pages are
left out of the sitemap, and the public search excludes every page type built on
`EmployeeOnlyPage`. The application catalogue (Application) says which applications each
employee must or may have (`applications_for`); the dashboard and targeted news come later.
"""

from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from citizen_portal.blocks import BodyBlock
from portal.identity.models import EmployeeProfile
from portal.identity.roles import ROLES

ACCESS_PERMISSION = "employee_portal.access_employee_portal"


def is_employee(user) -> bool:
    return user.is_authenticated and user.has_perm(ACCESS_PERMISSION)


class EmployeeOnlyPage(Page):
    """Base for every employee page: served only to signed-in employees, never listed publicly."""

    intro = models.TextField(_("ingress"), blank=True, max_length=400)

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if not is_employee(request.user):
            raise PermissionDenied
        response = super().serve(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    def get_sitemap_urls(self, request=None):
        return []


class EmployeeHomePage(EmployeeOnlyPage):
    """The employee portal's root at `/medarbetare/`."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("innehåll"))

    parent_page_types = ["citizen_portal.CitizenHomePage"]
    subpage_types = ["employee_portal.EmployeeInformationPage"]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("startsida för medarbetare")
        permissions = [("access_employee_portal", _("Kan öppna Medarbetarportalen"))]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["information_pages"] = (
            EmployeeInformationPage.objects.child_of(self).live().order_by("-last_published_at")
        )
        return context


class EmployeeInformationPage(EmployeeOnlyPage):
    """Information for employees: instructions, routines, IT support."""

    body = StreamField(BodyBlock(), verbose_name=_("innehåll"))

    parent_page_types = [
        "employee_portal.EmployeeHomePage",
        "employee_portal.EmployeeInformationPage",
    ]
    subpage_types = ["employee_portal.EmployeeInformationPage"]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("informationssida för medarbetare")


def role_choices():
    return [(slug, role.name) for slug, role in ROLES.items()]


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


class ApplicationAudience(Orderable):
    """Who an application is for: everyone a row matches. An empty field matches anyone, so
    a row with only a role means that role in every municipality using the application."""

    class Requirement(models.TextChoices):
        MANDATORY = "obligatorisk", _("Obligatorisk: finns alltid i Mina system")
        OPTIONAL = "valfri", _("Valfri: medarbetaren kan lägga till den")

    application = ParentalKey(Application, on_delete=models.CASCADE, related_name="audiences")
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

    def clean(self):
        department, municipality_id = self.department, self.municipality_id
        if department and municipality_id and department.municipality_id != municipality_id:
            raise ValidationError(
                {"department": _("Förvaltningen hör till en annan kommun än den du valt.")}
            )


def applications_for(profile: EmployeeProfile) -> dict[str, list[Application]]:
    """The applications meant for this employee, as {"mandatory": [...], "optional": [...]}:
    those their municipality uses and an audience row matches (each of its fields empty or
    equal to the employee's). Mandatory wins when rows of both kinds match. Two queries,
    however large the catalogue."""
    matching = ApplicationAudience.objects.filter(
        Q(municipality__isnull=True) | Q(municipality_id=profile.municipality_id),
        Q(department__isnull=True) | Q(department_id=profile.department_id),
        Q(role="") | Q(role__in=list(profile.roles or [])),
        Q(network="") | Q(network=profile.network),
        application__municipalities=profile.municipality_id,
    ).values_list("application_id", "requirement")
    requirement: dict[int, str] = {}
    for application_id, kind in matching:
        if requirement.get(application_id) != ApplicationAudience.Requirement.MANDATORY:
            requirement[application_id] = kind
    found = {"mandatory": [], "optional": []}
    for application in Application.objects.filter(pk__in=requirement):
        mandatory = requirement[application.pk] == ApplicationAudience.Requirement.MANDATORY
        found["mandatory" if mandatory else "optional"].append(application)
    return found
