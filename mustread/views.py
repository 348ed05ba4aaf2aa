"""The front end: confirming a must-read, its progress, and the auditor's CSV. Thin: the rules live in
services, selectors and access; whoever may not see a thing gets a 404, as for one that does not exist."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from intranet.page_visibility import visible_pages
from intranet.spreadsheets import csv_response
from mustread import access, selectors, services
from mustread.audience import employee
from mustread.models import MustRead


def _page(user, page_id):
    """A live page the user may open (404 otherwise)."""
    return get_object_or_404(visible_pages(Page.objects.filter(pk=page_id), user))


@require_POST
def confirm(request, page_id):
    page = _page(request.user, page_id)
    try:
        services.confirm(request.user, page)
    except PermissionDenied as exc:
        raise Http404 from exc
    messages.success(request, _("Thank you: you confirmed that you have read and understood this page."))
    return redirect(page.url or "/")


def _must_read(user, page_id):
    page = _page(user, page_id)
    must_read = get_object_or_404(MustRead.objects.select_related("page"), page=page)
    return page, must_read


def progress(request, page_id):
    page, must_read = _must_read(request.user, page_id)
    user = request.user
    if access.all_names_allowed(user, page):
        names_of = "all"
    elif access.is_organiser(user, page):
        names_of = None
    else:
        person = employee(user)
        if not selectors.managed_in_audience(must_read, person):
            raise Http404
        names_of = person
    context = {
        "page": page,
        "must_read": must_read,
        "progress": selectors.progress(must_read, names_of=names_of),
        "names_scope": "all" if names_of == "all" else ("reports" if names_of is not None else None),
        "can_export": access.can_export(user),
    }
    return TemplateResponse(request, "mustread/progress.html", context)


def export(request, page_id):
    page, must_read = _must_read(request.user, page_id)
    if not access.can_export(request.user):
        raise Http404
    columns = [
        _("Page"),
        _("Version"),
        _("Revision"),
        _("Confirmed at"),
        _("Employee number"),
        _("Name"),
        _("Organisation unit"),
    ]
    rows = (
        (
            c.page_title,
            c.version,
            c.revision_id or "",
            c.confirmed_at.isoformat(timespec="seconds"),
            c.employee_number,
            c.name,
            c.unit_name,
        )
        for c in selectors.confirmations_for_export(must_read).iterator(chunk_size=2000)
    )
    return csv_response(f"verplicht-gelezen-{page.pk}", columns, rows)
