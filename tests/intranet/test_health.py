import json
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
