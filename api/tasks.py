"""The API's jobs: webhook deliveries (retried with back-off) and pruning the call and delivery logs."""

import datetime

from django.conf import settings
from django.utils import timezone

from api.models import ApiCall, WebhookDelivery
from api.webhooks import deliver
from intranet.jobs import Periodic, job

# 1+2+4+8+16+32 minutes: a receiver may be away for about an hour before a delivery fails for good.
WEBHOOK_RETRIES = 6


@job(retries=WEBHOOK_RETRIES)
def deliver_webhook(delivery_pk):
    return deliver(delivery_pk)


@job()
def prune_logs():
    """Calls and deliveries older than API_LOG_DAYS are deleted: the log is for finding faults, not a trail."""
    before = timezone.now() - datetime.timedelta(days=settings.API_LOG_DAYS)
    calls = ApiCall.objects.filter(at__lt=before).delete()[0]
    deliveries = WebhookDelivery.objects.filter(created_at__lt=before).delete()[0]
    return calls + deliveries


PERIODIC = [Periodic("api.prune_logs", prune_logs, "daily", hour=3)]
