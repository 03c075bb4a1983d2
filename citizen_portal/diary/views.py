"""The public diary: search at `/diarium/` and one case at
`/diarium/<municipality>/<register>/<case number>/` (public addresses: docs/architecture.md);
the latest registrations at `/diarium/postlista/`; requests for documents at
`/diarium/begar-ut/` with their receipt at `/diarium/begar-ut/kvitto/`."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from . import services
from .forms import SEARCH_PARAMETERS, DiarySearchForm, DocumentRequestForm, PostlistaForm
from .models import Case, Document, DocumentRequest
from .search import (
    MAX_COUNTED,
    ORDER_DATE,
    ORDER_RELEVANCE,
    count_documents,
    paged,
    search_documents,
)

RESULTS_PER_PAGE = 20
# The postlista shows the documents of each municipality's latest registration days, at most
# this many rows per municipality.
POSTLISTA_DAYS = 5
POSTLISTA_MAX_ROWS = 200
# The request whose receipt this session may see (never the reference: that is shown to
# people and could be guessed).
RECEIPT_SESSION_KEY = "diary_request_id"
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
        documents = paged(search_documents(**arguments), counted)
        paginator = DiaryPaginator(documents, RESULTS_PER_PAGE, counted)
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
    if "\x00" in register + case_number:
        # No case has a NUL in its address, and PostgreSQL refuses to look one up.
        raise Http404(_("Ärendet finns inte i diariet."))
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


def diary_postlista(request):
    """The postlista: what each municipality registered on its latest registration days,
    newest first. The days are those present in the data, so a weekend or a holiday does not
    leave the list empty."""
    form = PostlistaForm(request.GET)
    municipalities = form.municipalities_to_show() if form.is_valid() else []
    sections = []
    for municipality in municipalities:
        days = list(
            Document.objects.filter(municipality=municipality)
            .order_by("-registered_date")
            .values_list("registered_date", flat=True)
            .distinct()[:POSTLISTA_DAYS]
        )
        documents = []
        if days:
            documents = list(
                Document.objects.filter(municipality=municipality, registered_date__gte=days[-1])
                .select_related("case", "register")
                .order_by("-registered_date", "-id")[: POSTLISTA_MAX_ROWS + 1]
            )
        sections.append(
            {
                "municipality": municipality,
                "first_day": days[-1] if days else None,
                "last_day": days[0] if days else None,
                "documents": documents[:POSTLISTA_MAX_ROWS],
                "capped": len(documents) > POSTLISTA_MAX_ROWS,
            }
        )
    page_title = _("Postlista")
    if form.errors:
        page_title = _("Fel: %(title)s") % {"title": page_title}
    return render(
        request,
        "diary/postlista.html",
        {
            "form": form,
            "sections": sections,
            "page_title": page_title,
            "days": POSTLISTA_DAYS,
            "municipalities": form.municipalities.values(),
            "max_rows": POSTLISTA_MAX_ROWS,
        },
    )


def diary_request(request):
    """Begär ut en allmän handling: from a row of the diary (`?handling=<id>`), a whole case
    (`?arende=<id>`), or for anything else with a municipality, a register and a description.
    Stored, then the receipt (POST/redirect/GET)."""
    document, case, not_found = _request_source(request)
    form_kwargs = {"document": document, "case": case}
    status = 200
    if request.method == "POST":
        form = DocumentRequestForm(request.POST, **form_kwargs)
        if form.is_valid():
            if services.is_throttled(request):
                form.add_error(
                    None,
                    _(
                        "Du har skickat många begäranden på kort tid. Vänta tio minuter och "
                        "skicka igen, eller kontakta kommunens registrator med e-post eller "
                        "telefon."
                    ),
                )
                status = 429
            else:
                document_request = services.create_request(**form.request_fields_values())
                services.count_request(request)
                request.session[RECEIPT_SESSION_KEY] = document_request.pk
                return redirect("diary_request_receipt")
    else:
        form = DocumentRequestForm(**form_kwargs)

    page_title = _("Begär ut allmän handling")
    if form.errors:
        page_title = _("Fel: %(title)s") % {"title": page_title}
    source = case or document
    return render(
        request,
        "diary/request_form.html",
        {
            "form": form,
            "document": document,
            "case": form.case,
            "not_found": not_found,
            "action": request.get_full_path() if source else reverse("diary_request"),
            "case_url": _case_url(form.case) if form.case else None,
            "page_title": page_title,
        },
        status=status,
    )


def diary_request_receipt(request):
    """The receipt of the request this session just made; anyone else sees that there is no
    receipt to show, never someone else's request."""
    request_id = request.session.get(RECEIPT_SESSION_KEY)
    document_request = None
    if isinstance(request_id, int):
        document_request = (
            DocumentRequest.objects.select_related("municipality", "register")
            .filter(pk=request_id)
            .first()
        )
    if document_request is None:
        return render(request, "diary/request_no_receipt.html", status=404)
    return render(
        request,
        "diary/request_receipt.html",
        {"document_request": document_request},
    )


def _request_source(request) -> tuple[Document | None, Case | None, bool]:
    """(document, case, not found) from `?handling=` or `?arende=`. A row that has gone (a
    re-import, an old link) leaves the general form, with a word about why."""
    related = ("case", "case__municipality", "case__register", "municipality", "register")
    for parameter, queryset in (
        ("handling", Document.objects.select_related(*related)),
        ("arende", Case.objects.select_related("municipality", "register")),
    ):
        value = request.GET.get(parameter, "")
        if not value:
            continue
        found = queryset.filter(pk=value).first() if value.isdigit() and len(value) < 19 else None
        if found is None:
            return None, None, True
        if parameter == "handling":
            return found, None, False
        return None, found, False
    return None, None, False
