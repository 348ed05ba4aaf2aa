"""The editor's "Verplicht gelezen" screen for one page, reached from the page's header and listing menus."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from mustread import access, services
from mustread.audience import page_type_opted_in
from mustread.forms import MustReadForm
from mustread.models import MustRead


def edit(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    if not (access.can_edit(request.user, page) and page_type_opted_in(page)):
        raise Http404
    must_read = MustRead.objects.filter(page=page).first()
    form = MustReadForm.for_must_read(must_read, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.mark(request.user, page, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The must-read settings of “%(title)s” are saved.") % {"title": page.title})
            return redirect("mustread_admin_edit", page.pk)
    context = {
        "page": page,
        "must_read": must_read,
        "form": form,
        "page_title": _("Must-read: %(title)s") % {"title": page.title},
        "progress_url": reverse("mustread:progress", args=[page.pk]) if must_read else None,
        "live_revision_id": page.live_revision_id,
    }
    return TemplateResponse(request, "mustread/admin/edit.html", context)
