"""Small helpers for the teams templates."""

from django import template

from teams.models import kind_label

register = template.Library()


register.simple_tag(kind_label, name="kind_label")


@register.filter
def get_state(pending, team_id):
    return (pending or {}).get(team_id, "")
