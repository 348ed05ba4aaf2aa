"""The "Gelezen en begrepen" box below a page that opted in (news pages do), and for the page's editors
and community managers a link to the progress: a page panel (intranet.plugins.page_panels)."""

from django.template.loader import render_to_string

from mustread import access, selectors
from mustread.models import MustRead


def panels(request, page, place, **context):
    if place != "article":
        return []
    if getattr(request, "is_preview", False) or not getattr(page, "pk", None):
        return []
    if not MustRead.objects.filter(page_id=page.pk).exists():
        return []  # the common case: one query
    context = {
        "status": selectors.status_for(request.user, page),
        "page": page,
        "progress_link": access.is_organiser(request.user, page),
    }
    return [render_to_string("mustread/box.html", context, request=request)]
