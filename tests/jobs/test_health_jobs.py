"""/health/ reports the mail server and the job backlog, fast, without making the site "down"."""

import json
import socket
import time

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from intranet import jobs, views
from tests.jobs.tasks_for_tests import flaky

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _forget_smtp_verdict():
    views._smtp_verdict.update(at=float("-inf"), value=None)
    yield
    views._smtp_verdict.update(at=float("-inf"), value=None)


def health(client):
    response = client.get("/health/")
    return response.status_code, json.loads(response.content)


def test_backlog_and_oldest_pending_job(client, database_queue):
    status, body = health(client)
    assert body["jobs"] == {"backlog": 0, "oldest_pending_seconds": 0, "failed": 0}
    jobs.enqueue(flaky, "x")
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timezone.timedelta(minutes=12))
    status, body = health(client)
    assert status == 200
    assert body["jobs"]["backlog"] == 1
    assert 12 * 60 <= body["jobs"]["oldest_pending_seconds"] < 13 * 60


def test_smtp_not_used_in_tests(client):
    assert health(client)[1]["smtp"] == "not used"


def test_a_refusing_mail_server_is_reported_but_the_site_stays_up(client, settings):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nothing listens here
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    status, body = health(client)
    assert status == 200
    assert body["smtp"] == "error: ConnectionRefusedError"


def test_a_hanging_mail_server_costs_health_two_seconds_once_a_minute(client, settings):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)  # accepts (the kernel does), never answers
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", listener.getsockname()[1]
    try:
        started = time.monotonic()
        assert health(client)[1]["smtp"].startswith("error: ")
        first = time.monotonic() - started
        started = time.monotonic()
        assert health(client)[1]["smtp"].startswith("error: ")  # the kept verdict
        second = time.monotonic() - started
    finally:
        listener.close()
    assert views.SMTP_CHECK_TIMEOUT - 0.5 < first < views.SMTP_CHECK_TIMEOUT + 1.5
    assert second < 0.5
