"""The "Gelezen en begrepen" box below a page that opted in (news pages do), and for the page's editors
and community managers a link to the progress: a page panel (intranet.plugins.page_panels)."""

from django.template.loader import render_to_string

from mustread import access, selectors


def panels(request, page, place, **context):
    if place != "article":
        return []
    if getattr(request, "is_preview", False) or not getattr(page, "pk", None):
        return []
    if page.pk not in selectors.pages_with_must_read():
        return []  # the common case: one cache read
    context = {
        "status": selectors.status_for(request.user, page),
        "page": page,
        "progress_link": access.is_organiser(request.user, page),
    }
    return [render_to_string("mustread/box.html", context, request=request)]
