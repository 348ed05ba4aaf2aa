"""The provider registry: every app says what it can find, search/ only asks and groups.

An app offers its content in `<app>/search_provider.py` with `providers()` returning
intranet.plugins.SearchProvider objects (the contract lives in the frame; search/'s own are in
search/search_provider.py). Each provider filters by the searching user itself, so private content (team posts, pages
behind a view restriction, deactivated people) never reaches the results or the suggestions.
"""

from intranet.plugins import SearchProvider, found_modules

_cache: dict[str, list[SearchProvider]] = {}


def get_providers() -> list[SearchProvider]:
    """All providers of all installed apps, sorted by order (loaded once per process)."""
    if "providers" not in _cache:
        found: list[SearchProvider] = []
        for module in found_modules("search_provider"):
            found.extend(module.providers())
        found.sort(key=lambda provider: (provider.order, provider.kind))
        _cache["providers"] = found
    return _cache["providers"]


def get_provider(kind: str) -> SearchProvider | None:
    return next((provider for provider in get_providers() if provider.kind == kind), None)


def claimed_page_models() -> list[type]:
    return [model for provider in get_providers() for model in provider.page_models]
