"""The API's jobs: webhook deliveries (retried with back-off) and pruning the call and delivery logs."""

import datetime

from django.conf import settings
from django.utils import timezone
from django_tasks import task_backends

from api.models import ApiCall, WebhookDelivery
from api.webhooks import deliver
from intranet.jobs import Periodic, job

# 1+2+4+8+16+32 minutes: a receiver may be away for about an hour before a delivery fails for good.
WEBHOOK_RETRIES = 6


@job(retries=WEBHOOK_RETRIES)
def deliver_webhook(delivery_pk):
    # Without a queue that can defer (the immediate backend), the first attempt is the only one.
    retried = task_backends[deliver_webhook.backend].supports_defer
    return deliver(delivery_pk, attempts_allowed=WEBHOOK_RETRIES + 1 if retried else 1)


@job()
def prune_logs():
    """Calls and deliveries older than API_LOG_DAYS are deleted: the log is for finding faults, not a trail."""
    before = timezone.now() - datetime.timedelta(days=settings.API_LOG_DAYS)
    calls = ApiCall.objects.filter(at__lt=before).delete()[0]
    deliveries = WebhookDelivery.objects.filter(created_at__lt=before).delete()[0]
    return calls + deliveries


PERIODIC = [Periodic("api.prune_logs", prune_logs, "daily", hour=3)]
