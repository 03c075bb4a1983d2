"""The document register for employees, under `/medarbetare/dokument/`.

* the list searches title, summary and owner (Wagtail search), filters by category and
  municipality (by default the employee's own and the shared ones), and pages by `sida`;
* a document's page shows everything about it and links its file;
* the file is handed out as a download, never shown inline.

Only documents still valid are listed or opened: an expired one is 404 by its address too, so
nobody works by a routine that no longer applies. Everything is for signed-in employees only
(`employee_required`).
"""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from wagtail.models import Locale

from employee_portal.access import employee_required, profile_of
from employee_portal.models import EmployeeHomePage
from portal.files import stored_file_response
from portal.models import Municipality

from .models import RegisterDocument

PER_PAGE = 20
MAX_QUERY_LENGTH = 200
ALL_MUNICIPALITIES = "alla"


def employee_home():
    """The dashboard page in the active language, else in any, for the breadcrumbs."""
    pages = EmployeeHomePage.objects.live()
    return pages.filter(locale=Locale.get_active()).first() or pages.first()


@employee_required
def index(request):
    profile = profile_of(request.user)
    municipalities = list(Municipality.objects.order_by("name"))
    by_slug = {m.slug: m for m in municipalities}
    own = profile.municipality.slug if profile is not None else ALL_MUNICIPALITIES
    selected = request.GET.get("kommun") or own
    if selected != ALL_MUNICIPALITIES and selected not in by_slug:
        selected = own
    category = request.GET.get("kategori", "")
    if category not in RegisterDocument.Category.values:
        category = ""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]

    documents = RegisterDocument.objects.current().select_related("municipality")
    if selected != ALL_MUNICIPALITIES:
        documents = documents.for_municipality(by_slug[selected].pk)
    if category:
        documents = documents.filter(category=category)
    # Best match first when searching, else alphabetical.
    documents = documents.search(query, operator="and") if query else documents.order_by("title")
    page = Paginator(documents, PER_PAGE).get_page(request.GET.get("sida"))
    return render(
        request,
        "documents/index.html",
        {
            "home": employee_home(),
            "page_title": _("Dokument"),
            "results_page": page,
            "query": query,
            "categories": RegisterDocument.Category.choices,
            "selected_category": category,
            "municipalities": municipalities,
            "selected_municipality": selected,
            "all_municipalities": ALL_MUNICIPALITIES,
        },
    )


def current_document(pk) -> RegisterDocument:
    return get_object_or_404(
        RegisterDocument.objects.current().select_related("municipality", "department"), pk=pk
    )


@employee_required
def detail(request, pk):
    document = current_document(pk)
    return render(
        request,
        "documents/detail.html",
        {"home": employee_home(), "document": document, "file_size": document.file_size},
    )


@employee_required
def download(request, pk):
    """The file as a download: never shown inline, as a file is not trusted to be what it
    says; the browser must not guess another type either."""
    return file_response(current_document(pk))


def file_response(document):
    """A register document's file as a download, for employees and for editors alike."""
    return stored_file_response(document.file, document.download_name, document.content_type)
