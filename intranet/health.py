"""What /health/ checks (docs/operations.md).

A load balancer takes a server out on 503, so only what no page can do without answers 503: the
database. Redis (a cache: pages go on without it), the media folder (pages go on; uploads fail
with a form error) and other checks an app adds with register() make the status "degraded" with
200 and say which part is down, for monitoring. Every check is short: /health/ must answer in well
under a second even while a dependency hangs: each check runs in a thread of its own and is given
CHECK_TIMEOUT seconds; one that hangs is reported as such, and not started again while it hangs.
Each check opens its own database connection and closes it: the health of the database is asked
afresh, and a full server ("too many clients") is "degraded", not down.
"""

import smtplib
import threading
import time

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import OperationalError, connection, connections
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


class Degraded(Exception):
    """A check's finding that makes the status "degraded" whatever the check's severity."""


def check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except OperationalError as exc:
        # "too many clients": the server is up and the workers' kept connections go on serving; a 503
        # would make every balancer take every server out at the same moment.
        # At connect time psycopg gives no SQLSTATE, only the server's message.
        full = getattr(exc.__cause__, "sqlstate", None) == "53300" or any(
            text in str(exc) for text in ("too many clients", "remaining connection slots are reserved")
        )
        if full:
            raise Degraded("too many connections") from exc
        raise


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


SMTP_CHECK_TIMEOUT = 1.5  # seconds, inside CHECK_TIMEOUT: /health/ must stay fast when the mail server hangs
SMTP_CHECK_EVERY = 60  # seconds the verdict is kept, per process (not in Redis, which may be down too)
_smtp_verdict = {"at": float("-inf"), "value": None}


def smtp_state():
    """ "ok", "error: …", or "not used" when mail does not go over SMTP (console, tests)."""
    if not delivery_backend().endswith("smtp.EmailBackend"):
        return "not used"
    now = time.monotonic()
    if now - _smtp_verdict["at"] < SMTP_CHECK_EVERY:
        return _smtp_verdict["value"]
    # Port 465 speaks TLS from the first byte: a plain client would wait for a greeting that never comes.
    client = smtplib.SMTP_SSL if settings.EMAIL_USE_SSL else smtplib.SMTP
    try:
        with client(settings.EMAIL_HOST, settings.EMAIL_PORT, timeout=SMTP_CHECK_TIMEOUT) as server:
            server.noop()
        value = "ok"
    except Exception as exc:  # refused, timed out, garbled: the mail server does not answer
        value = f"error: {exc.__class__.__name__}"
    _smtp_verdict.update(at=now, value=value)
    return value


def last_smtp_state():
    """The verdict the last check left (the smtp check itself runs within run_checks' deadline)."""
    if not delivery_backend().endswith("smtp.EmailBackend"):
        return "not used"
    return _smtp_verdict["value"] or "unknown"


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


CHECK_TIMEOUT = 2.0  # seconds for all checks together; a load balancer's check waits longer than this
_running = {}  # name -> its _Run: a hanging check is waited on, not started twice
_lock = threading.Lock()


class _Run:
    """One call of a check in a daemon thread of its own (a hung one must not hold up a worker's exit)."""

    def __init__(self, func):
        self.done, self.value, self.error = threading.Event(), None, None
        threading.Thread(target=self._go, args=(func,), name="plein-health", daemon=True).start()

    def _go(self, func):
        try:
            self.value = func()
        except Exception as exc:  # any failure of a dependency is a finding, not a crash
            self.error = exc
        finally:
            connections.close_all()  # this thread's own connection; the thread ends here
            self.done.set()


def _start(name, func):
    with _lock:
        run = _running.get(name)
        if run is None or run.done.is_set():
            run = _running[name] = _Run(func)
        return run


def _finding(run, deadline, timeout):
    if not run.done.wait(max(0.0, deadline - time.monotonic())):
        return f"no answer within {timeout:g} s"
    if run.error is not None:
        return str(run.error) if isinstance(run.error, Degraded) else run.error.__class__.__name__
    return run.value


def run_checks(timeout=None, deadline=None):
    """{name: "ok" | "error: ..."} and the overall status: ok, degraded or error."""
    timeout = CHECK_TIMEOUT if timeout is None else timeout
    deadline = deadline or time.monotonic() + timeout
    runs = {name: _start(name, check) for name, (check, _severity) in list(_checks.items())}
    results, status = {}, "ok"
    for name, run in runs.items():
        problem = _finding(run, deadline, timeout)
        if not problem:
            results[name] = "ok"
            continue
        results[name] = f"error: {problem}"
        if _checks[name][1] == CRITICAL and not isinstance(run.error, Degraded):
            status = "error"
        elif status == "ok":
            status = "degraded"
    return status, results


def health_report():
    """(HTTP status, body) of /health/: 503 only when the database is down (see the module docstring).

    Everything, the job backlog included, is answered within CHECK_TIMEOUT."""
    deadline = time.monotonic() + CHECK_TIMEOUT
    backlog = _start("jobs", jobs_state)  # beside the checks, under the same deadline
    status, results = run_checks(deadline=deadline)
    # The details monitoring wants beside the verdicts: the mail server's answer and the job backlog.
    body = {"status": status, "checks": results, "smtp": last_smtp_state()}
    if results.get("database") == "ok":
        found = _finding(backlog, deadline, CHECK_TIMEOUT)
        body["jobs"] = found if isinstance(found, dict) else {"error": found}
    return (503 if status == "error" else 200), body
