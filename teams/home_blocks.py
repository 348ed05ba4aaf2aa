"""The homepage's "Activity in my teams" block (issue 8): my teams that are not archived, most recently
active first, each with its latest post (author and time), and an empty state that leads to /teams/.

One query whatever the number of teams or posts: my memberships with the team joined, the latest post's
fields as correlated subqueries (answered from the (team, -created_at) index) and the number of my
teams as a window count. The homepage's budget is 20 queries with every block (tests/home/), so the
block's data is also kept per user for a short while (ACTIVITY_SECONDS); a warm homepage pays nothing
for it, and a new post shows up within that time. Writes that must show at once call forget()
(merges and archiving do; leaving a team or removing a post may too).
"""

from django.conf import settings
from django.db.models import Count, OuterRef, Subquery, Window
from django.db.models.functions import Substr
from django.utils import translation
from django.utils.text import Truncator

from intranet import caching
from intranet.plugins import HomeBlock
from teams.addresses import index_location, team_url
from teams.models import Membership, State, TeamPost

TEAMS_SHOWN = 6
EXCERPT = 140
ACTIVITY_SECONDS = 60
GENERATION = "teams-activity"


def _latest(field):
    """One field (or expression) of the team's latest post, as a correlated subquery."""
    posts = TeamPost.objects.filter(team_id=OuterRef("team_id")).order_by("-created_at", "-pk")
    if not isinstance(field, str):
        posts, field = posts.annotate(value=field), "value"
    return Subquery(posts.values(field)[:1])


def activity(user):
    """[{team...}] for my TEAMS_SHOWN most recently active teams, and how many teams I am in (one query)."""
    rows = (
        Membership.objects.filter(user_id=user.pk, state=State.ACTIVE, team__live=True, team__archived_at__isnull=True)
        .annotate(
            team_count=Window(expression=Count("pk")),
            post_id=_latest("pk"),
            post_text=_latest(Substr("text", 1, EXCERPT + 20)),
            post_at=_latest("created_at"),
            post_first_name=_latest("author__person__first_name"),
            post_tussenvoegsel=_latest("author__person__tussenvoegsel"),
            post_last_name=_latest("author__person__last_name"),
        )
        .values(
            "team_id",
            "team__title",
            "team__url_path",
            "team__kind",
            "team__last_activity_at",
            "team_count",
            "post_id",
            "post_text",
            "post_at",
            "post_first_name",
            "post_tussenvoegsel",
            "post_last_name",
        )
        .order_by("-team__last_activity_at", "team__title", "team_id")[:TEAMS_SHOWN]
    )
    return list(rows)


def _shape(rows, index):
    teams, posts = [], []
    for row in rows:
        team = {
            "id": row["team_id"],
            "title": row["team__title"],
            "url": team_url(row["team__url_path"], index),
            "kind": row["team__kind"],
        }
        teams.append(team)
        if row["post_id"]:
            author = " ".join(
                part for part in (row["post_first_name"], row["post_tussenvoegsel"], row["post_last_name"]) if part
            )
            posts.append(
                {
                    "team": team,
                    "text": Truncator(" ".join((row["post_text"] or "").split())).chars(EXCERPT),
                    "url": f"{team['url']}bericht/{row['post_id']}/",  # as TeamPost.get_absolute_url
                    "author": author,
                    "initials": f"{(row['post_first_name'] or '')[:1]}{(row['post_last_name'] or '')[:1]}".upper(),
                    "created_at": row["post_at"],
                }
            )
    posts.sort(key=lambda post: post["created_at"], reverse=True)
    return {"teams": teams, "posts": posts, "team_count": rows[0]["team_count"] if rows else 0}


def _build(user):
    index = index_location()
    context = _shape(activity(user), index)
    context["index_url"] = index["url"] if index else "/teams/"
    return context


def _slot(user, language=None):
    return caching.Slot(GENERATION, (user.pk, language or translation.get_language()))


def cache_key(user, language=None):
    # The slot block_context keeps one user's block in; the generation lets any write that must show
    # at once (leaving a team, a removed post, a merge) retire every user's copy: caching.bump(GENERATION).
    return _slot(user, language).key


def block_context(user):
    # Kept in cache_key(user)'s slot, which forget() deletes.
    return caching.keep(_slot(user), lambda: _build(user), ttl=ACTIVITY_SECONDS)


def forget(user=None):
    """Show changes at once: one user's block, or everyone's (after a merge, an archive, a removal)."""
    if user is None:
        caching.bump(GENERATION)
    else:
        # Every language's copy: the admin removing someone works in their own language, not the member's.
        for code, _name in settings.LANGUAGES:
            caching.forget_key(cache_key(user, code))


def cache_slots(request):
    return [_slot(request.user)]


def blocks(request):
    if not request.user.is_authenticated:
        return []
    context = block_context(request.user)
    context["more"] = max(0, context["team_count"] - len(context["teams"]))
    return [HomeBlock(key="teams.activity", template="teams/blocks/activity.html", context=context, order=25)]
