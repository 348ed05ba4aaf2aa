"""The OpenSearch switch (docs/search.md), tested as far as it goes without a server: the settings it
produces, the backend Wagtail builds from them, the Dutch analysis, the index mappings and a compiled
query. What needs a server (indexing, ranking) is not tested here."""

import importlib

import pytest

from search.opensearch import opensearch_backend

pytest.importorskip("opensearchpy")


@pytest.fixture
def base_settings(monkeypatch):
    from intranet.settings import base

    monkeypatch.setenv("SEARCH_BACKEND", "opensearch")
    monkeypatch.setenv("SEARCH_URL", "https://opensearch.intern:9200")
    monkeypatch.setenv("SEARCH_SYNONYMS", "hr, p&o, personeelszaken; loon, salaris")
    try:
        yield importlib.reload(base)
    finally:
        monkeypatch.undo()
        importlib.reload(base)


def test_the_environment_switches_the_backend(base_settings):
    backend = base_settings.WAGTAILSEARCH_BACKENDS["default"]
    assert backend["BACKEND"] == "modelsearch.backends.opensearch3"
    assert backend["URLS"] == ["https://opensearch.intern:9200"]
    analysis = backend["INDEX_SETTINGS"]["settings"]["analysis"]
    assert analysis["filter"]["plein_synonyms"]["synonyms"] == ["hr, p&o, personeelszaken", "loon, salaris"]
    assert "plein_synonyms" in analysis["analyzer"]["default_search"]["filter"]
    assert "plein_synonyms" not in analysis["analyzer"]["default"]["filter"]  # synonyms at query time only


def test_without_the_switch_search_stays_in_the_database():
    from django.conf import settings

    assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "search.backend"


@pytest.mark.parametrize("version", [2, 3])
def test_wagtail_builds_the_backend_with_dutch_analysis_mappings_and_queries(version, db):
    from news.models import NewsPage
    from people.models import Person

    config = opensearch_backend("http://127.0.0.1:9", version=version, synonyms="hr, p&o")
    backend = _build(config)
    analyzer = backend.settings["settings"]["analysis"]["analyzer"]["default"]
    assert analyzer["filter"][-2:] == ["dutch_stop", "dutch_stemmer"]
    assert backend.index_prefix == "plein_" and backend.timeout == 5
    for model in (NewsPage, Person):
        mapping = backend.mapping_class(model).get_mapping()
        assert mapping["properties"], model
    query = backend.query_compiler_class(NewsPage.objects.live(), "verlof aanvragen").get_query()
    assert "verlof aanvragen" in str(query)


def _build(config):
    from django.utils.module_loading import import_string

    params = dict(config)
    backend_class = import_string(params.pop("BACKEND") + ".SearchBackend")
    return backend_class(params)


def test_an_unknown_version_is_refused():
    with pytest.raises(ValueError, match="2 or 3"):
        opensearch_backend("http://x", version=1)
