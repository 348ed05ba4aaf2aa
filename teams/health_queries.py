"""Small read helpers shared by teams-health's modules (search, duplicates, profile, home block, health).

They mirror TeamPage.user_can_view and content_visible_to as SQL filters, so lists and searches can
filter thousands of teams in one query instead of asking each team object. Unlike
teams.selectors.visible_teams they leave archived teams in: search finds them (with a label).
"""

from django.db.models import Exists, OuterRef, Q

from home.blocks import PAGES_GENERATION
from intranet import caching
from teams.models import Kind, Membership, State, TeamIndexPage, TeamPage, TeamPost


def active_membership(user, team_ref="pk"):
    return Membership.objects.filter(team=OuterRef(team_ref), user_id=user.pk, state=State.ACTIVE)


def viewable_teams(user, *, include_archived=True, include_offline=False):
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


def manager_can_see(user, team):
    """A manager acts on a team only when it shows in their lists: a pending invitation to a private
    team lets someone open its page, not archive, restore or merge it."""
    return viewable_teams(user, include_offline=True).filter(pk=team.pk).exists()


def readable_posts(user):
    """Posts whose team's timeline the user may read: open teams for everyone, others for members
    (and private ones for superusers, as TeamPage.content_visible_to says)."""
    posts = TeamPost.objects.filter(team__live=True)
    if user is None or not user.is_authenticated:
        return posts.none()
    member = Exists(active_membership(user, "team_id"))
    allowed = Q(team__kind=Kind.OPEN) | member
    if user.is_superuser:
        allowed |= Q(team__kind=Kind.PRIVATE)
    return posts.filter(allowed)


def team_url(url_path, index):
    """A team's URL from its url_path, relative to the teams index (no Site lookup per team)."""
    if index is None:
        return ""
    return index["url"] + url_path[len(index["url_path"]) :]


def _index_location():
    page = TeamIndexPage.objects.live().first()
    return {"url": page.get_url() or "/teams/", "url_path": page.url_path} if page else {}


def teams_index():
    """The /teams/ page's URL and tree path, kept until the page tree changes (moves, renames)."""
    return caching.remember(PAGES_GENERATION, ("teams-index",), _index_location, ttl=3600) or None
