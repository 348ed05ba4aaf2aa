"""What /health/ checks (docs/operations.md).

A load balancer takes a server out on 503, so only what no page can do without answers 503: the
database. Redis (a cache: pages go on without it), the media folder (pages go on; uploads fail
with a form error) and other checks an app adds with register() make the status "degraded" with
200 and say which part is down, for monitoring. Every check is short: /health/ must answer in well
under a second even while a dependency hangs.
"""

import smtplib
import time

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection
from django.db.models import Count, Min
from django.utils import timezone

from intranet import jobs, redis_breaker
from intranet.mail import delivery_backend

CRITICAL = "critical"
DEGRADED = "degraded"

_checks = {}


def register(name, check, severity=DEGRADED):
    """check() returns nothing when all is well and raises (or returns a string) to report a problem."""
    _checks[name] = (check, severity)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_redis():
    if not settings.REDIS_URL:
        return None
    # Imported here: django-redis is there only when Redis is the cache.
    from django_redis import get_redis_connection

    # The circuit answers at once while open; otherwise one PING with the short socket timeout.
    get_redis_connection("default").ping()
    down = redis_breaker.status()
    return f"down since {down['down_since']:.0f}" if down else None


def check_media():
    """Uploads and image renditions need a media storage that takes a write (room left, not
    read-only, the S3 store answering)."""
    check = getattr(default_storage, "check_writable", None)
    if check is not None:
        check()


SMTP_CHECK_TIMEOUT = 2  # seconds: /health/ must stay fast when the mail server hangs
SMTP_CHECK_EVERY = 60  # seconds the verdict is kept, per process (not in Redis, which may be down too)
_smtp_verdict = {"at": float("-inf"), "value": None}


def smtp_state():
    """ "ok", "error: …", or "not used" when mail does not go over SMTP (console, tests)."""
    if not delivery_backend().endswith("smtp.EmailBackend"):
        return "not used"
    now = time.monotonic()
    if now - _smtp_verdict["at"] < SMTP_CHECK_EVERY:
        return _smtp_verdict["value"]
    try:
        with smtplib.SMTP(settings.EMAIL_HOST, settings.EMAIL_PORT, timeout=SMTP_CHECK_TIMEOUT) as server:
            server.noop()
        value = "ok"
    except Exception as exc:  # refused, timed out, garbled: the mail server does not answer
        value = f"error: {exc.__class__.__name__}"
    _smtp_verdict.update(at=now, value=value)
    return value


def check_smtp():
    """Mail waits in the job queue while the server is away: degraded, not down."""
    state = smtp_state()
    return state.removeprefix("error: ") if state.startswith("error") else None


def jobs_state():
    """The queue's backlog: jobs due now and the age of the oldest of them (0 when none)."""
    found = jobs.results().ready().aggregate(backlog=Count("pk"), oldest=Min("enqueued_at"))
    oldest = found["oldest"]
    age = int((timezone.now() - oldest).total_seconds()) if oldest else 0
    return {"backlog": found["backlog"], "oldest_pending_seconds": age, "failed": jobs.failed_for_good().count()}


register("database", check_database, CRITICAL)
register("redis", check_redis)
register("media", check_media)
register("smtp", check_smtp)


def run_checks():
    """{name: "ok" | "error: ..."} and the overall status: ok, degraded or error."""
    results, status = {}, "ok"
    for name, (check, severity) in _checks.items():
        try:
            problem = check()
        except Exception as exc:  # any failure of a dependency is a finding, not a crash
            problem = exc.__class__.__name__
        if not problem:
            results[name] = "ok"
            continue
        results[name] = f"error: {problem}"
        if severity == CRITICAL:
            status = "error"
        elif status == "ok":
            status = "degraded"
    return status, results
