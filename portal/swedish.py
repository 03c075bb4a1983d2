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

Pure word handling, no database: the site search (search/swedish.py) builds Wagtail queries
from it and the diary (citizen_portal/diary/search.py) plain-word conditions.
"""

import re

WORD = re.compile(r"[0-9a-zåäöéüæø]+")
# Longest first: "skolorna" loses "orna", not "na".
ENDINGS = ("arna", "erna", "orna", "et", "en", "na", "n", "t")
LINKS = ("s", "e", "")
MIN_HEAD = 4  # "för" + "skola" is not a compound to split
MIN_TAIL = 3
MIN_STEM = 3
MAX_WORDS = 10


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
