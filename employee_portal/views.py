"""Medarbetarportalen's own views and the dashboard's content.

* the dashboard at `/medarbetare/` is a page (EmployeeHomePage); `dashboard_context` gives it
  driftinformation, Mina system, news and information for the signed-in employee, in a fixed
  number of queries however large the catalogue, the news or the notices;
* Mina system's buttons post to `mina-system/lagg-till/`, `ta-bort/` and `flytta/`: an
  employee adds only what the catalogue offers them as optional, removes only what they
  added, and orders their whole list (mandatory applications too);
* `applikationer/` is the catalogue, browsable and searchable by every employee;
* `sok/` searches the news and information meant for the employee and the catalogue, and
  leads on to the document register with the same words.

Everything here is for signed-in employees only (`employee_required`).
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import F, Q, prefetch_related_objects
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale, Page

from portal import lookups
from portal.accounts import case_handling_permissions
from portal.identity.roles import ROLES
from portal.models import Municipality

from . import dashboard_cache
from .access import employee_required, profile_of
from .models import (
    Application,
    EmployeeHomePage,
    EmployeeInformationPage,
    EmployeeNewsIndexPage,
    EmployeeNewsPage,
    OperationalNotice,
    UserApplication,
    applications_for,
    audiences_prefetch,
    visible_to,
)
from .network import client_is_on_municipal_network

NEWS_ON_DASHBOARD = 5
APPLICATIONS_PER_PAGE = 25
MAX_QUERY_LENGTH = 200
MAX_PAGE_HITS = 50
MY_SYSTEMS_ANCHOR = "#mina-system"
ALL_MUNICIPALITIES = "alla"
# The information page the dashboard's shortcuts call IT support (demo_content.py).
IT_SUPPORT_SLUG = "it-support-och-felanmalan"
# Å, Ä, Ö after Z, as in a Swedish dictionary: "Ärende…" after "Webbkarta…".
SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}"})


def sort_name(name: str) -> str:
    return name.casefold().translate(SWEDISH_ORDER)


def employee_home() -> EmployeeHomePage | None:
    """The dashboard page in the active language, else in any."""
    pages = EmployeeHomePage.objects.live()
    return pages.filter(locale=Locale.get_active()).first() or pages.first()


def _home_path(home) -> str:
    return home.url if home is not None and home.url else "/medarbetare/"


# -- Mina system ------------------------------------------------------------------------------


@dataclass
class MySystem:
    """One application in an employee's Mina system."""

    application: Application
    mandatory: bool
    notices: list = field(default_factory=list)


@dataclass
class MySystems:
    """An employee's Mina system (`items`, in their order), what they may still add
    (`available`) and, for the catalogue, which applications are mandatory, optional or
    chosen for them."""

    items: list[MySystem] = field(default_factory=list)
    available: list[Application] = field(default_factory=list)
    mandatory_ids: set[int] = field(default_factory=set)
    optional_ids: set[int] = field(default_factory=set)
    chosen_ids: set[int] = field(default_factory=set)
    rows: dict[int, UserApplication] = field(default_factory=dict)

    @property
    def ids(self) -> list[int]:
        return [item.application.pk for item in self.items]

    def status(self, application_id: int) -> str:
        """The application's place for this employee: mandatory, chosen, optional (may be
        added) or "" (not offered to them)."""
        if application_id in self.mandatory_ids:
            return "mandatory"
        if application_id in self.chosen_ids:
            return "chosen"
        if application_id in self.optional_ids:
            return "optional"
        return ""


def my_systems(user) -> MySystems:
    """Mina system: the applications this employee must have and the optional ones they
    chose, in their own order where they have set one, then by name. One query for their
    own rows, and one for the applications meant for their audience when the cache
    (dashboard_cache) does not have them."""
    profile = profile_of(user)
    if profile is None:
        return MySystems()
    found = dashboard_cache.shared(profile, "applications", lambda: applications_for(profile))
    rows = {row.application_id: row for row in UserApplication.objects.filter(user=user)}
    chosen = [a for a in found["optional"] if a.pk in rows and rows[a.pk].chosen]
    items = [MySystem(a, mandatory=True) for a in found["mandatory"]]
    items += [MySystem(a, mandatory=False) for a in chosen]

    def position(item):
        row = rows.get(item.application.pk)
        if row is not None:
            return (0, row.sort_order, row.pk, "")
        return (1, 0, 0, sort_name(item.application.name))

    items.sort(key=position)
    chosen_ids = {a.pk for a in chosen}
    return MySystems(
        items=items,
        available=sorted(
            (a for a in found["optional"] if a.pk not in chosen_ids),
            key=lambda a: sort_name(a.name),
        ),
        mandatory_ids={a.pk for a in found["mandatory"]},
        optional_ids={a.pk for a in found["optional"]},
        chosen_ids=chosen_ids,
        rows=rows,
    )


def save_order(user, systems: MySystems, order: list[Application], added: int | None = None):
    """Store the employee's whole list in this order: one row per application, created for
    mandatory ones that had none. Rows for applications no longer meant for them are kept
    (they are not shown, and come back if the employee's role does)."""
    UserApplication.objects.bulk_create(
        [
            UserApplication(
                user=user,
                application=application,
                sort_order=position,
                chosen=application.pk == added
                or (application.pk in systems.rows and systems.rows[application.pk].chosen),
            )
            for position, application in enumerate(order, start=1)
        ],
        update_conflicts=True,
        unique_fields=["user", "application"],
        update_fields=["sort_order", "chosen"],
    )


def _posted_application_id(request) -> int | None:
    try:
        return int(request.POST.get("applikation", ""))
    except ValueError:
        return None


def _back(request) -> HttpResponseRedirect:
    """To `next` when it is an address on this site, else to Mina system on the dashboard."""
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(target)
    return HttpResponseRedirect(_home_path(employee_home()) + MY_SYSTEMS_ANCHOR)


@employee_required
@require_POST
def add_application(request):
    """Add one of the optional applications the catalogue offers this employee."""
    application_id = _posted_application_id(request)
    if application_id is None:
        return HttpResponseBadRequest(_("Ange vilket system det gäller."))
    with transaction.atomic():
        systems = my_systems(request.user)
        items = {item.application.pk: item.application for item in systems.items}
        offered = {a.pk: a for a in systems.available}
        if application_id in items:
            messages.info(
                request,
                _("%(name)s finns redan i Mina system.") % {"name": items[application_id].name},
            )
        elif application_id not in offered:
            messages.error(request, _("Det systemet kan du inte lägga till i Mina system."))
        else:
            application = offered[application_id]
            order = [item.application for item in systems.items] + [application]
            save_order(request.user, systems, order, added=application.pk)
            messages.success(
                request, _("%(name)s tillagd i Mina system.") % {"name": application.name}
            )
    return _back(request)


@employee_required
@require_POST
def remove_application(request):
    """Remove an application the employee added; mandatory ones stay."""
    application_id = _posted_application_id(request)
    if application_id is None:
        return HttpResponseBadRequest(_("Ange vilket system det gäller."))
    with transaction.atomic():
        systems = my_systems(request.user)
        items = {item.application.pk: item for item in systems.items}
        item = items.get(application_id)
        if item is None:
            messages.error(request, _("Det systemet finns inte i Mina system."))
        elif item.mandatory:
            messages.error(
                request,
                _("%(name)s är obligatoriskt för dig och kan inte tas bort.")
                % {"name": item.application.name},
            )
        else:
            UserApplication.objects.filter(
                user=request.user, application_id=application_id
            ).delete()
            messages.success(
                request,
                _("%(name)s borttagen från Mina system.") % {"name": item.application.name},
            )
    return _back(request)


@employee_required
@require_POST
def move_application(request):
    """Move an application one step up or down in Mina system."""
    application_id = _posted_application_id(request)
    direction = request.POST.get("riktning")
    if application_id is None or direction not in ("upp", "ned"):
        return HttpResponseBadRequest(_("Ange vilket system som ska flyttas, och vart."))
    with transaction.atomic():
        systems = my_systems(request.user)
        order = [item.application for item in systems.items]
        ids = systems.ids
        if application_id not in ids:
            messages.error(request, _("Det systemet finns inte i Mina system."))
            return _back(request)
        index = ids.index(application_id)
        other = index - 1 if direction == "upp" else index + 1
        application = order[index]
        if 0 <= other < len(order):
            order[index], order[other] = order[other], order[index]
            save_order(request.user, systems, order)
        if direction == "upp":
            text = _("%(name)s flyttad upp, nu nummer %(position)s av %(count)s.")
        else:
            text = _("%(name)s flyttad ned, nu nummer %(position)s av %(count)s.")
        position = order.index(application) + 1
        messages.success(
            request, text % {"name": application.name, "position": position, "count": len(order)}
        )
    return _back(request)


# -- The dashboard ----------------------------------------------------------------------------


def _lower_first(text) -> str:
    text = str(text)
    # "Lärare" → "lärare" in a sentence, but "IT-drift" stays as it is.
    if len(text) > 1 and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _join(words: list[str]) -> str:
    if len(words) < 2:
        return "".join(words)
    return _("%(first)s och %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}


def audience_line(profile) -> str:
    """Who the dashboard is for, from the employee's latest sign-on: "Du ser det som gäller
    för dig som lärare på barn- och utbildningsförvaltningen i Åmåls kommun."."""
    if profile is None:
        return _(
            "Vi vet inte vilken kommun du arbetar i, så du ser det som gäller alla medarbetare "
            "i Dalsland."
        )
    roles = _join([_lower_first(ROLES[slug].name) for slug in profile.roles or [] if slug in ROLES])
    values = {
        "roles": roles,
        "municipality": profile.municipality.name,
        "department": _lower_first(profile.department.name) if profile.department_id else "",
    }
    if roles and values["department"]:
        text = _(
            "Du ser det som gäller för dig som %(roles)s på %(department)s i %(municipality)s."
        )
    elif roles:
        text = _("Du ser det som gäller för dig som %(roles)s i %(municipality)s.")
    elif values["department"]:
        text = _("Du ser det som gäller för dig som arbetar på %(department)s i %(municipality)s.")
    else:
        text = _("Du ser det som gäller för dig som arbetar i %(municipality)s.")
    return text % values


def _time(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "j b H:i")


def _clock(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "H:i")


def notice_when(notice) -> str:
    """When, in words: "Pågår sedan 1 dec 08:15, beräknas klart 14:00", "Planerat 2 dec
    18:00–22:00"."""
    start, end = notice.starts_at, notice.ends_at
    same_day = end is not None and timezone.localdate(start) == timezone.localdate(end)
    if notice.is_ongoing:
        if end is None:
            return _("Pågår sedan %(start)s, tills vidare") % {"start": _time(start)}
        return _("Pågår sedan %(start)s, beräknas klart %(end)s") % {
            "start": _time(start),
            "end": _clock(end) if timezone.localdate() == timezone.localdate(end) else _time(end),
        }
    if end is None:
        return _("Planerat från %(start)s") % {"start": _time(start)}
    return _("Planerat %(start)s–%(end)s") % {
        "start": _time(start),
        "end": _clock(end) if same_day else _time(end),
    }


def current_notices(profile, my_ids) -> list[OperationalNotice]:
    """Driftinformation for the employee's municipality (and all of Dalsland), running now or
    coming within a week: ongoing disruptions first. One query."""
    municipality_id = profile.municipality_id if profile is not None else None
    notices = dashboard_cache.shared(
        profile,
        "notices",
        lambda: list(
            OperationalNotice.objects.current_or_coming(municipality_id).select_related(
                "application"
            )
        ),
    )
    for notice in notices:
        notice.when = notice_when(notice)
        notice.affects_mine = notice.application_id in my_ids
    notices.sort(
        key=lambda n: (
            not n.is_ongoing,
            n.kind != OperationalNotice.Kind.DISRUPTION,
            not n.affects_mine,
            n.starts_at,
        )
    )
    return notices


def _with_audiences(pages):
    """Each page's audience rows, for the dashboard's lists: one query for all of them."""
    prefetch_related_objects(pages, audiences_prefetch())
    return pages


def dashboard_context(request, home) -> dict:
    """What the dashboard shows the signed-in employee. The number of queries is the same
    whatever the number of applications, news items, information pages and notices."""
    user = request.user
    profile = profile_of(user)
    systems = my_systems(user)
    notices = current_notices(profile, set(systems.ids))
    by_application = {}
    for notice in notices:
        if notice.application_id:
            by_application.setdefault(notice.application_id, []).append(notice)
    for item in systems.items:
        item.notices = by_application.get(item.application.pk, [])

    def load_pages():
        news = list(
            visible_to(EmployeeNewsPage.objects.live().descendant_of(home), user)
            .defer_streamfields()
            .order_by(F("first_published_at").desc(nulls_last=True))[:NEWS_ON_DASHBOARD]
        )
        information = list(
            visible_to(EmployeeInformationPage.objects.child_of(home).live(), user)
            .defer_streamfields()
            .order_by("-last_published_at")
        )
        _with_audiences(news + information)
        return news, information

    news, information = dashboard_cache.shared(profile, "pages", load_pages, home.pk)
    on_network = client_is_on_municipal_network(request)
    return {
        "profile": profile,
        "audience_line": audience_line(profile),
        "notices": notices,
        "my_systems": systems,
        "outside_network": on_network is False,
        "news": news,
        "news_index": lookups.first_live_child(home, EmployeeNewsIndexPage),
        "information_pages": information,
        "it_support_page": next((p for p in information if p.slug == IT_SUPPORT_SLUG), None),
        "documents_url": reverse("employee_documents:index"),
        # Handlers of the e-services reach their queues from here (eservices.handler_views).
        "handles_cases": any(user.has_perm(p) for p in case_handling_permissions()),
    }


# -- The catalogue ----------------------------------------------------------------------------


@dataclass
class CatalogueEntry:
    application: Application
    status: str  # MySystems.status


@employee_required
def catalogue(request):
    """Every application in the catalogue, for employees: search, kind and municipality."""
    profile = profile_of(request.user)
    municipalities = list(Municipality.objects.order_by("name"))
    slugs = {m.slug for m in municipalities}
    own = profile.municipality.slug if profile is not None else ALL_MUNICIPALITIES
    selected = request.GET.get("kommun") or own
    if selected != ALL_MUNICIPALITIES and selected not in slugs:
        selected = own
    kind = request.GET.get("slag", "")
    if kind not in Application.Kind.values:
        kind = ""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]

    applications = Application.objects.prefetch_related("municipalities")
    if selected != ALL_MUNICIPALITIES:
        applications = applications.filter(municipalities__slug=selected)
    if kind:
        applications = applications.filter(kind=kind)
    for word in query.split():
        applications = applications.filter(
            Q(name__icontains=word)
            | Q(description__icontains=word)
            | Q(system_owner__icontains=word)
            | Q(system_administrator__icontains=word)
        )
    applications = applications.order_by("name")
    page = Paginator(applications, APPLICATIONS_PER_PAGE).get_page(request.GET.get("sida"))
    systems = my_systems(request.user)
    home = employee_home()
    return render(
        request,
        "employee_portal/catalogue.html",
        {
            "home": home,
            "page_title": _("Applikationer"),
            "entries": [CatalogueEntry(a, systems.status(a.pk)) for a in page.object_list],
            "results_page": page,
            "query": query,
            "kinds": Application.Kind.choices,
            "selected_kind": kind,
            "municipalities": municipalities,
            "selected_municipality": selected,
            "all_municipalities": ALL_MUNICIPALITIES,
            "own_municipality": own,
            "filtered": bool(query or kind or selected != own),
            "outside_network": client_is_on_municipal_network(request) is False,
            "home_url": _home_path(home),
        },
    )


# -- Search -----------------------------------------------------------------------------------


@dataclass
class PageHit:
    page: Page
    kind_label: str


def search_pages(home, user, text) -> list[PageHit]:
    """The live news and information pages below the dashboard that match the text and are
    meant for this employee, best match first. The search index cannot filter on audiences,
    so the matches are narrowed by visible_to afterwards, in the database."""
    found = list(
        Page.objects.live()
        .descendant_of(home)
        .type(EmployeeNewsPage, EmployeeInformationPage)
        .search(text, operator="and")[: MAX_PAGE_HITS * 2]
    )
    ids = [page.pk for page in found]
    visible = {}
    for model, label in (
        (EmployeeNewsPage, _("Nyhet")),
        (EmployeeInformationPage, _("Information")),
    ):
        for page in visible_to(model.objects.filter(pk__in=ids), user).defer_streamfields():
            visible[page.pk] = PageHit(page, label)
    return [visible[pk] for pk in ids if pk in visible][:MAX_PAGE_HITS]


@employee_required
def search(request):
    """Search Medarbetarportalen: news and information for the employee, the catalogue, and a
    link to the document register with the same words."""
    text = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    home = employee_home()
    profile = profile_of(request.user)
    pages, applications = [], []
    if text and home is not None:
        pages = search_pages(home, request.user, text)
        applications = Application.objects.all()
        if profile is not None:
            applications = applications.filter(municipalities=profile.municipality_id)
        for word in text.split():
            applications = applications.filter(
                Q(name__icontains=word) | Q(description__icontains=word)
            )
        applications = list(applications.order_by("name")[:MAX_PAGE_HITS])
    return render(
        request,
        "employee_portal/search.html",
        {
            "home": home,
            "query": text,
            "page_hits": pages,
            "applications": applications,
            "total": len(pages) + len(applications),
            "page_title": _("Sök i Medarbetarportalen")
            if not text
            else _("Sökresultat för ”%(query)s”") % {"query": text},
            "documents_url": reverse("employee_documents:index"),
            "catalogue_url": reverse("employee_catalogue"),
            "profile": profile,
        },
    )
