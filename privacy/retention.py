"""Technical data kept only as long as needed (PRIVACY_TECHNICAL_RETENTION_DAYS, docs/privacy.md)."""

from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone
from django_comments_xtd.models import XtdComment
from django_tasks_db.models import DBTaskResult

from privacy.exports import expire_exports


def enforce(now=None):
    """Drop what is past its time; returns {what: number of rows}. Safe to run twice or at once."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.PRIVACY_TECHNICAL_RETENTION_DAYS)
    done = {
        "comment_ip_addresses": XtdComment.objects.filter(submit_date__lt=cutoff, ip_address__isnull=False).update(
            ip_address=None
        ),
        "login_log": AccessLog.objects.filter(attempt_time__lt=cutoff).delete()[0],
        "failed_logins": AccessFailureLog.objects.filter(attempt_time__lt=cutoff).delete()[0],
        "lockout_counters": AccessAttempt.objects.filter(attempt_time__lt=cutoff).delete()[0],
        "sessions": Session.objects.filter(expire_date__lt=now).delete()[0],
        # Successful jobs only: failed ones stay in the admin until someone has looked (docs/deploy.md).
        "finished_jobs": DBTaskResult.objects.filter(status="SUCCESSFUL", finished_at__lt=cutoff).delete()[0],
        "exports": expire_exports(now),
    }
    return done
