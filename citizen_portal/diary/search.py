"""Searching the published diary: one query behind the search page and the JSON API.

Every filter works on the columns copied onto Document (municipality, register,
registered_date), so that with a million rows PostgreSQL narrows the search through the
indexes in models.py before it joins anything. Free text uses the Swedish full-text vector
on PostgreSQL and falls back to LIKE on other databases (the SQLite demo).
"""

from datetime import date

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import DateField, ExpressionWrapper, F, Q, QuerySet

from portal import swedish
from portal.models import Municipality

from .models import Case, Document, Register

ORDER_DATE = "date"
ORDER_RELEVANCE = "relevance"
MAX_QUERY_LENGTH = 200
# Counting stops here: a common word matches hundreds of thousands of rows, and counting them
# (or ranking them) costs more than finding a page of them. 1,000 keeps the count of a common
# word near 3 ms at a million rows (10,000 took 20 ms, half the time of the whole page) and is
# 50 pages of 20, more than anyone reads; a narrower search is counted exactly.
MAX_COUNTED = 1_000
# The LIKE fallback ANDs one OR per word; a long paste would make a very long query.
MAX_WORDS = 8
QUOTES = "\"'”“„»«"


def search_documents(
    *,
    q: str = "",
    municipality: Municipality | None = None,
    register: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    direction: str = "",
    case_number: str = "",
    order: str = ORDER_DATE,
    vocabulary: frozenset[str] | None = None,
) -> QuerySet[Document]:
    """The published documents that match, with their case, register and municipality.

    `register` is a register code (KS, BUN), in one municipality or, without one, in all of
    them. `date_from` and `date_to` are inclusive and apply to the registration date.
    `case_number` must match exactly (a code typed in lower case matches too). `order` is
    ORDER_DATE (newest registered first) or ORDER_RELEVANCE (best match first; only with
    `q`, otherwise newest first). Ranking reads every match, so callers rank only what
    count_documents() could count, and count with it rather than .count().

    With a `vocabulary` (the caller's: search/swedish.py), each word of `q` also matches its
    definite form's base and, for a compound, its two parts ("bygglovet" finds "bygglov");
    without one, `q` is read as a web search (quotes for a phrase, - to leave a word out).
    """
    documents = Document.objects.select_related("case", "register", "municipality")

    registers = Register.objects.all()
    if municipality is not None:
        documents = documents.filter(municipality_id=municipality.pk)
        registers = registers.filter(municipality_id=municipality.pk)
    if register:
        # A handful of rows: resolve them here so the database can use (register, date).
        registers = registers.filter(code=register.strip().upper())
        documents = documents.filter(register_id__in=list(registers.values_list("pk", flat=True)))
    if date_from is not None:
        documents = documents.filter(registered_date__gte=date_from)
    if date_to is not None:
        documents = documents.filter(registered_date__lte=date_to)
    if direction:
        documents = documents.filter(direction=direction)
    if case_number:
        documents = documents.filter(case_id__in=_cases_numbered(case_number, registers))

    # A NUL is no one's search and PostgreSQL refuses any string holding one: a space.
    q = " ".join((q or "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH]
    ranked = None
    if q:
        terms = swedish.search_terms(q, vocabulary) if vocabulary is not None else None
        if connections[documents.db].vendor == "postgresql":
            query = (
                _expanded_query(terms)
                if terms
                else SearchQuery(q, config="swedish", search_type="websearch")
            )
            documents = documents.filter(search_vector=query)
            ranked = SearchRank(F("search_vector"), query)
        elif terms:
            documents = documents.filter(_terms_match(terms))
        else:
            documents = documents.filter(_words_match(q))

    if order == ORDER_RELEVANCE and ranked is not None:
        return documents.order_by(ranked.desc(), "-registered_date", "-id")
    return documents.order_by("-registered_date", "-id")


def _cases_numbered(case_number: str, registers: QuerySet) -> QuerySet:
    """The ids of the cases with this number, as a subquery (no join in the count). The
    number is matched as typed and in upper case ("ks 2025/123" finds "KS 2025/123").

    Naming the registers, even all of them, lets the database look the number up in the
    (register, case number) unique index once per register instead of reading every case.
    """
    number = " ".join(case_number.split())
    return Case.objects.filter(
        register_id__in=registers.values("pk"), case_number__in={number, number.upper()}
    ).values("pk")


def is_ranked(documents: QuerySet) -> bool:
    """Whether search_documents() ordered these best match first: only with free text, and
    only on PostgreSQL (the LIKE fallback has no rank, so relevance order is date order)."""
    order = documents.query.order_by
    return bool(order) and isinstance(getattr(order[0], "expression", None), SearchRank)


def count_documents(documents: QuerySet, limit: int = MAX_COUNTED) -> int:
    """How many documents match, counting no further than `limit` + 1: a result above `limit`
    means "more than `limit`". Counting every match of a common word in a million rows costs
    more than finding the page of them to show."""
    return documents.order_by()[: limit + 1].count()


def paged(documents: QuerySet, counted: int) -> QuerySet:
    """search_documents()'s documents in the same order, to be read a page at a time, once
    count_documents() has counted them.

    Newest first, PostgreSQL finds a page by walking the date index back until it has enough
    matches: quick for a common word, but for a rare one it cannot know how far the walk goes
    (to the end of the table when nothing matches: seconds at a million rows), and its guess
    of how rare a word is can be far off. With at most MAX_COUNTED matches, it sorts them
    instead (an order by an expression no index has), which costs little that few.
    """
    if (
        counted > MAX_COUNTED
        or is_ranked(documents)
        or connections[documents.db].vendor != "postgresql"
    ):
        return documents
    # date + 0 is the same date to PostgreSQL, but not the indexed column.
    day = ExpressionWrapper(F("registered_date") + 0, output_field=DateField())
    return documents.order_by(day.desc(), "-id")


def _expanded_query(terms: list[list[str]]) -> SearchQuery:
    """Every word, each as itself or one of its alternatives; a compound's parts together."""
    query = None
    for alternatives in terms[:MAX_WORDS]:
        either = None
        for alternative in alternatives:
            part = SearchQuery(alternative, config="swedish", search_type="plain")
            either = part if either is None else either | part
        query = either if query is None else query & either
    return query


def _terms_match(terms: list[list[str]]) -> Q:
    condition = Q()
    for alternatives in terms[:MAX_WORDS]:
        either = Q()
        for alternative in alternatives:
            both = Q()
            for word in alternative.split():
                both &= _word_matches(word)
            either |= both
        condition &= either
    return condition


def _words_match(q: str) -> Q:
    """Every word in the case title, the document title, the party or the case number.

    A secrecy-marked document's title and a private individual's name are left out even if
    a row holds them (the import never stores them), so a search cannot reveal what the
    page would not show.
    """
    condition = Q()
    for word in q.split()[:MAX_WORDS]:
        # A phrase's quotes are not part of its words, as in PostgreSQL's web search.
        word = word.strip(QUOTES)
        if word:
            condition &= _word_matches(word)
    return condition


def _word_matches(word: str) -> Q:
    return (
        Q(case__title__icontains=word)
        | Q(case__case_number__icontains=word)
        | Q(document_number__icontains=word)
        | (Q(title__icontains=word) & Q(secrecy=""))
        | (Q(party__icontains=word) & ~Q(party_type=Document.PartyType.PRIVATE))
    )
