"""Periodic jobs: each app's PERIODIC, queued once per period however often the scheduler runs."""

import datetime
import threading
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from intranet import jobs
from intranet.models import ScheduledRun
from tests.conftest import is_postgres

pytestmark = pytest.mark.django_db

MONDAY_9 = timezone.make_aware(datetime.datetime(2026, 12, 7, 9, 0))


def test_every_apps_periodic_jobs_are_found():
    names = {p.name for p in jobs.periodic_jobs()}
    assert {
        "social.send_digests",
        "directregelen.remind_service_owners",
        "prikbord.expire_posts",
        "teams.notify_quiet_teams",
        "intranet.prune_job_results",
    } <= names


def test_periods():
    daily = jobs.Periodic("x", None, "daily", hour=7)
    assert daily.period(MONDAY_9) == "2026-12-07"
    assert daily.period(MONDAY_9.replace(hour=6)) is None  # before 07:00: not yet due
    assert jobs.Periodic("x", None, "weekly").period(MONDAY_9) == "2026-W50"
    assert jobs.Periodic("x", None, "monthly").period(MONDAY_9) == "2026-12"
    assert jobs.Periodic("x", None, "hourly").period(MONDAY_9) == "2026-12-07T09"


def test_the_scheduler_run_twice_queues_each_job_once(database_queue):
    first = jobs.run_due(MONDAY_9)
    assert "social.send_digests" in first and "directregelen.remind_service_owners" in first
    assert jobs.run_due(MONDAY_9 + datetime.timedelta(minutes=1)) == []
    call_command("run_scheduled_jobs", stdout=open("/dev/null", "w"))  # noqa: SIM115 (the cron line, once more)
    queued = DBTaskResult.objects.filter(task_path="social.tasks.send_digests")
    assert queued.count() == 1
    assert ScheduledRun.objects.filter(name="social.send_digests").count() == 1
    # The next day it is due again; the weekly one is not.
    again = jobs.run_due(MONDAY_9 + datetime.timedelta(days=1))
    assert "social.send_digests" in again and "directregelen.remind_service_owners" not in again
    assert queued.count() == 2


def test_the_worker_ticks_the_scheduler_and_runs_what_is_due(database_queue, worker):
    with mock.patch("django.utils.timezone.now", return_value=MONDAY_9):
        worker(no_scheduler=False)  # one tick, then the batch runs what it queued
    due = {p.task.module_path for p in jobs.periodic_jobs() if p.period(MONDAY_9)}
    assert "social.tasks.send_digests" in due
    ran = DBTaskResult.objects.filter(task_path__in=due)
    assert sorted(ran.values_list("task_path", flat=True)) == sorted(due)
    assert set(ran.values_list("status", flat=True)) == {"SUCCESSFUL"}


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_schedulers_at_once_queue_each_job_once(database_queue):
    if not is_postgres():
        pytest.skip("needs PostgreSQL: SQLite serialises every writer anyway")
    barrier = threading.Barrier(2)
    results = []

    def schedule():
        try:
            barrier.wait()
            results.append(jobs.run_due(MONDAY_9))
        finally:
            connection.close()

    threads = [threading.Thread(target=schedule) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 2
    assert set(results[0]).isdisjoint(results[1])  # nothing queued by both
    queued = list(DBTaskResult.objects.values_list("task_path", flat=True))
    assert len(queued) == len(set(queued)) == len(results[0]) + len(results[1]) > 0
