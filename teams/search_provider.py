"""Teams and team posts in the one search box (issue 7).

"teams": name and description of the teams the searcher may see: open and closed teams for everyone,
private teams only for their members. Archived teams are found too, labelled "gearchiveerd".
"posts": the text of team posts, only where the searcher may read the team's timeline (open teams, or
as a member). Both filter in SQL before counting, so a private team never shows up in results, counts
or suggestions. The teams provider claims TeamPage, so the generic pages provider leaves teams alone.

Matching is plain SQL (every word in the name or description; accents folded on PostgreSQL), ranked:
exact name, name starting with the query, words in the name, then the description. On PostgreSQL names
that resemble the text despite a typo (trigram word similarity) are found by typo_search, which search/
asks only when the whole search found little (the likeness is computed per team).
A results page costs one query per kind (no COUNT while the page is not full).
"""

from django.db import connection
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from intranet.plugins import SearchProvider, SearchResult
from intranet.text import fold
from teams.models import Kind, TeamPage, kind_label
from teams.visibility import membership_key, readable_posts, viewable_teams

TYPO_LIKENESS = 0.5  # pg_trgm word similarity for a name found despite a typo
MAX_WORDS = 8


def _postgres():
    return connection.vendor == "postgresql"


def _contains(field, word, accents):
    # unaccent comes with search's PostgreSQL migration (Dutch search); SQLite compares as typed.
    lookup = f"{field}__unaccent__icontains" if accents else f"{field}__icontains"
    return Q(**{lookup: word})


def _words(text, accents=True):
    words = text.split()
    if accents and _postgres():
        # Folding drops what has no ASCII form (Cyrillic, emoji): such a word is compared as typed, so a
        # query never ends up without words (an empty condition is an error in SQL).
        words = [fold(word) or word for word in words]
    return words[:MAX_WORDS]


def _match_all(texts, fields, accents=True):
    """Any of the texts (the query or a synonym variant) with every one of its words in one of the fields.

    accents=False compares as typed: cheaper over 100,000 posts, and a plain UPPER(text) LIKE can use a
    trigram index on PostgreSQL."""
    accents = accents and _postgres()
    match = Q()
    for text in texts:
        words = _words(text, accents)
        if not words:
            continue
        each = Q()
        for word in words:
            either = Q()
            for field in fields:
                either |= _contains(field, word, accents)
            each &= either
        match |= each
    return match


def page_and_total(queryset, limit, offset):
    """A page of results and the total, with no COUNT query when the page is not full (the common case
    for teams and posts: a handful of hits)."""
    if not limit:
        return [], queryset.count()
    found = list(queryset[offset : offset + limit])
    if len(found) < limit and (found or offset == 0):
        return found, offset + len(found)
    return found, queryset.count()


def archived_label():
    return _("archived")


class TeamsProvider(SearchProvider):
    kind = "teams"
    label = gettext_lazy("Teams")
    order = 25
    page_models = (TeamPage,)
    watched_apps = frozenset({"teams"})

    def visibility_key(self, user):
        return membership_key(user, [Kind.PRIVATE])

    def matching(self, query, user, fields=("title", "description"), typos=False):
        texts = query.all_texts
        match = _match_all(texts, fields)
        text = query.normalised
        teams = viewable_teams(user)
        fuzzy = typos and _postgres() and len(text) >= 3
        if fuzzy:
            # Typo tolerance in the same query: names whose words resemble the text ("fotografe").
            from django.contrib.postgres.search import TrigramWordSimilarity

            teams = teams.annotate(likeness=TrigramWordSimilarity(" ".join(_words(text)), "title"))
            teams = teams.filter(match | Q(likeness__gte=TYPO_LIKENESS))
        else:
            teams = teams.filter(match)
        rank = Case(
            When(title__iexact=text, then=Value(0)),
            When(title__istartswith=text, then=Value(1)),
            When(_match_all([text], ("title",)), then=Value(2)),
            When(match, then=Value(3)),
            default=Value(4),  # found by likeness only
            output_field=IntegerField(),
        )
        # Archived teams after the living ones of the same rank.
        archived = Case(When(archived_at__isnull=True, then=Value(0)), default=Value(1), output_field=IntegerField())
        teams = teams.annotate(search_rank=rank, archived_rank=archived)
        order = (
            ["search_rank", "archived_rank", "-likeness", "title", "pk"]
            if fuzzy
            else [
                "search_rank",
                "archived_rank",
                "title",
                "pk",
            ]
        )
        return teams.order_by(*order)

    def to_result(self, team):
        parts = [archived_label()] if team.archived_at else []
        parts.append(kind_label(team.kind))
        parts.append(
            ngettext("%(count)d member", "%(count)d members", team.member_count) % {"count": team.member_count}
        )
        if team.description:
            parts.append(Truncator(" ".join(team.description.split())).chars(120))
        return SearchResult(title=team.title, url=team.get_url() or "", kind=self.kind, subtitle=" · ".join(parts))

    def search(self, query, user, limit, offset=0):
        if not query.normalised:
            return 0, []
        found, total = page_and_total(self.matching(query, user), limit, offset)
        return total, [self.to_result(team) for team in found]

    def typo_search(self, query, user, limit, exclude_urls=()):
        """Names that resemble the text ("fotografe"): asked by search/ only when the whole search found
        little, as the likeness is computed for every team the user may see."""
        if not query.normalised or not _postgres():
            return []
        teams = self.matching(query, user, typos=True).filter(search_rank=4)[: limit + len(exclude_urls)]
        results = [result for result in map(self.to_result, teams) if result.url not in exclude_urls][:limit]
        for result in results:
            result.typo = True
        return results

    def suggest(self, query, user, limit):
        """Names only, archived teams left out (they are no place to go while typing)."""
        if not query.normalised:
            return []
        teams = self.matching(query, user, fields=("title",)).filter(archived_at__isnull=True)
        return [self.to_result(team) for team in teams[:limit]]


class TeamPostsProvider(SearchProvider):
    kind = "posts"
    label = gettext_lazy("Posts")
    order = 45
    watched_apps = frozenset({"teams"})

    visibility_group = "team-timelines"  # the same as the agenda's team events

    def visibility_key(self, user):
        return membership_key(user, [Kind.CLOSED, Kind.PRIVATE])

    def matching(self, query, user):
        posts = readable_posts(user).filter(_match_all(query.all_texts, ("text",), accents=False))
        return posts.select_related("team", "author__person").order_by("-created_at", "-pk")

    def to_result(self, post):
        team = post.team.title + (f" ({archived_label()})" if post.team.archived_at else "")
        author = getattr(post.author, "person", None) if post.author_id else None
        parts = [team, date_format(timezone.localtime(post.created_at), "j F Y")]
        if author is not None:
            parts.append(author.full_name)
        return SearchResult(title=post.title, url=post.get_absolute_url(), kind=self.kind, subtitle=" · ".join(parts))

    def search(self, query, user, limit, offset=0):
        if not query.normalised:
            return 0, []
        found, total = page_and_total(self.matching(query, user), limit, offset)
        return total, [self.to_result(post) for post in found]

    def suggest(self, query, user, limit):
        # Suggestions must answer while typing (p95 < 100 ms); searching the text of 100,000 posts is
        # for the results page.
        return []


def providers():
    return [TeamsProvider(), TeamPostsProvider()]
