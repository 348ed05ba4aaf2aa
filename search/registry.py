"""The provider registry: every app says what it can find, search/ only asks and groups.

An app offers its content in `<app>/search_provider.py` with `providers()` returning SearchProvider
objects. Each provider filters by the searching user itself, so private content (team posts, pages
behind a view restriction, deactivated people) never reaches the results or the suggestions.
"""

from dataclasses import dataclass
from importlib import import_module

from django.apps import apps
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext_lazy as _

# The kinds' names live here so that search/'s catalogue translates them for every provider.
KIND_LABELS = {
    "sections": _("Sections"),
    "people": _("People"),
    "services": _("Direct regelen"),
    "teams": _("Teams"),
    "news": _("News and blogs"),
    "posts": _("Posts"),
    "prikbord": _("Notice board"),
    "documents": _("Documents"),
    "apps": _("Apps"),
    "pages": _("Pages"),
}


@dataclass
class SearchResult:
    title: str
    url: str
    kind: str
    subtitle: str = ""
    image_url: str = ""
    initials: str = ""
    click_url: str = ""
    # Found through typo tolerance (trigram likeness) rather than the words themselves: ranks last.
    typo: bool = False

    def as_json(self):
        return {
            "title": self.title,
            "url": self.click_url or self.url,
            "subtitle": self.subtitle,
            "image": self.image_url,
            "initials": self.initials,
        }


class SearchProvider:
    """One kind of result. Subclasses set kind/label/order and implement search and suggest."""

    kind = ""
    label = ""
    order = 100
    # Page models this provider answers for, so the generic pages provider leaves them out.
    page_models = ()
    # Apps (labels) whose changes make only this kind's cached answers stale (search/apps.py).
    watched_apps = frozenset()
    # Answers from memory, no query: needs no slot among the expensive requests (intranet.concurrency).
    cheap = False

    def search(self, query, user, limit, offset=0):
        """Return (total, [SearchResult]) for a search.query.SearchQuery; limit 0 counts only."""
        raise NotImplementedError

    def suggest(self, query, user, limit):
        """Return a short [SearchResult] for the suggestions list while typing."""
        raise NotImplementedError

    def typo_search(self, query, user, limit, exclude_urls=()):
        """Results that resemble the text despite a typo (PostgreSQL), marked typo=True. search/ asks
        only when the whole search found little, so no kind pays for it on an ordinary query."""
        return []

    def visibility_key(self, user):
        """What makes this kind's results differ between users, for the per-query cache: "" when
        everybody sees the same; None when the results must not be cached for this user."""
        return None


_cache = {}


def get_providers():
    """All providers of all installed apps, sorted by order (loaded once per process)."""
    if "providers" not in _cache:
        found = []
        for config in apps.get_app_configs():
            if config.name == "search":
                module = import_module("search.providers")
            elif module_has_submodule(config.module, "search_provider"):
                module = import_module(f"{config.name}.search_provider")
            else:
                continue
            found.extend(module.providers())
        found.sort(key=lambda provider: (provider.order, provider.kind))
        _cache["providers"] = found
    return _cache["providers"]


def get_provider(kind):
    return next((provider for provider in get_providers() if provider.kind == kind), None)


def claimed_page_models():
    return [model for provider in get_providers() for model in provider.page_models]
