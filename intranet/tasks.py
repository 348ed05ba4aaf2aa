"""The frame's jobs: prepared mails, password-reset mails and pruning the job queue's old rows."""

import datetime

from django.core.management import call_command
from django.utils import timezone, translation
from django_tasks import task_backends

from intranet.jobs import Periodic, in_database, job
from intranet.mail import from_data, send_batch
from intranet.models import ScheduledRun
from intranet.password_reset import send_password_reset as send

# Finished jobs stay visible in the admin this long; failed ones longer, so someone can look at them.
KEEP_DONE_DAYS = 14
KEEP_FAILED_DAYS = 60


@job()
def send_mails(messages, done=()):
    """Send prepared messages (intranet.mail.as_data), e.g. cancellations whose booking is gone."""
    return send_batch([(index, from_data(data)) for index, data in enumerate(messages)], done=done)


@job()
def send_password_reset(email, language):
    """The reset mail, in the language of the page it was asked on (the lookup happens here, not in the
    request, so the request's timing tells nothing; intranet.password_reset)."""
    with translation.override(language):
        send(email)


@job(retries=2)
def prune_job_results():
    if not in_database(task_backends[prune_job_results.backend]):
        return
    call_command(
        "prune_db_task_results",
        queue_name="*",
        min_age_days=KEEP_DONE_DAYS,
        failed_min_age_days=KEEP_FAILED_DAYS,
        verbosity=0,
    )
    ScheduledRun.objects.filter(queued_at__lt=timezone.now() - datetime.timedelta(days=KEEP_FAILED_DAYS)).delete()


PERIODIC = [Periodic("intranet.prune_job_results", prune_job_results, "daily", hour=3)]
