"""`{% mustread_box page %}`: the "Gelezen en begrepen" box on a page that opted in (news pages do)."""

from django import template

from mustread import selectors

register = template.Library()


@register.inclusion_tag("mustread/box.html", takes_context=True)
def mustread_box(context, page):
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False):
        return {"status": None}
    status = selectors.status_for(request.user, page)
    return {"status": status, "page": page, "request": request}
