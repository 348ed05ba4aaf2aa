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

from intranet.page_visibility import hidden_page_paths, visible_pages
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
    person = employee(user)
    counts_of = None  # editors and community managers see every unit's counts
    if access.all_names_allowed(user, page):
        names_of = "all"
    elif access.is_organiser(user, page):
        # No names for them as editors (docs/privacy.md), but a manager still sees their own reports'.
        names_of = person if selectors.managed_in_audience(must_read, person) else None
    elif selectors.managed_in_audience(must_read, person):
        names_of = counts_of = person  # a manager: the counts of their own reports' units only
    else:
        raise Http404
    context = {
        "page": page,
        "must_read": must_read,
        "progress": selectors.progress(must_read, names_of=names_of, counts_of=counts_of),
        "names_scope": "all" if names_of == "all" else ("reports" if names_of is not None else None),
        "can_export": access.can_export(user),
    }
    return TemplateResponse(request, "mustread/progress.html", context)


def export(request, page_id):
    """The auditor's records, also of a page since deleted or taken offline: they are kept by the page's
    id (Confirmation.page_ref), so the export needs no live page; a page that still exists in a section
    the auditor may not open stays a 404."""
    if not access.can_export(request.user):
        raise Http404
    page = Page.objects.filter(pk=page_id).only("path").first()
    if page is not None and any(page.path.startswith(path) for path in hidden_page_paths(request.user)):
        raise Http404
    confirmations = selectors.confirmations_for_export(page_id)
    if not MustRead.objects.filter(page_id=page_id).exists() and not confirmations.exists():
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
        for c in confirmations.iterator(chunk_size=2000)
    )
    return csv_response(f"verplicht-gelezen-{page_id}", columns, rows)
