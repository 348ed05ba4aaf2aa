"""Small helpers for the teams templates."""

from django import template
from django.utils.translation import gettext as _

from teams.models import Kind

register = template.Library()


@register.simple_tag
def kind_label(kind):
    return {
        Kind.OPEN: _("Open team"),
        Kind.CLOSED: _("Closed team"),
        Kind.PRIVATE: _("Private team"),
    }.get(kind, "")


@register.filter
def get_state(pending, team_id):
    return (pending or {}).get(team_id, "")
