"""The team page's "Events" section (page_panels place "team-aside"), offered by events/ so that teams/
knows none of its models or templates."""

from django.template.loader import render_to_string

from agenda.selectors import upcoming_team_events

TEAM_PAGE_LIMIT = 5


def panels(request, page, place, **context):
    if place != "team-aside":
        return []
    events = upcoming_team_events(page, request.user, TEAM_PAGE_LIMIT)
    section = {"team": page, "events": events, "is_admin": context.get("is_admin", False), "request": request}
    return [render_to_string("events/includes/team_section.html", section, request=request)]
