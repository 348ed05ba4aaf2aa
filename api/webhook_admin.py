"""A department's handlers manage the webhooks of their own departments (api.admin_views).

Every lookup goes through `webhooks_for(user)`, limited to the departments the user handles
(directregelen.services.handled_departments): another department's webhook is not found (a 404),
never refused, so a handler does not learn it exists. Superusers keep API → Webhooks as well.
"""

from urllib.parse import urlsplit, urlunsplit

from django import forms
from django.db import transaction
from django.shortcuts import get_object_or_404
from wagtail.log_actions import log

from api.models import Webhook, WebhookDelivery
from directregelen.services import handled_departments

RECENT_DELIVERIES = 50


def url_field():
    """The URL as the superusers' form takes it: https assumed; Webhook.clean() refuses the rest."""
    return forms.URLField(
        label=Webhook._meta.get_field("url").verbose_name,
        max_length=500,
        assume_scheme="https",
        help_text=Webhook._meta.get_field("url").help_text,
    )


def may_manage(user):
    return user.is_authenticated and user.is_active and handled_departments(user).exists()


def webhooks_for(user):
    return Webhook.objects.filter(department__in=handled_departments(user)).select_related("department")


def webhook_for(user, pk):
    """The user's webhook, or a 404: also for another department's."""
    return get_object_or_404(webhooks_for(user), pk=pk)


def recent_deliveries(user, limit=RECENT_DELIVERIES):
    """The delivery log of the user's webhooks only, newest first."""
    deliveries = WebhookDelivery.objects.filter(webhook__department__in=handled_departments(user))
    return deliveries.select_related("webhook").defer("payload")[:limit]


def shown_url(url):
    """The URL without a password (user:password@ is sent as basic auth): lists never show it."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    return urlunsplit(parts._replace(netloc=f"{parts.username}:•••@{parts.netloc.rpartition('@')[2]}"))


class DepartmentWebhookForm(forms.ModelForm):
    url = url_field()

    class Meta:
        model = Webhook
        fields = ["name", "department", "url"]

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Another department is not a choice: posting it is a field error.
        department = self.fields["department"]
        assert isinstance(department, forms.ModelChoiceField)
        department.queryset = handled_departments(user).order_by("title")


@transaction.atomic
def create(user, form):
    webhook = form.save()
    log(webhook, "wagtail.create", user=user)
    return webhook


@transaction.atomic
def set_active(user, pk, active):
    webhook = webhook_for(user, pk)
    if webhook.active != active:
        webhook.active = active
        webhook.save(update_fields=["active"])
        log(webhook, "wagtail.edit", user=user)
    return webhook


@transaction.atomic
def delete(user, pk):
    """The webhook and its delivery log (cascade); the audit log keeps who deleted it."""
    webhook = webhook_for(user, pk)
    log(webhook, "wagtail.delete", user=user)
    webhook.delete()
    return webhook
