"""The team page's "Events" section, offered by events/ so teams/ knows none of its models."""

from django import template

register = template.Library()


@register.inclusion_tag("events/includes/team_section.html", takes_context=True)
def team_events(context, team, is_admin=False):
    from agenda.views import team_events_for

    request = context["request"]
    return {"team": team, "events": team_events_for(team, request.user), "is_admin": is_admin, "request": request}
