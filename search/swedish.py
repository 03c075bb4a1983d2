"""Swedish words the full-text stemmer does not bring together: definite forms and compounds.

PostgreSQL's Swedish (Snowball) stemmer turns "förskolan" and "förskola" into the same stem, but
not "bygglovet" into "bygglov", and it never splits a compound: "bygglovsansökan" is one word
to it. SQLite's FTS5, in the demo, does not stem at all. So each word of a query is expanded
before it is searched, against the words that actually occur in what the search covers (the
vocabulary), never against a list of chosen words:

* a definite or plural ending is taken off when what remains is a word in the vocabulary
  ("bygglovet" also searches "bygglov", "förskolan" also "förskola");
* a word that is not in the vocabulary is split into two words that are, with or without the
  linking s or e ("bygglovsansökan" also searches "bygglov" and "ansökan" together).

The word as typed is always searched too, so the expansion only ever adds matches.
"""

import re
import time
from functools import reduce

from django.core.cache import cache
from wagtail.search.query import And, Or, PlainText

WORD = re.compile(r"[0-9a-zåäöéüæø]+")
# Longest first: "skolorna" loses "orna", not "na".
ENDINGS = ("arna", "erna", "orna", "et", "en", "na", "n", "t")
LINKS = ("s", "e", "")
MIN_HEAD = 4  # "för" + "skola" is not a compound to split
MIN_TAIL = 3
MIN_STEM = 3
MAX_WORDS = 10
VOCABULARY_CACHE_KEY = "search:swedish-vocabulary"
VOCABULARY_SECONDS = 600


def words(text: str) -> list[str]:
    return WORD.findall((text or "").lower())[:MAX_WORDS]


def definite_forms(word: str, vocabulary: frozenset[str]) -> list[str]:
    """The word without a definite or plural ending, where that is a word of the vocabulary."""
    forms = []
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            base = word[: -len(ending)]
            if base in vocabulary and base not in forms:
                forms.append(base)
    return forms


def compound_parts(word: str, vocabulary: frozenset[str]) -> tuple[str, str] | None:
    """The word as two words of the vocabulary, the longest first part first, or None."""
    if word in vocabulary:
        return None
    for split in range(len(word) - MIN_TAIL, MIN_HEAD - 1, -1):
        head, rest = word[:split], word[split:]
        if head not in vocabulary:
            continue
        for link in LINKS:
            if not rest.startswith(link):
                continue
            tail = rest[len(link) :]
            if len(tail) < MIN_TAIL:
                continue
            if tail in vocabulary:
                return head, tail
            forms = definite_forms(tail, vocabulary)
            if forms:
                return head, forms[0]
    return None


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


def search_terms(text: str, vocabulary: frozenset[str]) -> list[list[str]]:
    """The same expansion as plain words, for searches that are not Wagtail's (the diary):
    per word of the text, the words any of which may match (a compound's parts are given as
    one entry joined by a space, meaning both)."""
    terms = []
    for word in dict.fromkeys(words(text)):
        alternatives = [word, *definite_forms(word, vocabulary)]
        parts = compound_parts(word, vocabulary)
        if parts:
            alternatives.append(" ".join(parts))
        terms.append(alternatives)
    return terms


def vocabulary() -> frozenset[str]:
    """The words of what the site search covers: page and document titles and texts, as
    Wagtail's search index holds them, and the diary's case titles. Built at most every ten
    minutes (shared through the cache) and kept in the process meanwhile, so a search does not
    fetch it from the cache each time; a new word is a compound part ten minutes later at
    the latest."""
    now = time.monotonic()
    if _memo["words"] is not None and now - _memo["at"] < VOCABULARY_SECONDS:
        return _memo["words"]
    cached = cache.get(VOCABULARY_CACHE_KEY)
    if cached is None:
        found = build_vocabulary()
        cache.set(VOCABULARY_CACHE_KEY, sorted(found), VOCABULARY_SECONDS)
    else:
        found = frozenset(cached)
    _memo.update(words=found, at=now)
    return found


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
