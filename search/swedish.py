"""The site search's Swedish query expansion (portal/swedish.py) as Wagtail search queries, and
the vocabulary it expands against: the words that actually occur in what the search covers
(the search index and the diary's case titles), never a list of chosen words."""

import time
from functools import reduce

from django.core.cache import cache
from wagtail.search.query import And, Or, PlainText

from portal.swedish import (
    MIN_TAIL,
    WORD,
    compound_parts,
    definite_forms,
    search_terms,
    words,
)

__all__ = ["build_query", "compound_parts", "definite_forms", "search_terms", "vocabulary", "words"]

VOCABULARY_CACHE_KEY = "search:swedish-vocabulary"
# The scheduler's job `refresh_search_vocabulary` (config/settings/base.py) builds it every ten
# minutes; the cached copy lasts longer, so it never runs out while the scheduler runs, and a
# search builds it itself only when there is none (first start, a cleared cache, no scheduler
# for an hour).
VOCABULARY_CACHE_SECONDS = 3600
# How long a process keeps the copy it read from the cache before reading it again.
VOCABULARY_MEMO_SECONDS = 60


def expand_word(word: str, vocabulary: frozenset[str]) -> list:
    """Search query alternatives for one word: itself first."""
    alternatives = [PlainText(word)]
    alternatives += [PlainText(form) for form in definite_forms(word, vocabulary)]
    parts = compound_parts(word, vocabulary)
    if parts:
        alternatives.append(And([PlainText(part) for part in parts]))
    return alternatives


def build_query(text: str, vocabulary: frozenset[str]):
    """A Wagtail search query: every word (or one of its alternatives) must match. None for a
    text without words."""
    clauses = []
    for word in dict.fromkeys(words(text)):
        alternatives = expand_word(word, vocabulary)
        clauses.append(alternatives[0] if len(alternatives) == 1 else Or(alternatives))
    if not clauses:
        return None
    return reduce(lambda left, right: And([left, right]), clauses)


def vocabulary() -> frozenset[str]:
    """The words of what the site search covers: page and document titles and texts, as
    Wagtail's search index holds them, and the diary's case titles. The scheduler builds it
    (`refresh_vocabulary`) and shares it through the cache; a process keeps the copy it read
    for a minute, so a search does not fetch it from the cache each time. A search builds it
    only when the cache has none, so it never fails or comes back empty for want of the job."""
    now = time.monotonic()
    if _memo["words"] is not None and now - _memo["at"] < VOCABULARY_MEMO_SECONDS:
        return _memo["words"]
    cached = cache.get(VOCABULARY_CACHE_KEY)
    if cached is None:
        found = build_vocabulary()
        cache.set(VOCABULARY_CACHE_KEY, sorted(found), VOCABULARY_CACHE_SECONDS)
    else:
        found = frozenset(cached)
    _memo.update(words=found, at=now)
    return found


def refresh_vocabulary() -> int:
    """The scheduled job: build the vocabulary and put it in the cache for every web process.
    Returns how many words it holds. Only a shared cache (REDIS_URL) reaches the web
    processes; with the in-process cache each of them builds its own."""
    found = build_vocabulary()
    cache.set(VOCABULARY_CACHE_KEY, sorted(found), VOCABULARY_CACHE_SECONDS)
    return len(found)


_memo: dict = {"words": None, "at": 0.0}


def build_vocabulary() -> frozenset[str]:
    from django.db import connection
    from wagtail.search.models import IndexEntry

    from citizen_portal.diary.models import Case

    text_fields = (
        ("title_text", "body_text") if connection.vendor == "postgresql" else ("title", "body")
    )
    found: set[str] = set()
    for texts in IndexEntry.objects.values_list(*text_fields).iterator(chunk_size=500):
        for text in texts:
            found.update(WORD.findall((text or "").lower()))
    # Titles repeat across a diary's cases: read each distinct one once.
    titles = Case.objects.order_by().values_list("title", flat=True).distinct()
    for title in titles.iterator(chunk_size=2000):
        found.update(WORD.findall(title.lower()))
    return frozenset(word for word in found if len(word) >= MIN_TAIL and not word.isdigit())
