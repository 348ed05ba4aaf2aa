"""`{% page_panels page place key=value %}`: what other apps add below a content page (intranet.plugins.page_panels)."""

from django import template
from django.utils.safestring import mark_safe

from intranet.plugins import page_panels as collect

register = template.Library()


@register.simple_tag(takes_context=True)
def page_panels(context, page, place="article", **extra):
    request = context.get("request")
    if request is None:
        return ""
    # Each panel is a template the app rendered (escaped there); joined, not re-escaped.
    return mark_safe("".join(collect(request, page, place, **extra)))  # noqa: S308
