from django import template

from intranet.navigation import current_href, section_links

register = template.Library()


@register.inclusion_tag("includes/section_nav.html", takes_context=True)
def section_nav(context):
    request = context.get("request")
    links = section_links()
    current = current_href(links, request.path if request else "")
    return {"links": [(label, href, href == current) for label, href in links]}
