"""The OpenSearch configuration for Wagtail's search (docs/search.md): the way beyond one database.

Switched on by SEARCH_BACKEND=opensearch and SEARCH_URL (settings/base.py); the settings module
imports this file, so it must not import Django models. Dutch analysis (folding, stop words,
stemming) is the default analyzer; SEARCH_SYNONYMS ("hr, p&o; loon, salaris") puts an organisation's
list into the engine as well (editors' synonyms keep working without it: Plein expands them first).
"""


def opensearch_backend(url, *, version=3, prefix="plein_", timeout=5, synonyms=""):
    """The WAGTAILSEARCH_BACKENDS entry for OpenSearch 2.x or 3.x at `url`."""
    if version not in (2, 3):
        raise ValueError(f"OpenSearch {version} is not supported; use 2 or 3")
    filters = {
        "dutch_stop": {"type": "stop", "stopwords": "_dutch_"},
        "dutch_stemmer": {"type": "stemmer", "language": "dutch"},
    }
    search_filters = ["lowercase", "asciifolding", "dutch_stop", "dutch_stemmer"]
    groups = [group.strip() for group in synonyms.split(";") if group.strip()]
    if groups:
        filters["plein_synonyms"] = {"type": "synonym_graph", "synonyms": groups}
        search_filters.insert(2, "plein_synonyms")
    return {
        "BACKEND": f"modelsearch.backends.opensearch{version}",
        "URLS": [url],
        "INDEX_PREFIX": prefix,
        "TIMEOUT": timeout,
        "AUTO_UPDATE": True,
        "INDEX_SETTINGS": {
            "settings": {
                "analysis": {
                    "filter": filters,
                    "analyzer": {
                        "default": {
                            "tokenizer": "standard",
                            "filter": ["lowercase", "asciifolding", "dutch_stop", "dutch_stemmer"],
                        },
                        "default_search": {"tokenizer": "standard", "filter": search_filters},
                    },
                }
            }
        },
    }
