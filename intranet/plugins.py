"""The plug-in contracts, owned by the frame so that no app needs another app to define them.

Each app plugs in by having a module of an agreed name (`<app>/<name>.py`); the frame finds them over
INSTALLED_APPS, in that order (`app_modules`, or `found_modules` once per process). The contracts:

- Homepage blocks: `<app>/home_blocks.py` → `blocks(request) -> list[HomeBlock]` and optionally
  `BLOCKS = {key: label}`; home/ collects and orders them (home.blocks.collect).
- Search: `<app>/search_provider.py` → `providers() -> list[SearchProvider]`; search/ asks and groups
  (search.registry.get_providers).
- Profile sections: `<app>/profile_sections.py` → `sections(request, person)`; people/ includes them.
- Page panels: `<app>/page_panels.py` → `panels(request, page, place, **context) -> list[str]` (HTML),
  shown by `{% page_panels page place %}` (intranet.templatetags.plein_panels): the must-read box below
  news pages, the events on a team page, without the page's app knowing who adds what.
- Calendar feeds: `<app>/calendar_feed.py` → `components(person) -> list[icalendar.Event]`, entries the
  app has checked the person may see; rooms/ adds them to the person's own feed
  (`calendar_feed_components`), knowing none of their models.
- Personal data, seed, periodic jobs, bench: see docs/architecture.md (one table of every plug-in point).

The page-tree cache generation lives here too: `PAGES_GENERATION` is bumped whenever the live page
tree changes (published, unpublished, moved, deleted, view restrictions; `pages_changed` below), and
`shared()` caches the part of a block that is the same for every reader under it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, TypeVar

from django.apps import apps
from django.core.signals import setting_changed
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal, receiver
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from intranet import caching

T = TypeVar("T")


# --- Finding the apps' modules -----------------------------------------------------------------


def app_modules(name: str) -> Iterator[tuple[str, ModuleType]]:
    """Yield (app name, module) for each installed app that has a module `name`; errors inside it raise."""
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.{name}":
                raise
            continue
        yield config.name, module


_found: dict[str, list[tuple[str, ModuleType]]] = {}


def found_modules(name: str, skip: Sequence[str] = ()) -> list[ModuleType]:
    """`app_modules(name)`, found once per process (trying to import a missing module costs file-system
    lookups and an exception for every app on every request); apps in `skip` left out."""
    if name not in _found:
        _found[name] = list(app_modules(name))
    return [module for app, module in _found[name] if app not in skip]


@receiver(setting_changed)
def _forget_found_modules(setting: str, **kwargs: Any) -> None:
    """Tests that change INSTALLED_APPS see their apps' modules."""
    if setting == "INSTALLED_APPS":
        _found.clear()


# --- Homepage blocks -------------------------------------------------------------------------


@dataclass
class HomeBlock:
    """One block of the homepage; it renders `template` with `context` and keeps its query count fixed."""

    key: str  # stable identifier, e.g. "people.nudge"
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 100  # lower comes first
    wide: bool = False  # spans the whole row


# --- The page-tree cache generation ----------------------------------------------------------

# Bumped by `pages_changed` whenever a page is published, unpublished, moved or deleted, or its view
# restrictions change: everything a shared part of a page can show from the page tree.
PAGES_GENERATION = "pages"
SHARED_SECONDS = 60


def pages_slot(parts: Sequence[Any]) -> caching.Slot:
    """Where remember_pages(parts, ...) keeps its value: for a home_blocks module's cache_slots()."""
    return caching.Slot(PAGES_GENERATION, tuple(parts))


def shared_slot(key: str) -> caching.Slot:
    """Where shared(key, ...) keeps its value: for a home_blocks module's cache_slots()."""
    return pages_slot(("home-block", key))


def shared(key: str, compute: Callable[[], T], seconds: int = SHARED_SECONDS) -> T:
    """The part of a block's context that is the same for every reader (e.g. the latest public news),
    computed once per change to the page tree and at most `seconds` old. Personal parts (pins, one's
    own requests) must stay outside: this cache has no user in its key."""
    return caching.keep(shared_slot(key), compute, ttl=seconds)


def shared_html_slot(key: str) -> caching.Slot:
    """Where shared_html(key, ...) keeps the block's HTML in the current language."""
    return pages_slot(("home-block-html", key, get_language() or ""))


def shared_html(
    key: str, template: str, compute: Callable[[], dict[str, Any]], request: Any, seconds: int = SHARED_SECONDS
) -> str:
    """A block that is the same for every reader, kept as its rendered HTML (per language) like
    shared(): on a warm homepage neither its data nor its template is touched. `template` must show
    nothing personal; it is rendered with compute() as `block`."""

    def render() -> str:
        return render_to_string(template, {"block": compute()}, request=request)

    # The output of an autoescaping template, kept as rendered: no user text reaches it unescaped.
    return mark_safe(caching.keep(shared_html_slot(key), render, ttl=seconds))  # noqa: S308


def remember_pages(parts: Sequence[Any], compute: Callable[[], T], seconds: int) -> T:
    """compute() once per change to the page tree (e.g. where an index page lives)."""
    return caching.keep(pages_slot(parts), compute, ttl=seconds)


def pages_changed(**kwargs: Any) -> None:
    caching.bump(PAGES_GENERATION)


def connect_page_tree_signals() -> None:
    """Called once from IntranetConfig.ready()."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(pages_changed, dispatch_uid="plein-pages-changed")
    for signal in (post_save, post_delete):
        signal.connect(pages_changed, sender=PageViewRestriction, dispatch_uid="plein-pages-restrictions")
    # The admin's privacy form sets a restriction's groups after saving it.
    m2m_changed.connect(pages_changed, sender=PageViewRestriction.groups.through, dispatch_uid="plein-pages-groups")
    post_delete.connect(pages_changed, sender=Page, dispatch_uid="plein-pages-deleted")


# --- Search ----------------------------------------------------------------------------------

# Sent by a bulk write that sends no post_save (the HR import), once per chunk, inside its transaction:
# `sender` is the model, `pks` the rows to index afresh. search/ queues its re-index job for them.
changed_in_bulk = Signal()


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

    def as_json(self) -> dict[str, str]:
        return {
            "title": self.title,
            "url": self.click_url or self.url,
            "subtitle": self.subtitle,
            "image": self.image_url,
            "initials": self.initials,
        }


class SearchProvider:
    """One kind of result. Subclasses set kind/label/order and implement search and suggest.

    Each provider filters by the searching user itself, so private content (team posts, pages behind a
    view restriction, deactivated people) never reaches the results or the suggestions. `query` is a
    search.query.SearchQuery (text, normalised, words).
    """

    kind: str = ""
    label: Any = ""  # a (lazy) translated name of the kind
    order: int = 100
    # Page models this provider answers for, so the generic pages provider leaves them out.
    page_models: Sequence[type] = ()
    # Apps (labels) whose changes make only this kind's cached answers stale (search/apps.py).
    watched_apps: frozenset[str] = frozenset()
    # Answers from memory, no query: needs no slot among the expensive requests (intranet.concurrency).
    cheap: bool = False
    # Kinds whose visibility_key is the same function of the user share it within one search.
    visibility_group: str = ""

    def search(self, query: Any, user: Any, limit: int, offset: int = 0) -> tuple[int, list[SearchResult]]:
        """Return (total, [SearchResult]) for a search; limit 0 counts only."""
        raise NotImplementedError

    def suggest(self, query: Any, user: Any, limit: int) -> list[SearchResult]:
        """Return a short [SearchResult] for the suggestions list while typing."""
        raise NotImplementedError

    def typo_search(self, query: Any, user: Any, limit: int, exclude_urls: Sequence[str] = ()) -> list[SearchResult]:
        """Results that resemble the text despite a typo (PostgreSQL), marked typo=True. search/ asks
        only when the whole search found little, so no kind pays for it on an ordinary query."""
        return []

    def visibility_key(self, user: Any) -> str | None:
        """What makes this kind's results differ between users, for the per-query cache: "" when
        everybody sees the same; None when the results must not be cached for this user."""
        return None


def calendar_feed_components(person: Any) -> list[Any]:
    """The apps' entries for a person's own calendar feed (`<app>/calendar_feed.py` →
    `components(person)`: icalendar Events, e.g. the events they signed up for), in INSTALLED_APPS order."""
    return [component for module in found_modules("calendar_feed") for component in module.components(person)]


def page_panels(request: Any, page: Any, place: str = "article", **context: Any) -> list[str]:
    """The HTML panels the apps add to a page (`<app>/page_panels.py`), in INSTALLED_APPS order. `place`
    says where: "article" below a content page's text, "team-aside" in a team page's side column;
    `context` is what that place offers (a team page: is_admin)."""
    return [
        html
        for module in found_modules("page_panels")
        for html in module.panels(request, page, place, **context)
        if html
    ]
