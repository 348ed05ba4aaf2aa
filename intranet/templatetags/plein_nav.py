from django import template

from intranet.models import IntranetSettings
from intranet.navigation import current_href, section_links

register = template.Library()


@register.inclusion_tag("includes/section_nav.html", takes_context=True)
def section_nav(context):
    request = context.get("request")
    # for_request keeps the settings on the request: the frame has loaded them already.
    branding = IntranetSettings.for_request(request) if request is not None else None
    links = section_links(branding)
    current = current_href(links, request.path if request is not None else "")
    return {"links": [(label, href, href == current) for label, href in links]}
