"""The background worker: django-tasks-db's db_worker plus the periodic-job scheduler, one process.

    python manage.py run_worker            (what `make run` and the systemd unit start)

Every option of db_worker works (--batch, --max-tasks, --queue-name …). The scheduler ticks at start
and then every minute in a thread of its own; --no-scheduler leaves it to cron (run_scheduled_jobs).

db_worker ends its process on any database error but "locked". Here the worker waits for the
database instead (1, 2, 4 … 30 s, one log line per try, no traceback) and goes on by itself, after
queueing again the job it was running: no restart by systemd is needed (docs/operations.md).
"""

import logging
import os
import threading
import time

from django.db import InterfaceError, OperationalError, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from intranet.jobs import requeue_claimed_by, run_due

logger = logging.getLogger(__name__)

TICK_SECONDS = 60
DB_RETRY_MAX_SECONDS = 30
DB_AWAY = (OperationalError, InterfaceError)
BATCH_TRIES = 3  # a batch run (cron, tests) gives up after this many waits instead of waiting forever

# db_worker's Worker handles SIGTERM/SIGINT itself; a stop that came while a job ran must not be
# forgotten when the database then goes away and a new Worker would start.
_stop_requested = threading.Event()


def _remember_stops():
    shutdown = db_worker.Worker.shutdown
    if getattr(shutdown, "plein_remembers", False):
        return

    def remembering(self, signum, frame):
        _stop_requested.set()
        return shutdown(self, signum, frame)

    remembering.plein_remembers = True
    db_worker.Worker.shutdown = remembering


# The server answered, or could not be asked for a reason waiting does not cure: end, as db_worker would.
FATAL_TEXTS = (
    "password authentication failed",
    "does not exist",
    "no such table",
    "unable to open database file",
    "readonly database",
    "permission denied",
)


def is_outage(error):
    """A lost or refused connection (wait for it), not a real error (a missing table, a wrong password).

    Decided by the kind of error, not by asking the database again: after a quick restart the dead
    connection's error arrives when the database is already back."""
    state = getattr(error.__cause__, "sqlstate", None) or ""
    if state:
        return state.startswith(("08", "57P"))  # connection exceptions, the server shutting down
    text = str(error).lower()
    return not any(fatal in text for fatal in FATAL_TEXTS)


def _tick_forever(stop):
    while not stop.is_set():
        try:
            queued = run_due()
            if queued:
                logger.info("Queued periodic jobs: %s", ", ".join(queued))
        except Exception:  # the database may be away; the next tick tries again
            logger.exception("The scheduler could not queue the periodic jobs")
        finally:
            connections.close_all()  # this thread's own connections only
        stop.wait(TICK_SECONDS)


class Command(DbWorkerCommand):
    help = "Run the background worker with the periodic-job scheduler (docs/deploy.md)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--no-scheduler", action="store_true", help="Only run jobs; cron queues periodic ones.")

    def handle(self, *args, no_scheduler=False, **options):
        reloading = options.get("reload") and not options.get("batch")
        # With the autoreloader the parent only watches files: the scheduler belongs in the child.
        if not no_scheduler and (not reloading or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true"):
            if options.get("batch"):
                run_due()  # one tick, then the batch runs what is due
            else:
                stop = threading.Event()
                threading.Thread(target=_tick_forever, args=(stop,), name="plein-scheduler", daemon=True).start()
        if options.get("reload") and not options.get("batch"):
            return super().handle(*args, **options)  # development: the reloader restarts it anyway
        return self._run_through_outages(*args, **options)

    def _run_through_outages(self, *args, **options):
        _remember_stops()
        _stop_requested.clear()
        delay, lost_job, waits = 1, False, 0
        while True:
            started = time.monotonic()
            try:
                if lost_job:
                    requeued = requeue_claimed_by(options["worker_id"])
                    lost_job = False
                    if requeued:
                        logger.info("Queued again %s job(s) that ran when the database went away", requeued)
                return super().handle(*args, **options)
            except DB_AWAY as error:
                if _stop_requested.is_set() or not is_outage(error):
                    _requeue_quietly(options["worker_id"])
                    raise  # asked to stop, or not an outage: end as db_worker would
                waits += 1
                if options.get("batch") and waits > BATCH_TRIES:
                    raise
                lost_job = True
                if time.monotonic() - started > 10 * DB_RETRY_MAX_SECONDS:
                    delay = 1  # a new outage after a good run starts with a short wait again
                logger.warning("The database is away (%s); the worker tries again in %s s", error, delay)
                connections.close_all()
                time.sleep(delay)
                delay = min(delay * 2, DB_RETRY_MAX_SECONDS)


def _requeue_quietly(worker_id):
    """Before ending: the job this worker was running is queued again now, not an hour later."""
    try:
        requeue_claimed_by(worker_id)
    except DB_AWAY:
        pass  # the database is away after all: requeue_stale finds the job later
