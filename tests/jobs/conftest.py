import signal

import pytest
from django.core.management import call_command

from tests.directregelen.conftest import ict, ict_form, portal  # noqa: F401
from tests.jobs import tasks_for_tests
from tests.news.conftest import author, make_news, news_index, news_page  # noqa: F401

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_queue(settings):
    """Jobs go into the database queue, as in production, instead of running at once."""
    settings.TASKS = DATABASE_QUEUE
    tasks_for_tests.CALLS.clear()


def run_worker(**options):
    """The real worker command in this process, until nothing is due; the test's signal handlers stay."""
    options.setdefault("no_scheduler", True)
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("run_worker", batch=True, reload=False, startup_delay=False, interval=0, verbosity=0, **options)
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


@pytest.fixture
def worker(monkeypatch):
    """run_worker inside a test's transaction: the worker must not close the test's connection."""
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    return run_worker
