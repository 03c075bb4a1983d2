"""The public diary: search at `/diarium/` and one case at
`/diarium/<municipality>/<register>/<case number>/` (DESIGN.md, public contract)."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .forms import SEARCH_PARAMETERS, DiarySearchForm
from .models import Case
from .search import MAX_COUNTED, ORDER_DATE, ORDER_RELEVANCE, count_documents, search_documents

RESULTS_PER_PAGE = 20
PAGE_PARAMETER = "sida"


class DiaryPaginator(Paginator):
    """Pages of a search whose matches were counted up to MAX_COUNTED (search.count_documents):
    beyond that the page says "more than" and offers no pages past MAX_COUNTED."""

    def __init__(self, object_list, per_page, counted: int):
        super().__init__(object_list, per_page)
        self.counted = counted

    @cached_property
    def count(self):
        return min(self.counted, MAX_COUNTED)

    @property
    def is_capped(self) -> bool:
        return self.counted > MAX_COUNTED


def diary_search(request):
    form = DiarySearchForm(request.GET)
    results_page = None
    relevance_dropped = False
    if form.is_valid():
        arguments = form.search_arguments()
        counted = count_documents(search_documents(**arguments), MAX_COUNTED)
        # Ranking costs a look at every match: with more than can be counted, newest first.
        if arguments["order"] == ORDER_RELEVANCE and counted > MAX_COUNTED:
            arguments["order"] = ORDER_DATE
            relevance_dropped = bool(arguments["q"])
        paginator = DiaryPaginator(search_documents(**arguments), RESULTS_PER_PAGE, counted)
        try:
            results_page = paginator.page(request.GET.get(PAGE_PARAMETER, 1))
        except PageNotAnInteger:
            results_page = paginator.page(1)
        except EmptyPage:
            results_page = paginator.page(paginator.num_pages)

    page_title = _("Sök i diariet")
    if form.errors:
        page_title = _("Fel: %(title)s") % {"title": page_title}
    elif results_page is not None and results_page.number > 1:
        page_title = _("%(title)s, sida %(number)s") % {
            "title": page_title,
            "number": results_page.number,
        }
    return render(
        request,
        "diary/search.html",
        {
            "form": form,
            "results_page": results_page,
            "has_criteria": form.is_valid() and form.has_criteria(),
            "relevance_dropped": relevance_dropped,
            "max_counted": MAX_COUNTED,
            "search_query": _search_query(request),
            "municipalities": form.municipalities.values(),
            "page_title": page_title,
        },
    )


def diary_case(request, municipality, register, case_number):
    cases = Case.objects.select_related("municipality", "register")
    case = cases.filter(
        municipality__slug=municipality, register__code=register, case_number=case_number
    ).first()
    if case is None:
        # A register code typed in lower case (ks) finds the case at its own address (KS).
        if register != register.upper():
            case = cases.filter(
                municipality__slug=municipality,
                register__code=register.upper(),
                case_number=case_number,
            ).first()
            if case is not None:
                query = _search_query(request)
                return redirect(_case_url(case) + (f"?{query}" if query else ""), permanent=True)
        raise Http404(_("Ärendet finns inte i diariet."))

    search_query = _search_query(request)
    case_url = _case_url(case)
    return render(
        request,
        "diary/case.html",
        {
            "case": case,
            "documents": case.documents.order_by("registered_date", "id"),
            "registrar_email": case.register.registrar_email or case.municipality.email,
            "canonical_url": request.build_absolute_uri(case_url),
            "back_url": reverse("diary_search") + (f"?{search_query}" if search_query else ""),
            "came_from_search": bool(search_query),
        },
    )


def _case_url(case: Case) -> str:
    # reverse() percent-encodes the number's spaces and keeps its slashes (`path:` converter).
    return reverse(
        "diary_case", args=[case.municipality.slug, case.register.code, case.case_number]
    )


def _search_query(request) -> str:
    """The search's own parameters from the request, to carry between the results and a case
    page ("Tillbaka till sökresultatet")."""
    return urlencode(
        [
            (name, value)
            for name in SEARCH_PARAMETERS
            for value in request.GET.getlist(name)[:1]
            if value
        ]
    )
