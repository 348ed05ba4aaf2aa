"""/health/ reports the mail server and the job backlog, fast, without making the site "down"."""

import json
import socket
import threading

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from intranet import health as views
from intranet import jobs
from tests.jobs.tasks_for_tests import flaky

# Committed data: the checks and the backlog are read in threads of their own, with their own connections.
pytestmark = pytest.mark.django_db(transaction=True)


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


def test_a_hanging_mail_server_is_asked_once_a_minute(client, settings):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    accepted = []

    def accept():  # accepts, never answers: a hung mail server
        while True:
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", listener.getsockname()[1]
    try:
        status, body = health(client)
        assert status == 200 and body["status"] == "degraded"
        assert body["smtp"].startswith("error: ") and body["checks"]["smtp"].startswith("error: ")
        assert health(client)[1]["smtp"].startswith("error: ")  # the kept verdict: no second wait
    finally:
        listener.close()
        for conn in accepted:
            conn.close()
    assert len(accepted) == 1
