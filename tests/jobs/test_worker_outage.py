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
