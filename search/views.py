"""Site search at `/sok/?q=…`: live, public citizen pages in the current language.

Employee pages are excluded by type, whatever their view restrictions say, so an editor who
forgets a restriction cannot leak them into public results.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from citizen_portal.models import MunicipalityPage
from employee_portal.models import EmployeeOnlyPage
from portal.models import Municipality

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def public_pages():
    return (
        Page.objects.live()
        .public()
        .filter(locale=Locale.get_active())
        .not_type(EmployeeOnlyPage)
        .exclude(depth__lte=1)
    )


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    municipalities = list(Municipality.objects.all())
    selected = request.GET.get("kommun", "")
    if selected not in {m.slug for m in municipalities}:
        selected = ""

    results_page = None
    if query:
        pages = public_pages()
        if selected:
            pages = _within_municipality(pages, selected)
        results = pages.search(query, operator="and")
        paginator = Paginator(results, RESULTS_PER_PAGE)
        try:
            results_page = paginator.page(request.GET.get("sida", 1))
        except PageNotAnInteger:
            results_page = paginator.page(1)
        except EmptyPage:
            results_page = paginator.page(paginator.num_pages)
        # One query for the specific pages of this result page, in the order found.
        specific = Page.objects.filter(pk__in=[p.pk for p in results_page]).specific()
        by_pk = {p.pk: p for p in specific}
        results_page.object_list = [by_pk[p.pk] for p in results_page if p.pk in by_pk]

    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "results_page": results_page,
            "municipalities": municipalities,
            "selected_municipality": selected,
            "page_title": _("Sök")
            if not query
            else _("Sökresultat för ”%(query)s”") % {"query": query},
        },
    )


def _within_municipality(pages, slug):
    root = MunicipalityPage.objects.filter(
        municipality__slug=slug, locale=Locale.get_active()
    ).first()
    return pages.descendant_of(root, inclusive=True) if root else pages.none()
