"""Background jobs: the one way an app hands work to the worker (docs/deploy.md, docs/architecture.md).

Apps define jobs in `<app>/tasks.py` with the `job` decorator below (Django's task API underneath)
and queue them with enqueue(), never with `task.enqueue()` directly: with the database queue a job
row is written inside the caller's transaction, so it exists exactly when the change that caused it
was committed; with a backend outside the database (the immediate one in tests) the job is queued at
commit instead, so it never acts on a change that was rolled back.

A job that raises is recorded FAILED with its error and, while it has attempts left, queued again
with an exponential back-off (1, 2, 4 … minutes, at most an hour). The row of an attempt that will
be retried fails with WillRetry (its cause is the real error), so "failed for good" is one query:
FAILED and not WillRetry. Those stay in the admin's job list until someone retries or they age out.

Periodic jobs: each app lists them as `PERIODIC = [Periodic(...)]` in `<app>/tasks.py`;
run_due() enqueues each due one at most once per period (a unique ScheduledRun row written in the
same transaction as the job), however often and on however many machines it runs.
"""

import datetime
import functools
import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django_tasks import task, task_backends
from django_tasks_db.models import DBTaskResult

from intranet.models import ScheduledRun
from intranet.plugins import app_modules

logger = logging.getLogger(__name__)

ATTEMPT = "job_attempt"  # the keyword that carries the attempt number in a queued job's kwargs
DEFAULT_RETRIES = 8  # 1+2+4+…+60 minutes: a mail server may be away for about four hours
MAX_DELAY = datetime.timedelta(hours=1)
_retries = {}  # task module path -> retries


class WillRetry(Exception):
    """Recorded as the failure of an attempt that has been queued again; its cause is the real error."""


class PartlyDone(Exception):  # noqa: N818 (not an error of its own: carries what is left to do)
    """Raised by a job that did part of its work: the retry runs with `kwargs` merged in (e.g. `skip`),
    so what was done (a mail that went out) is not done twice."""

    def __init__(self, cause, **kwargs):
        super().__init__(str(cause))
        self.cause = cause
        self.kwargs = kwargs


def backoff(attempt):
    """Delay before attempt `attempt + 1`: 1 minute after the first failure, doubling, at most an hour."""
    return min(datetime.timedelta(minutes=2 ** (attempt - 1)), MAX_DELAY)


def job(retries=DEFAULT_RETRIES, **task_options):
    """`django_tasks.task` with retries: `@job()`, `@job(retries=0)`, `@job(priority=10)`."""

    def decorate(func):
        @functools.wraps(func)
        def run(*args, **kwargs):
            attempt = kwargs.pop(ATTEMPT, 1)
            try:
                return func(*args, **kwargs)
            except Exception as exc:
                more = exc.kwargs if isinstance(exc, PartlyDone) else {}
                cause = exc.cause if isinstance(exc, PartlyDone) else exc
                if attempt > retries or not _queue_again(the_task, args, {**kwargs, **more}, attempt):
                    raise
                raise WillRetry(f"attempt {attempt} of {retries + 1} failed: {cause!r}; queued again") from cause

        the_task = task(**task_options)(run)
        _retries[the_task.module_path] = retries
        return the_task

    return decorate


def retries_of(module_path):
    return _retries.get(module_path, 0)


def _queue_again(the_task, args, kwargs, attempt):
    backend = task_backends[the_task.backend]
    if not backend.supports_defer:
        return False  # the immediate backend (tests) runs now or never
    delayed = the_task.using(run_after=timezone.now() + backoff(attempt))
    delayed.enqueue(*args, **{**kwargs, ATTEMPT: attempt + 1})
    return True


def enqueue(task, *args, **kwargs):
    """Queue task(*args, **kwargs) together with the current transaction's change."""
    backend = task_backends[task.backend]
    if in_database(backend):
        return task.enqueue(*args, **kwargs)
    transaction.on_commit(lambda: task.enqueue(*args, **kwargs), robust=True)
    return None


def in_database(backend):
    return type(backend).__module__.startswith("django_tasks_db.")


# The queue as the admin and /health/ see it ---------------------------------------------------------


def results():
    return DBTaskResult.objects.all()


WILL_RETRY_PATH = f"{WillRetry.__module__}.{WillRetry.__qualname__}"


class WorkerLost(Exception):
    """Recorded on a job whose worker stopped (or lost the database) while it ran, with no tries left."""


def failed_for_good():
    return results().filter(status="FAILED").exclude(exception_class_path=WILL_RETRY_PATH)


def counts():
    """Pending (due or waiting for a retry), running and failed-for-good jobs: one query."""
    return results().aggregate(
        pending=Count("pk", filter=Q(status="READY")),
        running=Count("pk", filter=Q(status="RUNNING")),
        failed=Count("pk", filter=Q(status="FAILED") & ~Q(exception_class_path=WILL_RETRY_PATH)),
    )


def retry_now(result_id):
    """Queue a failed job again as a fresh first attempt and drop its failed row. Returns the new row's id."""
    with transaction.atomic():
        failed = DBTaskResult.objects.select_for_update().get(pk=result_id, status="FAILED")
        kwargs = {k: v for k, v in failed.args_kwargs["kwargs"].items() if k != ATTEMPT}
        result = failed.task.using(run_after=None).enqueue(*failed.args_kwargs["args"], **kwargs)
        failed.delete()
    return result.id


# A job whose worker was killed (kill -9, a crash, a reboot) stays RUNNING for ever in django-tasks-db.
# Jobs are short (mail is bounded by EMAIL_TIMEOUT, re-indexes come in chunks), so one still running
# after this long lost its worker: the scheduler records it failed and queues it again.
STALE_AFTER = datetime.timedelta(hours=1)


def requeue_stale(now=None):
    """Queue jobs again whose worker died mid-run; returns how many. Safe on several machines at once."""
    now = now or timezone.now()
    requeued = 0
    with transaction.atomic():
        stale = DBTaskResult.objects.select_for_update(skip_locked=True).filter(
            status="RUNNING", started_at__lt=now - STALE_AFTER
        )
        for result in stale:
            _requeue_result(result, now, f"WorkerLost: still running after {STALE_AFTER}; its worker stopped.")
            requeued += 1
    return requeued


def requeue_claimed_by(worker_id, now=None):
    """Queue again the jobs this worker was running when the database went away under it (run_worker):
    they would otherwise wait for requeue_stale, an hour later. Jobs are safe to run twice."""
    now = now or timezone.now()
    requeued = 0
    with transaction.atomic():
        running = DBTaskResult.objects.select_for_update(skip_locked=True).filter(status="RUNNING")
        for result in running:
            if result.worker_ids and result.worker_ids[-1] == worker_id:
                _requeue_result(result, now, "WorkerLost: the database went away while it ran.")
                requeued += 1
    return requeued


def _requeue_result(result, now, reason):
    kwargs = dict(result.args_kwargs["kwargs"])
    attempt = kwargs.get(ATTEMPT, 1)
    result.status, result.finished_at = "FAILED", now
    if attempt > retries_of(result.task_path):
        # Its tries are used up (a job that itself drops the connection would come back for ever):
        # failed for good, with a retry button in the admin.
        result.exception_class_path = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"
        result.traceback = f"{reason} No tries left."
    else:
        kwargs[ATTEMPT] = attempt + 1
        result.task.using(run_after=None).enqueue(*result.args_kwargs["args"], **kwargs)
        result.exception_class_path = WILL_RETRY_PATH
        result.traceback = f"{reason} Queued again."
    result.save(update_fields=["status", "finished_at", "exception_class_path", "traceback"])


# Periodic jobs ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Periodic:
    """A job to queue once per period: "hourly", "daily", "weekly" (Mondays) or "monthly" (the 1st),
    from `hour` o'clock local time on (so a daily digest goes out in the morning, not at midnight)."""

    name: str
    task: object
    every: str = "daily"
    hour: int = 0

    def period(self, now):
        """The key of the period `now` falls in, or None before this period's start hour."""
        local = timezone.localtime(now)
        if self.every == "hourly":
            return local.strftime("%Y-%m-%dT%H")
        if local.hour < self.hour:
            return None
        if self.every == "daily":
            return local.strftime("%Y-%m-%d")
        if self.every == "weekly":
            year, week, _ = local.isocalendar()
            return f"{year}-W{week:02d}"
        if self.every == "monthly":
            return local.strftime("%Y-%m")
        raise ValueError(f"Unknown period {self.every!r} for {self.name}")


def periodic_jobs():
    """Every app's `PERIODIC` from `<app>/tasks.py`, in INSTALLED_APPS order."""
    return [job for _, module in app_modules("tasks") for job in getattr(module, "PERIODIC", ())]


def run_due(now=None):
    """Queue every periodic job that is due and not yet queued for this period. Returns their names."""
    now = now or timezone.now()
    if in_database(task_backends["default"]):
        requeue_stale(now)
    queued = []
    for periodic in periodic_jobs():
        period = periodic.period(now)
        if period is None:
            continue
        try:
            with transaction.atomic():
                # The unique row and the job commit together: a second scheduler (the same minute,
                # or another machine) fails here and queues nothing; a crash leaves neither.
                ScheduledRun.objects.create(name=periodic.name, period=period)
                enqueue(periodic.task)
        except IntegrityError:
            continue
        queued.append(periodic.name)
    return queued
