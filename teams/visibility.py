"""Who sees which team, in one place: the SQL filters and the one team lookup for views.

The filters mirror TeamPage.user_can_view and content_visible_to, so lists and searches can filter
thousands of teams in one query instead of asking each team object. `viewable_teams` leaves archived
teams in (search finds them, with a label); `visible_teams` is the lists' version without them.
`team_or_404` is how a view finds a team: a team the user may not see is a 404, never a 403, so a
private team's existence stays hidden.
"""

import hashlib
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from intranet import caching
from teams.models import Kind, Membership, State, TeamPage, TeamPost


def active_membership(user: Any, team_ref: str = "pk") -> QuerySet[Membership]:
    return Membership.objects.filter(team=OuterRef(team_ref), user_id=user.pk, state=State.ACTIVE)


def viewable_teams(user: Any, *, include_archived: bool = True, include_offline: bool = False) -> QuerySet[TeamPage]:
    """Live teams whose page the user may open: open and closed ones, private ones only as a member.
    include_offline adds teams taken offline (merged teams, whose address redirects)."""
    teams = TeamPage.objects.all() if include_offline else TeamPage.objects.live()
    if not include_archived:
        teams = teams.filter(archived_at__isnull=True)
    if user is None or not user.is_authenticated:
        return teams.none()
    if user.is_superuser:
        return teams
    return teams.filter(Q(kind__in=[Kind.OPEN, Kind.CLOSED]) | Exists(active_membership(user)))


def manager_can_see(user: Any, team: TeamPage) -> bool:
    """A manager acts on a team only when it shows in their lists: a pending invitation to a private
    team lets someone open its page, not archive, restore or merge it."""
    return viewable_teams(user, include_offline=True).filter(pk=team.pk).exists()


def timeline_readable_q(user: Any, team_field: str = "team") -> Q:
    """For rows of a team (posts, team events): the user may read that team's timeline. Open teams for
    everyone, others for members (and private ones for superusers, as TeamPage.content_visible_to
    says). Anonymous users read nothing: the caller returns .none() for them."""
    member = Exists(active_membership(user, f"{team_field}_id"))
    allowed: Q = Q(**{f"{team_field}__kind": Kind.OPEN}) | member  # type: ignore[assignment]  # Q | Exists is a Q
    if user.is_superuser:
        allowed |= Q(**{f"{team_field}__kind": Kind.PRIVATE})
    return allowed


def readable_posts(user: Any) -> QuerySet[TeamPost]:
    """Posts whose team's timeline the user may read (timeline_readable_q)."""
    posts = TeamPost.objects.filter(team__live=True)
    if user is None or not user.is_authenticated:
        return posts.none()
    return posts.filter(timeline_readable_q(user))


def visible_teams(user: Any) -> QuerySet[TeamPage]:
    """Teams in the lists: live, not archived, private ones only for their members."""
    return viewable_teams(user, include_archived=False)


def team_or_404(user: Any, team_id: int, *, upkeep: bool = False, include_offline: bool = False) -> TeamPage:
    """The team `team_id` when `user` may see it, else Http404.

    A member's view (the default): a live team whose page the user may open (TeamPage.user_can_view:
    someone invited to a private team sees it, to accept or decline). A community manager's upkeep
    (`upkeep=True`): a team that shows in their lists (manager_can_see), with `include_offline` also
    one taken offline (a merged team).
    """
    teams = TeamPage.objects.all() if include_offline else TeamPage.objects.live()
    if upkeep:
        team = teams.filter(pk=team_id).select_related("merged_into").first()
        allowed = team is not None and manager_can_see(user, team)
    else:
        team = teams.filter(pk=team_id).first()
        allowed = team is not None and team.user_can_view(user)
    if not allowed:
        raise Http404
    return team


# One user's visibility classes are kept until a membership of theirs changes (a save or delete of
# theirs, teams.signals; membership._activate and merge, which write with update()/bulk_update, say so
# themselves), or any team changes (its kind may have: every user's, also after bulk_create). Shared
# lists are cached per class, so a stale class could show a left team's content: every path that ends
# or starts a membership must forget.
VISIBILITY_GENERATION = "team-visibility"
# Short: if Redis drops a bump (a fault), a left team's content may show at most this long.
VISIBILITY_SECONDS = 60


def _deciding_kinds(user: Any, kinds: list[str]) -> list[str]:
    """The kinds whose memberships decide what `user` reads: superusers read every private team."""
    return [kind for kind in kinds if kind != Kind.PRIVATE] if user.is_superuser else list(kinds)


def membership_slot(user: Any, kinds: list[str]) -> caching.Slot:
    kinds = _deciding_kinds(user, kinds)
    return caching.user_slot(VISIBILITY_GENERATION, user.pk, (*sorted(kinds), bool(user.is_superuser)))


def membership_key(user: Any, kinds: list[str]) -> str:
    """The per-query cache's visibility class for team content: the teams of `kinds` the user is an
    active member of (everyone sees the rest alike). Superusers read every private team but, like
    everyone, only the closed teams they are in: their class names those. Kept per user."""
    prefix = "su:" if user.is_superuser else "m:"
    kinds = _deciding_kinds(user, kinds)
    if not kinds:
        return "all"  # a superuser asking about private teams only: they read them all

    def compute() -> str:
        team_ids = (
            Membership.objects.filter(user_id=user.pk, state=State.ACTIVE, team__kind__in=kinds)
            .order_by("team_id")
            .values_list("team_id", flat=True)
        )
        return prefix + hashlib.sha256(",".join(map(str, team_ids)).encode()).hexdigest()[:24]

    return caching.keep(membership_slot(user, kinds), compute, ttl=VISIBILITY_SECONDS)


def forget_memberships(*user_ids: Any) -> None:
    """These users' memberships changed: their visibility classes are stale."""
    caching.forget_user(VISIBILITY_GENERATION, *user_ids)


def forget_all_memberships(**kwargs: Any) -> None:
    """A team changed (its kind may have) or memberships were written in bulk: everyone's classes."""
    caching.bump(VISIBILITY_GENERATION)


def timeline_visibility_slot(user: Any) -> caching.Slot:
    """Where timeline_visibility_key(user) is kept, for caching.prefetch()."""
    return membership_slot(user, [Kind.CLOSED, Kind.PRIVATE])


def timeline_visibility_key(user: Any) -> str:
    """What makes team rows readable differ between users (search's per-query cache): the closed and
    private teams someone is an active member of."""
    return membership_key(user, [Kind.CLOSED, Kind.PRIVATE])
