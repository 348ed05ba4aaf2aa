"""Small helpers for the teams templates."""

from django import template
from django.template.loader import get_template

from teams import post_bodies
from teams.models import kind_label

register = template.Library()


register.simple_tag(kind_label, name="kind_label")


@register.filter
def get_state(pending, team_id):
    return (pending or {}).get(team_id, "")


@register.simple_tag(takes_context=True)
def post_body(context):
    """The post's own part: as teams.post_bodies cached it for the timeline, else rendered here (a
    post's own page, whose post teams.selectors.decorate_posts prepared)."""
    post, pinned = context["post"], bool(context.get("pinned"))
    if not context.get("heading_level"):
        body = getattr(post, "pinned_body" if pinned else "body", None)
        if body is not None:
            return body
    return get_template(post_bodies.TEMPLATE).template.render(context)
