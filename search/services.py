"""Searching across providers, best bets, and the anonymous statistics editors read."""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, overload
from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser, User
from django.core import signing
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from intranet import concurrency, counting
from intranet.page_visibility import hidden_page_paths
from intranet.plugins import SearchProvider, SearchResult
from intranet.web import is_local_path
from search import query as search_query
from search.models import DailyClick, DailyQuery
from search.registry import get_providers

PREVIEW_PER_KIND = 4
PER_PAGE = 20
SUGGEST_LIMITS = {"people": 5}
SUGGEST_DEFAULT_LIMIT = 3
CLICK_SALT = "search.click"
# Fewer hits than this in the whole search, and typo tolerance looks for look-alikes (PostgreSQL).
FEW_RESULTS = 3
# Answers are cached per query and visibility class; any content change starts a new generation.
CACHE_SECONDS = 300
GENERATION_KEY = "search:generation"

Reader = User | AnonymousUser  # who searches: request.user, signed in or not


@dataclass
class Group:
    kind: str
    label: str
    total: int
    results: list[SearchResult] = field(default_factory=list)


@dataclass
class Outcome:
    query: search_query.SearchQuery
    groups: list[Group]
    best_bets: list[SearchResult]
    kind: str = ""
    page: int = 1

    @property
    def total(self) -> int:
        return sum(group.total for group in self.groups) + len(self.best_bets)

    @property
    def selected(self) -> Group | None:
        return next((group for group in self.groups if group.kind == self.kind), None)

    @property
    def num_pages(self) -> int:
        selected = self.selected
        return max(1, -(-selected.total // PER_PAGE)) if selected else 1


def click_url(result: SearchResult, query_text: str = "") -> str:
    """A link through /zoeken/ga/ that counts the click; signed, so it only ever leads where we sent it."""
    # Compressed and the title cut: the token must stay within intranet.query_cleaning's value limit.
    data = {"u": result.url[:500], "t": result.title[:120], "k": result.kind}
    token = signing.dumps(data, salt=CLICK_SALT, compress=True)
    return f"{reverse('search:click')}?{urlencode({'r': token})}"


def read_click(token: str) -> dict[str, str] | None:
    """The target of a click token, or None when it was tampered with or leads off this site."""
    try:
        data = signing.loads(token, salt=CLICK_SALT)
    except (signing.BadSignature, TypeError):
        return None
    url = data.get("u", "")
    if not is_local_path(url):
        return None
    return data


def _tracked(results: list[SearchResult]) -> list[SearchResult]:
    for result in results:
        if is_local_path(result.url):
            result.click_url = click_url(result)
    return results


def best_bets(query: search_query.SearchQuery, user: Reader) -> list[SearchResult]:
    """Editors' promoted results for this exact query, minus pages the user may not see."""
    if not query.normalised:
        return []
    picks = (
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query.text))
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    hidden = hidden_page_paths(user)
    results = []
    for pick in picks:
        if pick.page_id:
            page = pick.page
            if not page.live or any(page.path.startswith(path) for path in hidden):
                continue
            url, title = page.get_url() or "", page.title
        else:
            url, title = pick.external_link_url, pick.external_link_text or pick.external_link_url
        results.append(SearchResult(title=title, url=url, kind="best_bet", subtitle=pick.description))
    return _tracked(results)


def _visibility(provider: SearchProvider, query: search_query.SearchQuery, user: Reader) -> str | None:
    """The provider's visibility class, worked out once per search (a key may cost a query, and the
    typo pass asks the same kinds again); providers with the same visibility_group share it."""
    memo = query.__dict__.setdefault("_visibility_keys", {})
    group = (getattr(user, "pk", None), provider.visibility_group or provider.kind)  # never across users
    if group not in memo:
        memo[group] = provider.visibility_key(user)
    return memo[group]


# A "search" answers (total, results); "suggest" and "typo_search" answer results.
@overload
def _cached(
    kind_of_call: Literal["search"],
    provider: SearchProvider,
    query: search_query.SearchQuery,
    user: Reader,
    *args: object,
) -> tuple[int, list[SearchResult]]: ...
@overload
def _cached(
    kind_of_call: Literal["suggest", "typo_search"],
    provider: SearchProvider,
    query: search_query.SearchQuery,
    user: Reader,
    *args: object,
) -> list[SearchResult]: ...
def _cached(
    kind_of_call: str, provider: SearchProvider, query: search_query.SearchQuery, user: Reader, *args: object
) -> tuple[int, list[SearchResult]] | list[SearchResult]:
    """A provider's answer, cached per (query, what the user may see) when the provider says which
    users see the same; a provider that cannot say (teams: membership) is asked every time."""
    call = getattr(provider, kind_of_call)
    visibility = _visibility(provider, query, user)
    if visibility is None or not user.is_authenticated:
        if not provider.cheap:
            concurrency.needed()
        return call(query, user, *args)
    kind_key = f"{GENERATION_KEY}:{provider.kind}"
    generations = cache.get_many([GENERATION_KEY, kind_key])
    generation = f"{generations.get(GENERATION_KEY, 0)}.{generations.get(kind_key, 0)}"
    raw = "|".join([kind_of_call, provider.kind, visibility, query.normalised, *map(str, args)])
    key = f"search:v1:{generation}:{hashlib.sha256(raw.encode()).hexdigest()}"
    answer = cache.get(key)
    if answer is None:
        concurrency.needed()  # a slot for the real work only (intranet.concurrency)
        answer = call(query, user, *args)
        cache.set(key, answer, CACHE_SECONDS)
    return answer


def forget_results(kind: str = "", **kwargs: object) -> None:
    """Content changed: every cached answer is stale (the generation is part of each key), or only
    one kind's, for an app whose rows only that kind shows (team posts change all day long)."""
    key = f"{GENERATION_KEY}:{kind}" if kind else GENERATION_KEY
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, None)


def _group_rank(query: search_query.SearchQuery, group: Group, order: int) -> tuple[int, bool, int]:
    """Groups by their best result: typo-only groups last, title matches first; among prefix
    matches of a title, things to arrange and read come before people ("verl": Verlof aanvragen
    before Verlinden), among whole words people keep their place."""
    scores = [0 if result.typo else search_query.title_score(query, result.title) for result in group.results]
    best = max(scores, default=0)
    people_later = best == 2 and group.kind == "people"
    return (-best, people_later, order)


def _order(query: search_query.SearchQuery, groups: list[Group], providers: list[SearchProvider]) -> list[Group]:
    order = {provider.kind: provider.order for provider in providers}
    return sorted(groups, key=lambda group: _group_rank(query, group, order[group.kind]))


def _add_typos(
    query: search_query.SearchQuery,
    user: Reader,
    groups: list[Group],
    providers: list[SearchProvider],
    limit_for: Callable[[Group], int],
) -> None:
    """Typo tolerance, once for the whole search and only when it found little: each kind's look-alikes
    after its real hits."""
    if sum(group.total for group in groups) >= FEW_RESULTS or len(query.normalised) < 3:
        return
    by_kind = {provider.kind: provider for provider in providers}
    for group in groups:
        limit = limit_for(group)
        if not limit:
            continue
        seen = {result.url for result in group.results}
        extra = _cached("typo_search", by_kind[group.kind], query, user, FEW_RESULTS, tuple(sorted(seen)))
        group.total += len(extra)
        group.results = (group.results + _tracked(extra))[: max(limit, len(group.results))]


def run_search(text: str | None, user: Reader, kind: str = "", page: int = 1) -> Outcome:
    """The results page: every kind's count and first results, or one kind paginated."""
    query = search_query.build(text)
    providers = get_providers()
    if kind not in {provider.kind for provider in providers}:
        kind = ""
    groups: list[Group] = []
    if query.words or query.normalised:
        for provider in providers:
            if kind and provider.kind != kind:
                limit, offset = 0, 0
            elif kind:
                limit, offset = PER_PAGE, (page - 1) * PER_PAGE
            else:
                limit, offset = PREVIEW_PER_KIND, 0
            total, results = _cached("search", provider, query, user, limit, offset)
            groups.append(Group(provider.kind, provider.label, total, _tracked(results)))
        if page == 1:

            def limit_for(group: Group) -> int:
                return 0 if kind and group.kind != kind else (PER_PAGE if kind else PREVIEW_PER_KIND)

            _add_typos(query, user, groups, providers, limit_for)
        groups = _order(query, groups, providers)
    bets = best_bets(query, user) if page == 1 else []
    return Outcome(query=query, groups=groups, best_bets=bets, kind=kind, page=page)


def suggest(text: str | None, user: Reader) -> tuple[search_query.SearchQuery, list[Group]]:
    """A few results per kind while typing, the kinds whose titles match the words first."""
    query = search_query.build(text)
    if len(query.normalised) < 2:
        return query, []
    providers = get_providers()
    groups: list[Group] = []
    for provider in providers:
        limit = SUGGEST_LIMITS.get(provider.kind, SUGGEST_DEFAULT_LIMIT)
        results = _cached("suggest", provider, query, user, limit)
        groups.append(Group(provider.kind, provider.label, len(results), _tracked(results)))
    # A kind that already suggested look-alike titles (Direct regelen) is not asked twice.
    likeness = {provider.kind for provider in providers if getattr(provider, "suggest_likeness", False)}

    def limit_for(group: Group) -> int:
        return 0 if group.kind in likeness else SUGGEST_LIMITS.get(group.kind, SUGGEST_DEFAULT_LIMIT)

    _add_typos(query, user, groups, providers, limit_for)
    return query, [group for group in _order(query, groups, providers) if group.results]


def log_query(text: str | None, total: int, user: Reader | None = None) -> None:
    """Count the query for today, once per person (intranet.counting); who searched is never stored."""
    normalised = search_query.normalise(text)
    if normalised and counting.first_time_today("search.query", user, normalised):
        counting.add_to_day(
            DailyQuery,
            {"day": timezone.localdate(), "query": normalised},
            {"searches": 1, "zero_results": 0 if total else 1},
        )


def log_click(data: dict[str, str], user: Reader | None = None) -> None:
    """Count an opened result for today, once per person and address."""
    if not counting.first_time_today("search.click", user, data["u"][:500]):
        return
    counting.add_to_day(
        DailyClick,
        {"day": timezone.localdate(), "url": data["u"][:500]},
        {"clicks": 1},
        {"title": str(data.get("t", ""))[:255], "kind": str(data.get("k", ""))[:30]},
    )
