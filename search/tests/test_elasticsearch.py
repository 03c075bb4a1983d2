"""Elasticsearch with Swedish analysis (search/elasticsearch.py).

The first tests need no server: the backend, its index settings and its mappings are built
without a connection. The tests marked `elasticsearch` index the demo's pages in a live
server and search them; they run only when ELASTICSEARCH_URL is set (conftest.py), in indexes
of their own that they delete afterwards.
"""

import importlib.util
import os
import socket
import uuid
from pathlib import Path

import pytest
from wagtail.documents import get_document_model
from wagtail.search.backends import get_search_backend

from citizen_portal.models import ServicePage
from search import elasticsearch
from search.elasticsearch import (
    AUTOCOMPLETE_SEARCH_ANALYZER,
    DECOMPOUNDER,
    SWEDISH_ANALYZER,
    SwedishMapping,
)

BASE_SETTINGS = Path(__file__).resolve().parents[2] / "config" / "settings" / "base.py"


def base_settings_with(monkeypatch, **environ):
    """config/settings/base.py read afresh with these environment variables."""
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.spec_from_file_location("config.settings._probe", BASE_SETTINGS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("the backend tried to connect to a server")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def backend(**params):
    return get_search_backend(
        "search.elasticsearch",
        URLS=["http://127.0.0.1:9"],
        INDEX_PREFIX="test_",
        TIMEOUT=1,
        **params,
    )


def test_elasticsearch_url_switches_to_the_swedish_backend(monkeypatch):
    settings = base_settings_with(
        monkeypatch,
        ELASTICSEARCH_URL="https://search.internal:9200",
        ELASTICSEARCH_INDEX="kommunerna",
    )

    config = settings.WAGTAILSEARCH_BACKENDS["default"]
    assert config["BACKEND"] == "search.elasticsearch"
    assert config["URLS"] == ["https://search.internal:9200"]
    assert config["INDEX_PREFIX"] == "kommunerna_"


def test_without_elasticsearch_url_the_database_backend_is_used(monkeypatch):
    monkeypatch.delenv("ELASTICSEARCH_URL", raising=False)
    settings = base_settings_with(monkeypatch)

    assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == (
        "wagtail.search.backends.database"
    )


def test_the_index_settings_define_the_swedish_analyzer_as_the_default(no_network):
    analysis = backend().settings["settings"]["analysis"]

    swedish = analysis["analyzer"][SWEDISH_ANALYZER]
    assert swedish["filter"] == ["lowercase", "swedish_stop", "swedish_stemmer"]
    assert analysis["analyzer"]["default"] == swedish
    assert analysis["filter"]["swedish_stop"] == {"type": "stop", "stopwords": "_swedish_"}
    assert analysis["filter"]["swedish_stemmer"] == {"type": "stemmer", "language": "swedish"}
    # Wagtail's own analyzers for autocomplete stay, and their settings with them.
    assert "edgengram" in analysis["analyzer"]["edgengram_analyzer"]["filter"]
    assert analysis["filter"]["edgengram"]["type"] == "edge_ngram"
    assert "asciifolding" in analysis["analyzer"][AUTOCOMPLETE_SEARCH_ANALYZER]["filter"]


def test_operators_can_still_add_index_settings(no_network):
    search = backend(INDEX_SETTINGS={"settings": {"index": {"number_of_replicas": 2}}})

    assert search.settings["settings"]["index"]["number_of_replicas"] == 2
    assert SWEDISH_ANALYZER in search.settings["settings"]["analysis"]["analyzer"]


def test_a_pages_full_text_fields_are_analysed_as_swedish(no_network):
    search = backend()
    assert search.mapping_class is SwedishMapping

    properties = search.mapping_class(ServicePage).get_mapping()["properties"]

    for field in [
        "title",
        "citizen_portal_servicepage__intro",
        "citizen_portal_servicepage__body",
        "_all_text",
        "_all_text_boost_2_0",
    ]:
        assert properties[field]["analyzer"] == SWEDISH_ANALYZER, field
    assert properties["title_edgengrams"]["analyzer"] == "edgengram_analyzer"
    assert properties["title_edgengrams"]["search_analyzer"] == AUTOCOMPLETE_SEARCH_ANALYZER
    assert "analyzer" not in properties["title_filter"]  # keyword fields are not analysed


def test_a_documents_nested_tags_are_analysed_as_swedish(no_network):
    properties = SwedishMapping(get_document_model()).get_mapping()["properties"]

    assert properties["title"]["analyzer"] == SWEDISH_ANALYZER
    assert properties["tags"]["properties"]["name"]["analyzer"] == SWEDISH_ANALYZER


def test_the_decompounder_comes_after_lowercasing_and_before_stemming():
    settings = elasticsearch.with_decompounder(
        elasticsearch.SwedishSearchBackend.settings, ["bygglov", "ansökan"]
    )

    analysis = settings["settings"]["analysis"]
    assert analysis["filter"][DECOMPOUNDER]["type"] == "dictionary_decompounder"
    assert analysis["filter"][DECOMPOUNDER]["word_list"] == ["bygglov", "ansökan"]
    for name in (SWEDISH_ANALYZER, "default"):
        assert analysis["analyzer"][name]["filter"] == [
            "lowercase",
            DECOMPOUNDER,
            "swedish_stop",
            "swedish_stemmer",
        ]
    # The backend's own settings are left as they were.
    assert DECOMPOUNDER not in elasticsearch.SwedishSearchBackend.settings["settings"][
        "analysis"
    ].get("filter", {})


def test_without_words_there_is_no_decompounder():
    settings = elasticsearch.with_decompounder(elasticsearch.SwedishSearchBackend.settings, [])

    assert DECOMPOUNDER not in settings["settings"]["analysis"]["filter"]


class RecordingIndices:
    def __init__(self):
        self.created = []

    def create(self, **kwargs):
        self.created.append(kwargs)


class RecordingClient:
    def __init__(self):
        self.indices = RecordingIndices()


@pytest.mark.django_db
def test_a_new_index_gets_the_words_of_the_public_content_as_compound_parts(no_network):
    search = backend()
    search.es = RecordingClient()

    search.get_index_for_model(ServicePage).put()

    [created] = search.es.indices.created
    assert created["index"] == "test_wagtailcore_page"
    words = created["settings"]["analysis"]["filter"][DECOMPOUNDER]["word_list"]
    assert {"bygglov", "förskola"} <= set(words)
    assert all(len(word) >= elasticsearch.MIN_WORD_LENGTH for word in words)


# --- Against a live server ------------------------------------------------------------------


@pytest.fixture
def live_index(db):
    """The demo's Swedish service pages in a fresh index of the live server; deleted after."""
    search = get_search_backend(
        "search.elasticsearch",
        URLS=[os.environ["ELASTICSEARCH_URL"]],
        INDEX_PREFIX=f"test_{uuid.uuid4().hex[:8]}_",
    )
    index = search.get_index_for_model(ServicePage)
    index.put()
    try:
        index.add_model(ServicePage)
        pages = ServicePage.objects.live().filter(locale__language_code="sv")
        index.add_items(ServicePage, list(pages))
        index.refresh()
        yield search, index, pages
    finally:
        index.delete()


def titles(results):
    return {page.title for page in results}


@pytest.mark.elasticsearch
def test_live_the_swedish_analyzer_splits_and_stems(live_index):
    search, index, _pages = live_index

    analysed = search.es.indices.analyze(
        index=index.name, analyzer=SWEDISH_ANALYZER, text="Bygglovsansökan förskolan"
    )

    tokens = {token["token"] for token in analysed["tokens"]}
    assert "bygglov" in tokens
    assert "förskol" in tokens  # the stem of förskola and förskolan


@pytest.mark.elasticsearch
@pytest.mark.parametrize(
    ("typed", "title"),
    [("förskolan", "Förskola"), ("bygglovet", "Bygglov"), ("bygglovsansökan", "Bygglov")],
)
def test_live_definite_and_compound_forms_find_the_service_pages(live_index, typed, title):
    search, _index, pages = live_index

    found = titles(search.search(typed, pages))

    assert title in found


@pytest.mark.elasticsearch
def test_live_autocomplete_finds_titles_typed_without_swedish_letters(live_index):
    search, _index, pages = live_index

    assert "Förskola" in titles(search.autocomplete("forsk", pages))
    assert "Förskola" in titles(search.autocomplete("försk", pages))
