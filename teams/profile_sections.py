"""The person's teams on their profile (issue 3): only teams the viewer may see, so a private team shows
only to a viewer who is a member too. Archived teams are left out, as from every list. One query."""

from django.db.models import Count, Exists, Q, Window

from teams.addresses import index_location, team_url
from teams.models import Kind, Membership, State
from teams.visibility import active_membership

TEAMS_SHOWN = 30


def person_teams(person, viewer):
    """(memberships with their team, how many teams the viewer may see in all)."""
    if not viewer.is_authenticated or not person.user_id:
        return [], 0
    rows = Membership.objects.filter(
        user_id=person.user_id, state=State.ACTIVE, team__live=True, team__archived_at__isnull=True
    )
    if not viewer.is_superuser:
        rows = rows.filter(Q(team__kind__in=[Kind.OPEN, Kind.CLOSED]) | Exists(active_membership(viewer, "team_id")))
    rows = (
        rows.select_related("team")
        .annotate(team_count=Window(expression=Count("pk")))
        .order_by("team__title", "team_id")[:TEAMS_SHOWN]
    )
    rows = list(rows)
    return rows, rows[0].team_count if rows else 0


def sections(request, person):
    memberships, count = person_teams(person, request.user)
    if not memberships:
        return []
    index = index_location()
    teams = [
        {
            "title": m.team.title,
            "url": team_url(m.team.url_path, index),
            "kind": m.team.kind,
            "is_admin": m.role == "admin",
            "member_count": m.team.member_count,
        }
        for m in memberships
    ]
    context = {
        "teams": teams,
        "count": count,
        "more": max(0, count - len(teams)),
        "index_url": index["url"] if index else "/teams/",
    }
    return [("teams/profile/teams.html", context)]
