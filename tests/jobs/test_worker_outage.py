"""The worker waits out a database outage by itself (run_worker) instead of ending its process."""

import pytest
from django.db import OperationalError
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from intranet import jobs
from intranet.management.commands import run_worker as command
from tests.jobs import tasks_for_tests
from tests.jobs.tasks_for_tests import flaky

pytestmark = pytest.mark.django_db


@pytest.fixture
def waits(monkeypatch):
    slept = []
    monkeypatch.setattr(command.time, "sleep", slept.append)
    monkeypatch.setattr(command.connections, "close_all", lambda: None)  # the test's own connection stays
    return slept


def test_the_worker_waits_for_the_database_and_requeues_the_job_it_was_running(
    database_queue, worker, waits, monkeypatch
):
    jobs.enqueue(flaky, "lost")
    jobs.enqueue(flaky, "after")
    real_run = db_worker.Worker.run
    outages = []

    def run_with_outage(self):
        if len(outages) < 2:
            if not outages:  # the first outage strikes while a job runs: it is claimed, then the database goes
                DBTaskResult.objects.filter(args_kwargs__args=["lost"]).get().claim(self.worker_id)
            outages.append(self.worker_id)
            raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")
        return real_run(self)

    monkeypatch.setattr(db_worker.Worker, "run", run_with_outage)
    worker(worker_id="w-outage")

    assert waits == [1, 2]  # it waited twice, longer the second time, and did not end
    assert sorted(tasks_for_tests.CALLS) == ["after", "lost"]  # the lost job ran again, the other once
    lost = DBTaskResult.objects.filter(args_kwargs__args=["lost"]).order_by("enqueued_at", "pk")
    assert [r.status for r in lost] == ["FAILED", "SUCCESSFUL"]
    assert "database went away" in lost[0].traceback
    assert lost[0].exception_class_path == jobs.WILL_RETRY_PATH


def test_another_workers_running_job_is_left_alone(database_queue, waits):
    jobs.enqueue(flaky, "theirs")
    DBTaskResult.objects.get().claim("other-worker")
    assert jobs.requeue_claimed_by("w-outage") == 0
    assert DBTaskResult.objects.get().status == "RUNNING"


def _failing_run(monkeypatch, error=None):
    calls = []

    def run(self):
        calls.append(1)
        raise error or OperationalError("connection refused")

    monkeypatch.setattr(db_worker.Worker, "run", run)
    return calls


def test_an_error_while_the_database_answers_is_not_waited_out(database_queue, worker, monkeypatch):
    """A missing table or a wrong password is no outage: the worker ends, as db_worker does."""
    monkeypatch.setattr(command.time, "sleep", lambda s: pytest.fail("it waited"))
    monkeypatch.setattr(command.connections, "close_all", lambda: None)  # the test's own connection stays
    calls = _failing_run(monkeypatch, OperationalError("no such table: django_tasks_database_dbtaskresult"))
    with pytest.raises(OperationalError, match="no such table"):
        worker()
    assert calls == [1]


def test_a_batch_run_gives_up_after_a_few_waits(database_queue, worker, waits, monkeypatch):
    calls = _failing_run(monkeypatch)
    with pytest.raises(OperationalError):
        worker()
    assert len(calls) == command.BATCH_TRIES + 1 and waits == [1, 2, 4]


def test_a_stop_asked_for_before_the_outage_is_kept(database_queue, worker, waits, monkeypatch):
    def run(self):
        command._stop_requested.set()  # as Worker.shutdown records a SIGTERM that came while a job ran
        raise OperationalError("connection refused")

    monkeypatch.setattr(db_worker.Worker, "run", run)
    with pytest.raises(OperationalError):
        worker()
    assert waits == []  # it ended instead of waiting for the database and starting again


def test_a_job_with_no_tries_left_is_failed_for_good_not_queued_again(database_queue):
    jobs.enqueue(flaky, "last", job_attempt=3)  # flaky has retries=2: this was its last try
    DBTaskResult.objects.get().claim("w-outage")
    assert jobs.requeue_claimed_by("w-outage") == 1
    (result,) = DBTaskResult.objects.all()
    assert result.status == "FAILED" and result.exception_class_path.endswith("WorkerLost")
    assert jobs.failed_for_good().count() == 1


@pytest.mark.parametrize(
    "message, cause_state, outage",
    [
        ("connection to server at 127.0.0.1 failed: Connection refused", None, True),
        ("server closed the connection unexpectedly", None, True),  # a quick restart: back already
        ("terminating connection due to administrator command", "57P01", True),
        ("could not receive data from server", "08006", True),
        ('relation "django_tasks_database_dbtaskresult" does not exist', "42P01", False),
        ('FATAL:  password authentication failed for user "plein"', None, False),
        ("no such table: django_tasks_database_dbtaskresult", None, False),
    ],
)
def test_what_counts_as_an_outage(message, cause_state, outage):
    cause = type("Cause", (Exception,), {"sqlstate": cause_state})()
    try:
        raise OperationalError(message) from cause
    except OperationalError as error:
        assert command.is_outage(error) is outage
