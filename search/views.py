"""Site search at `/sok/?q=…`: pages, documents and diary entries in one list, and suggestions
at `/sok/forslag/?q=…` for the search field.

What can be found is public by construction, never by a template's care:

* pages: live, public citizen pages in the visitor's language; employee pages are excluded by
  type, whatever their view restrictions say, so a forgotten restriction cannot leak them;
* documents: from the document library, only those in a collection without view restrictions
  *and* linked from at least one of those public pages (a PDF form is published by linking it);
* diary entries: the published diary, which holds only what the publication rules let through
  (citizen_portal/diary/publication.py).

Editors' promoted results (wagtail.contrib.search_promotions) come first, only if their page
is one of the public pages above. The list then holds the pages, the documents and the diary
entries, in that order, each kind by relevance: page N of the list is cut from that sequence
by the per-kind counts, so each result page costs a bounded number of queries whatever the
size of the diary. `typ` narrows the list to one kind, `kommun` to one municipality.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import CharField
from django.db.models.functions import Cast
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page, ReferenceIndex
from wagtail.search.utils import normalise_query_string

from citizen_portal.diary.search import (
    MAX_COUNTED,
    ORDER_RELEVANCE,
    count_documents,
    search_documents,
)
from citizen_portal.models import MunicipalityPage
from employee_portal.models import EmployeeOnlyPage
from portal import lookups, throttle
from portal.models import Municipality

from . import swedish

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
MAX_SUGGESTIONS = 8
MIN_SUGGESTION_LENGTH = 2

KIND_PAGES, KIND_DOCUMENTS, KIND_DIARY = "sidor", "dokument", "diarium"
KINDS = {
    KIND_PAGES: gettext_lazy("Sidor"),
    KIND_DOCUMENTS: gettext_lazy("Dokument"),
    KIND_DIARY: gettext_lazy("Diariet"),
}
KIND_LABELS = {
    KIND_PAGES: gettext_lazy("Sida"),
    # One document, where KINDS has the heading for many: the same word in Swedish.
    KIND_DOCUMENTS: pgettext_lazy("en sökträff", "Dokument"),
    KIND_DIARY: gettext_lazy("Diarium"),
}


@dataclass
class Result:
    kind: str
    title: str
    url: str
    text: str = ""
    place: str = ""
    registered: date | None = None
    file_type: str = ""
    file_size: int | None = None
    page: Page | None = None
    document: object = None

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]


# -- what is public ---------------------------------------------------------------------------


def public_pages(locale=None):
    return (
        lookups.public(Page.objects.live())
        .filter(locale=locale or lookups.active_locale())
        .not_type(EmployeeOnlyPage)
        .exclude(depth__lte=1)
    )


def _municipality_root(slug):
    return MunicipalityPage.objects.filter(
        municipality__slug=slug, locale=Locale.get_active()
    ).first()


def _within_municipality(pages, slug):
    root = _municipality_root(slug)
    return pages.descendant_of(root, inclusive=True) if root else pages.none()


def public_document_ids(pages) -> list[int]:
    """The documents in unrestricted collections that the given (public) pages link to."""
    Document = get_document_model()
    restricted = Collection.objects.none()
    for collection in Collection.objects.filter(view_restrictions__isnull=False):
        restricted |= Collection.objects.filter(path__startswith=collection.path)
    linked = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(Document),
        object_id__in=pages.annotate(text_id=Cast("pk", CharField())).values("text_id"),
    ).values_list("to_object_id", flat=True)
    ids = {int(pk) for pk in linked if pk.isdigit()}
    return list(
        Document.objects.filter(pk__in=ids)
        .exclude(collection__in=restricted.values("pk"))
        .values_list("pk", flat=True)
    )


# -- the three kinds --------------------------------------------------------------------------


class PageResults:
    kind = KIND_PAGES

    def __init__(self, query, pages):
        self.results = pages.search(query, operator="and") if query is not None else None

    @cached_property
    def count(self):
        return self.results.count() if self.results is not None else 0

    def slice(self, start, stop):
        found = list(self.results[start:stop])
        specific = Page.objects.filter(pk__in=[p.pk for p in found]).specific()
        by_pk = {p.pk: p for p in specific}
        return [page_result(by_pk[p.pk]) for p in found if p.pk in by_pk]


def page_result(page) -> Result:
    municipality = lookups.municipality_of(page)
    return Result(
        kind=KIND_PAGES,
        title=page.title,
        url=page.url,
        text=page.get_meta_description() if hasattr(page, "get_meta_description") else "",
        place=municipality.short_name if municipality else _("Dalsland"),
        page=page,
    )


class DocumentResults:
    kind = KIND_DOCUMENTS

    def __init__(self, query, pages):
        self.results = None
        if query is not None:
            ids = public_document_ids(pages)
            if ids:
                Document = get_document_model()
                self.results = Document.objects.filter(pk__in=ids).search(query, operator="and")

    @cached_property
    def count(self):
        return self.results.count() if self.results is not None else 0

    def slice(self, start, stop):
        return [
            Result(
                kind=KIND_DOCUMENTS,
                title=document.title,
                url=document.url,
                file_type=document.file_extension.upper(),
                file_size=document.file_size,
                document=document,
            )
            for document in self.results[start:stop]
        ]


class DiaryResults:
    kind = KIND_DIARY

    def __init__(self, text, municipality, vocabulary):
        self.documents = None
        if text:
            self.documents = search_documents(
                q=text, municipality=municipality, order=ORDER_RELEVANCE, vocabulary=vocabulary
            )

    @cached_property
    def counted(self):
        return count_documents(self.documents) if self.documents is not None else 0

    @cached_property
    def count(self):
        return min(self.counted, MAX_COUNTED)

    def slice(self, start, stop):
        documents = self.documents
        if self.counted > MAX_COUNTED:
            # Ranking reads every match: beyond what can be counted, newest first.
            documents = documents.order_by("-registered_date", "-id")
        return [diary_result(document) for document in documents[start:stop]]


def diary_result(document) -> Result:
    case = document.case
    number = case.case_number
    return Result(
        kind=KIND_DIARY,
        title=document.display_title or case.title,
        url=reverse("diary_case", args=[document.municipality.slug, document.register.code, number])
        + f"#handling-{document.pk}",
        text=_("Ärende %(number)s: %(title)s") % {"number": case.case_number, "title": case.title},
        place=document.municipality.short_name,
        registered=document.registered_date,
    )


class CombinedResults:
    """The kinds one after another, as one sequence a Paginator can cut pages from."""

    def __init__(self, sources):
        self.sources = [source for source in sources if source.count]

    def count(self):
        return sum(source.count for source in self.sources)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        found, offset = [], 0
        for source in self.sources:
            low, high = max(start - offset, 0), min(stop - offset, source.count)
            if low < high:
                found += source.slice(low, high)
            offset += source.count
            if offset >= stop:
                break
        return found


# -- views ------------------------------------------------------------------------------------


def typed_text(request) -> str:
    """What was typed in `q`, as text to search for: runs of spaces as one, cut at
    MAX_QUERY_LENGTH, and a NUL character read as a space. No one types a NUL, PostgreSQL
    refuses any string holding one, and a search should answer whatever the address holds
    ("före%00efter" searches "före efter")."""
    return " ".join(request.GET.get("q", "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH]


def throttled(request, scope: str, per_minute: int) -> int | None:
    """Seconds to wait when this client has searched more than `per_minute` times in the
    current minute (a robot walking the index; a person typing never gets there)."""
    return throttle.hit(scope, request, limit=per_minute, window=60)


def too_many(response, wait: int):
    """A 429 that says when to come back, kept by no cache: the next client is not throttled."""
    response.status_code = 429
    response["Retry-After"] = str(wait)
    add_never_cache_headers(response)
    return response


def search(request):
    text = typed_text(request)
    wait = throttled(request, "search", settings.SEARCH_REQUESTS_PER_MINUTE) if text else None
    municipalities = list(Municipality.objects.all())
    selected = request.GET.get("kommun", "")
    if selected not in {m.slug for m in municipalities}:
        selected = ""
    kind = request.GET.get("typ", "")
    if kind not in KINDS:
        kind = ""

    results_page, promotions, counts, sources = None, [], {}, {}
    vocabulary = swedish.vocabulary() if text else frozenset()
    query = swedish.build_query(text, vocabulary) if text and not wait else None
    if query is not None:
        pages = public_pages()
        if selected:
            pages = _within_municipality(pages, selected)
        municipality = next((m for m in municipalities if m.slug == selected), None)
        sources = {
            KIND_PAGES: PageResults(query, pages),
            KIND_DOCUMENTS: DocumentResults(query, pages),
            KIND_DIARY: DiaryResults(text, municipality, vocabulary),
        }
        counts = {name: source.count for name, source in sources.items()}
        chosen = [sources[kind]] if kind else list(sources.values())
        paginator = Paginator(CombinedResults(chosen), RESULTS_PER_PAGE)
        try:
            results_page = paginator.page(request.GET.get("sida", 1))
        except PageNotAnInteger:
            results_page = paginator.page(1)
        except EmptyPage:
            results_page = paginator.page(paginator.num_pages)
        if results_page.number == 1 and kind in ("", KIND_PAGES):
            promotions = promoted_results(text, pages)

    response = render(
        request,
        "search/search.html",
        {
            "query": text,
            "throttled": wait,
            "results_page": results_page,
            "promotions": promotions,
            "kinds": [
                {
                    "value": value,
                    "label": label,
                    "count": counts.get(value),
                    # The diary counts no further than MAX_COUNTED: "1000+".
                    "more": getattr(sources.get(value), "counted", 0) > MAX_COUNTED,
                }
                for value, label in KINDS.items()
            ],
            "total": sum(counts.values()) if counts else 0,
            "selected_kind": kind,
            "municipalities": municipalities,
            "selected_municipality": selected,
            "page_title": _("Sök")
            if not text
            else _("Sökresultat för ”%(query)s”") % {"query": text},
        },
    )
    return too_many(response, wait) if wait else response


def promoted_results(text, pages) -> list[Result]:
    """The editors' promoted pages for this search, those that are public pages here."""
    promotions = SearchPromotion.objects.filter(
        query__query_string=normalise_query_string(text), page__isnull=False
    ).order_by("sort_order")
    page_ids = [promotion.page_id for promotion in promotions]
    allowed = {page.pk: page for page in pages.filter(pk__in=page_ids).specific()}
    results = []
    for promotion in promotions:
        page = allowed.get(promotion.page_id)
        if page is not None:
            result = page_result(page)
            result.text = promotion.description or result.text
            results.append(result)
    return results


def suggestions(request):
    """Up to MAX_SUGGESTIONS titles of public pages that begin like the typed words, for the
    search fields' suggestion lists (theme/static/theme/js/search-suggestions.js)."""
    text = typed_text(request)
    wait = throttled(request, "search-suggestions", settings.SEARCH_SUGGESTIONS_PER_MINUTE)
    if wait:
        return too_many(JsonResponse({"query": text, "suggestions": []}), wait)
    titles = []
    typed = swedish.words(text)
    # The words only, as in the search page's query (swedish.build_query): SQLite's FTS5
    # backend puts the text into its query syntax as it is, where a quote opens a string that
    # never ends. A title begins like words, not like punctuation, anyway.
    words = " ".join(typed)
    if len(words) >= MIN_SUGGESTION_LENGTH:
        for page in public_pages().autocomplete(words)[: MAX_SUGGESTIONS * 3]:
            # Only titles with a word beginning like each typed word: the index also matches
            # inside other fields, which reads as noise in a list of titles.
            title_words = swedish.words(page.title)
            starts = all(any(w.startswith(t) for w in title_words) for t in typed)
            if starts and page.title not in titles:
                titles.append(page.title)
            if len(titles) == MAX_SUGGESTIONS:
                break
    response = JsonResponse({"query": text, "suggestions": [{"title": t} for t in titles]})
    response["Cache-Control"] = "public, max-age=300"
    return response
