"""The "My department's webhooks" screens in the Wagtail admin, for a department's handlers.

Thin: the access rules and actions are in api.webhook_admin. A user who handles no department gets
a 404, as for another department's webhook."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from api import webhook_admin


def _check(request):
    if not webhook_admin.may_manage(request.user):
        raise Http404


def index(request):
    _check(request)
    webhooks = list(webhook_admin.webhooks_for(request.user).order_by("department__title", "name", "pk"))
    for webhook in webhooks:
        webhook.shown_url = webhook_admin.shown_url(webhook.url)
    context = {
        "webhooks": webhooks,
        "deliveries": webhook_admin.recent_deliveries(request.user),
        "page_title": _("My department's webhooks"),
    }
    return TemplateResponse(request, "api/admin/department_webhooks.html", context)


def add(request):
    _check(request)
    form = webhook_admin.DepartmentWebhookForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        webhook = webhook_admin.create(request.user, form)
        # The same page as the superusers' flow: the secret once, never cached.
        response = render(
            request,
            "api/admin/secret_once.html",
            {"object": webhook, "secret": webhook.secret, "index_url": reverse("api_department_webhooks")},
        )
        response["Cache-Control"] = "no-store"
        return response
    context = {"form": form, "page_title": _("Add a webhook for my department")}
    return TemplateResponse(request, "api/admin/department_webhook_form.html", context)


@require_POST
def switch(request, pk):
    _check(request)
    webhook = webhook_admin.set_active(request.user, pk, request.POST.get("active") == "1")
    if webhook.active:
        messages.success(request, _("Webhook “%(name)s” is on.") % {"name": webhook.name})
    else:
        messages.success(request, _("Webhook “%(name)s” is off: nothing is sent to it.") % {"name": webhook.name})
    return redirect("api_department_webhooks")


@require_POST
def delete(request, pk):
    _check(request)
    webhook = webhook_admin.delete(request.user, pk)
    messages.success(request, _("Webhook “%(name)s” and its deliveries are deleted.") % {"name": webhook.name})
    return redirect("api_department_webhooks")
