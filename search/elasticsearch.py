"""Wagtail's Elasticsearch 9 backend with Swedish analysis, used when ELASTICSEARCH_URL is set
(config/settings/base.py names this module as the backend).

Wagtail's stock settings analyse full text with Elasticsearch's `standard` analyzer: no
stemming, no stop words, no compounds, so "förskolan" does not find "förskola". Here:

* every full-text field, and the `_all_text` fields a search runs against, is analysed by
  the `swedish` analyzer: lowercase, Swedish stop words, a dictionary decompounder and the
  Swedish Snowball stemmer. The mapping names it on each field (SwedishMapping) and it is
  also the index's `default`, so a field the mapping does not name is Swedish too;
* the decompounder's word list comes from the content itself, the words of the public page
  and document titles and descriptions, read when an index is created (`update_index`), so
  "bygglovsansökan" is indexed and searched as "bygglovsansökan", "bygglov" and "ansökan".
  A word that first appears later splits compounds from the next `update_index` on;
* autocomplete keeps Wagtail's edge n-grams but folds å, ä and ö to a, a and o on both sides
  (Wagtail folds only when indexing, so "förs" would not find "Förskola"), so "forsk" typed
  on a keyboard without Swedish letters finds it too.

The client connects only when the index is used: constructing the backend, its settings and
its mappings needs no server (search/tests/test_elasticsearch.py relies on that).
"""

import re
from collections import Counter
from copy import deepcopy

from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Index,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)
from modelsearch.utils import deep_update

SWEDISH_ANALYZER = "swedish"
AUTOCOMPLETE_SEARCH_ANALYZER = "autocomplete_search"
DECOMPOUNDER = "swedish_decompounder"
# Words shorter than this are not compound parts: "för" and "och" would split half the
# language. Long lists belong in a file on the server, so the list is capped.
MIN_WORD_LENGTH = 4
MAX_WORDS = 20_000
WORD = re.compile(r"[a-zåäöéü]+")

SWEDISH = {
    "type": "custom",
    "tokenizer": "standard",
    "filter": ["lowercase", "swedish_stop", "swedish_stemmer"],
}

INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "filter": {
                "swedish_stop": {"type": "stop", "stopwords": "_swedish_"},
                "swedish_stemmer": {"type": "stemmer", "language": "swedish"},
            },
            "analyzer": {
                SWEDISH_ANALYZER: SWEDISH,
                "default": SWEDISH,
                # Wagtail's own, for autocomplete: the same edge n-grams, and the same folding
                # at search time as at index time.
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["asciifolding", "lowercase", "edgengram"],
                },
                AUTOCOMPLETE_SEARCH_ANALYZER: {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["asciifolding", "lowercase"],
                },
            },
        }
    }
}


def compound_word_list(limit: int = MAX_WORDS) -> list[str]:
    """The words of the live, public pages' titles and descriptions and of the document titles,
    most frequent first: the parts the decompounder may split a compound into."""
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    counts: Counter[str] = Counter()
    texts = Page.objects.live().public().values_list("title", "search_description")
    for title, description in texts.iterator(chunk_size=1000):
        counts.update(WORD.findall(f"{title} {description}".lower()))
    for title in get_document_model().objects.values_list("title", flat=True).iterator():
        counts.update(WORD.findall(title.lower()))
    words = [word for word, _count in counts.most_common() if len(word) >= MIN_WORD_LENGTH]
    return words[:limit]


def with_decompounder(settings: dict, word_list: list[str]) -> dict:
    """`settings` with a dictionary decompounder fed `word_list` in the Swedish analyzers,
    right after lowercasing, so the parts are stemmed like whole words. Without words the
    settings are returned as they are (Elasticsearch refuses an empty word list)."""
    settings = deepcopy(settings)
    if not word_list:
        return settings
    analysis = settings["settings"]["analysis"]
    analysis["filter"][DECOMPOUNDER] = {
        "type": "dictionary_decompounder",
        "word_list": list(word_list),
        "min_subword_size": MIN_WORD_LENGTH,
        "only_longest_match": True,
    }
    for name in (SWEDISH_ANALYZER, "default"):
        filters = list(analysis["analyzer"][name]["filter"])
        filters.insert(filters.index("lowercase") + 1, DECOMPOUNDER)
        analysis["analyzer"][name] = {**analysis["analyzer"][name], "filter": filters}
    return settings


class SwedishMapping(Elasticsearch9Mapping):
    """Wagtail's mapping with the Swedish analyzer named on every full-text field."""

    edgengram_analyzer_config = {
        "analyzer": "edgengram_analyzer",
        "search_analyzer": AUTOCOMPLETE_SEARCH_ANALYZER,
    }

    def get_mapping(self):
        mapping = super().get_mapping()
        _analyse_as_swedish(mapping["properties"])
        return mapping


def _analyse_as_swedish(properties: dict) -> None:
    for field in properties.values():
        if field.get("type") == "nested":
            _analyse_as_swedish(field["properties"])
        elif field.get("type") == "text" and "analyzer" not in field:
            field["analyzer"] = SWEDISH_ANALYZER


class SwedishIndex(Elasticsearch9Index):
    """An index created with the decompounder's word list read from the content."""

    def put(self):
        settings = with_decompounder(self.backend.settings, compound_word_list())
        self.es.indices.create(index=self.name, **settings)


class SwedishSearchQueryCompiler(Elasticsearch9SearchQueryCompiler):
    mapping_class = SwedishMapping


class SwedishAutocompleteQueryCompiler(Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = SwedishMapping


class SwedishSearchBackend(Elasticsearch9SearchBackend):
    mapping_class = SwedishMapping
    index_class = SwedishIndex
    query_compiler_class = SwedishSearchQueryCompiler
    autocomplete_query_compiler_class = SwedishAutocompleteQueryCompiler
    settings = deep_update(deepcopy(Elasticsearch9SearchBackend.settings), INDEX_SETTINGS)


SearchBackend = SwedishSearchBackend
