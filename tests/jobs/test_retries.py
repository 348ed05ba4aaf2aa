"""intranet.jobs: retries with back-off, failures that stay visible, and mail batches that resume."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from intranet import jobs
from tests.jobs import tasks_for_tests
from tests.jobs.tasks_for_tests import flaky, three_mails

pytestmark = pytest.mark.django_db


def make_due():
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now() - datetime.timedelta(seconds=1))


def test_backoff_doubles_from_a_minute_up_to_an_hour():
    delays = [jobs.backoff(attempt).total_seconds() / 60 for attempt in range(1, 10)]
    assert delays == [1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_a_failing_job_is_recorded_failed_and_queued_again_later(database_queue, worker):
    jobs.enqueue(flaky, "a", failures=1)
    before = timezone.now()
    worker()
    failed = DBTaskResult.objects.get(status="FAILED")
    assert failed.exception_class_path == jobs.WILL_RETRY_PATH
    assert "ConnectionRefusedError: a: mail server down" in failed.traceback  # the real error, kept
    again = DBTaskResult.objects.get(status="READY")
    assert again.args_kwargs == {"args": ["a"], "kwargs": {"failures": 1, "job_attempt": 2}}
    wait = again.run_after - before
    assert datetime.timedelta(seconds=55) < wait < datetime.timedelta(seconds=65)
    worker()  # not due yet: nothing runs
    assert tasks_for_tests.CALLS == ["a"]

    make_due()
    worker()
    assert tasks_for_tests.CALLS == ["a", "a"]
    assert DBTaskResult.objects.get(status="SUCCESSFUL").return_value == "a"
    assert not jobs.failed_for_good().exists()


def test_after_the_last_attempt_the_job_stays_failed_and_visible(database_queue, worker):
    jobs.enqueue(flaky, "b", failures=10)
    waits = []
    for _ in range(3):  # retries=2: three attempts
        worker()
        pending = DBTaskResult.objects.filter(status="READY").first()
        if pending:
            waits.append(round((pending.run_after - timezone.now()).total_seconds() / 60))
        make_due()
    assert waits == [1, 2]
    assert tasks_for_tests.CALLS == ["b", "b", "b"]
    assert not DBTaskResult.objects.filter(status="READY").exists()
    (final,) = jobs.failed_for_good()
    assert final.exception_class_path == "builtins.ConnectionRefusedError"
    assert final.args_kwargs["kwargs"]["job_attempt"] == 3
    assert jobs.counts() == {"pending": 0, "running": 0, "failed": 1}

    # "Opnieuw proberen": a fresh first attempt, and the failed row is gone.
    jobs.retry_now(final.pk)
    assert jobs.counts() == {"pending": 1, "running": 0, "failed": 0}
    assert DBTaskResult.objects.get(status="READY").args_kwargs["kwargs"] == {"failures": 10}


def test_a_mail_batch_uses_one_connection_and_a_retry_sends_only_the_rest(database_queue, worker):
    from django.core.mail.backends.locmem import EmailBackend

    real_send = EmailBackend.send_messages
    opened = []
    calls = {"n": 0}

    def second_fails(self, messages):
        calls["n"] += 1
        if calls["n"] == 2:
            raise ConnectionResetError("connection lost")
        return real_send(self, messages)

    def counting_open(self):
        opened.append(self)
        return True

    jobs.enqueue(three_mails)
    with (
        mock.patch.object(EmailBackend, "send_messages", second_fails),
        mock.patch.object(EmailBackend, "open", counting_open),
    ):
        worker()
        assert [m.to for m in mail.outbox] == [["m0@gemeente.example"]]
        retry = DBTaskResult.objects.get(status="READY")
        assert retry.args_kwargs["kwargs"] == {"done": [0], "job_attempt": 2}
        make_due()
        worker()
    assert [m.to[0] for m in mail.outbox] == ["m0@gemeente.example", "m1@gemeente.example", "m2@gemeente.example"]
    assert len(opened) == 2  # one connection per attempt, not one per message


def test_the_immediate_backend_runs_a_job_at_commit_and_does_not_retry(django_capture_on_commit_callbacks):
    tasks_for_tests.CALLS.clear()
    with django_capture_on_commit_callbacks(execute=True):
        jobs.enqueue(flaky, "c", failures=1)
        assert tasks_for_tests.CALLS == []  # not before the change commits
    assert tasks_for_tests.CALLS == ["c"]
    assert not DBTaskResult.objects.exists()


def test_a_job_queued_in_a_transaction_that_rolls_back_is_gone(database_queue, django_db_blocker):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        jobs.enqueue(flaky, "d")
        assert DBTaskResult.objects.count() == 1
        raise RuntimeError("the change failed")
    assert not DBTaskResult.objects.exists()


def test_a_job_whose_worker_died_is_queued_again_by_the_scheduler(database_queue, worker):
    jobs.enqueue(flaky, "e")
    mine = DBTaskResult.objects.filter(task_path="tests.jobs.tasks_for_tests.flaky")
    DBTaskResult.objects.update(status="RUNNING", started_at=timezone.now() - datetime.timedelta(minutes=30))
    jobs.run_due()
    assert not mine.filter(status="READY").exists()  # half an hour: maybe still busy
    DBTaskResult.objects.update(started_at=timezone.now() - datetime.timedelta(minutes=61))
    jobs.run_due()
    lost = mine.get(status="FAILED")
    assert lost.exception_class_path == jobs.WILL_RETRY_PATH and "WorkerLost" in lost.traceback
    again = mine.get(status="READY")
    assert again.args_kwargs == {"args": ["e"], "kwargs": {"job_attempt": 2}}
    worker()
    assert tasks_for_tests.CALLS == ["e"]
