"""The team page's "Events" section (page_panels place "team-aside"), offered by events/ so that teams/
knows none of its models or templates."""

from django.template.loader import render_to_string
from django.utils import timezone

from agenda.selectors import visible_team_events

TEAM_PAGE_LIMIT = 5


def panels(request, page, place, **context):
    if place != "team-aside":
        return []
    events = list(
        visible_team_events(request.user)
        .filter(team_id=page.pk, end__gte=timezone.now())
        .order_by("start")[:TEAM_PAGE_LIMIT]
    )
    section = {"team": page, "events": events, "is_admin": context.get("is_admin", False), "request": request}
    return [render_to_string("events/includes/team_section.html", section, request=request)]
