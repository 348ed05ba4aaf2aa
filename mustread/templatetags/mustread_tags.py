"""`{% mustread_box page %}`: the "Gelezen en begrepen" box on a page that opted in (news pages do), and
for the page's editors and community managers a link to the progress."""

from django import template

from mustread import access, selectors
from mustread.models import MustRead

register = template.Library()


@register.inclusion_tag("mustread/box.html", takes_context=True)
def mustread_box(context, page):
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False) or not getattr(page, "pk", None):
        return {"status": None}
    if not MustRead.objects.filter(page_id=page.pk).exists():
        return {"status": None}  # the common case: one query
    return {
        "status": selectors.status_for(request.user, page),
        "page": page,
        "progress_link": access.is_organiser(request.user, page),
    }
