import json
import threading
import time
from unittest import mock

import pytest
from django.db.utils import OperationalError

from intranet import health

pytestmark = pytest.mark.django_db


def _failing(exc):
    def check():
        raise exc

    return check


def test_health_reports_ok_without_login(client):
    response = client.get("/health/")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["status"] == "ok"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["media"] == "ok"
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]


def test_health_is_503_when_the_database_is_down(client):
    failing = (_failing(OperationalError("down")), health.CRITICAL)
    with mock.patch.dict(health._checks, {"database": failing}):
        response = client.get("/health/")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["status"] == "error"
    assert body["checks"]["database"] == "error: OperationalError"


def test_redis_down_is_degraded_not_down(client, settings):
    """Pages go on without the cache, so a load balancer must keep the server in."""
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    with mock.patch.dict(health._checks, {"redis": (_failing(ConnectionError("refused")), health.DEGRADED)}):
        response = client.get("/health/")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["status"] == "degraded"
    assert body["checks"]["redis"] == "error: ConnectionError"
    assert body["checks"]["database"] == "ok"


def test_health_without_redis_reports_it_unused(client, settings):
    settings.REDIS_URL = ""
    assert json.loads(client.get("/health/").content)["checks"]["redis"] == "ok"


def test_a_full_or_read_only_media_folder_is_reported(client):
    # Tests run as root in CI, where folder permissions stop nothing: the disk's answer is simulated.
    full = OSError(28, "No space left on device")
    with mock.patch("intranet.storage.tempfile.NamedTemporaryFile", side_effect=full):
        response = client.get("/health/")
    body = json.loads(response.content)
    assert response.status_code == 200
    assert body["status"] == "degraded"
    assert body["checks"]["media"] == "error: OSError"


def test_a_hanging_check_is_answered_within_the_deadline_and_not_started_twice(client):
    """A frozen database or media store must not hold /health/ (nor pile up threads behind it)."""
    release, started = threading.Event(), []

    def hangs():
        started.append(1)
        release.wait(30)

    try:
        with mock.patch.dict(health._checks, {"database": (hangs, health.CRITICAL)}):
            with mock.patch.object(health, "CHECK_TIMEOUT", 0.3):
                began = time.monotonic()
                first = client.get("/health/")
                second = client.get("/health/")
                took = time.monotonic() - began
    finally:
        release.set()
    assert first.status_code == second.status_code == 503
    assert json.loads(first.content)["checks"]["database"] == "error: no answer within 0.3 s"
    assert took < 3  # two calls, each bounded by the deadline, not by the hang (30 s)
    assert started == [1]  # the second call waited on the same hanging check instead of starting one


def test_checks_run_beside_each_other_within_one_deadline(client):
    slow = (lambda: time.sleep(0.2), health.DEGRADED)
    with mock.patch.dict(health._checks, {"media": slow, "redis": slow, "smtp": slow}):
        began = time.monotonic()
        assert client.get("/health/").status_code == 200
    assert time.monotonic() - began < 0.55  # three 0.2 s checks side by side, not one after another


def test_the_smtp_check_speaks_tls_from_the_start_on_port_465(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_USE_SSL = True
    health._smtp_verdict.update(at=float("-inf"), value=None)
    try:
        with (
            mock.patch("intranet.health.smtplib.SMTP_SSL") as ssl_client,
            mock.patch("intranet.health.smtplib.SMTP") as plain,
        ):
            assert health.smtp_state() == "ok"
        assert ssl_client.called and not plain.called
    finally:
        health._smtp_verdict.update(at=float("-inf"), value=None)


def test_a_full_database_is_degraded_not_down(client):
    """'too many clients' (SQLSTATE 53300): the workers' kept connections still serve, and a 503 from
    every server at once would make the balancer take them all out."""

    def full(*args, **kwargs):
        # As psycopg raises it when connecting: the server's message, no SQLSTATE.
        raise OperationalError("connection failed: FATAL:  sorry, too many clients already") from Exception()

    with mock.patch("django.db.backends.base.base.BaseDatabaseWrapper.cursor", side_effect=full):
        response = client.get("/health/")
    body = json.loads(response.content)
    assert response.status_code == 200 and body["status"] == "degraded"
    assert body["checks"]["database"] == "error: too many connections"
