import json
from unittest import mock

import pytest
from django.db.utils import OperationalError

pytestmark = pytest.mark.django_db


def test_health_reports_ok_without_login(client):
    response = client.get("/health/")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["status"] == "ok"
    assert body["checks"]["database"] == "ok"
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]


def test_health_is_503_when_the_database_is_down(client):
    with mock.patch("intranet.views._check_database", side_effect=OperationalError("down")):
        response = client.get("/health/")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["status"] == "error"
    assert body["checks"]["database"] == "error: OperationalError"


def test_health_checks_redis_when_configured(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    with mock.patch("intranet.views._check_redis", side_effect=ConnectionError("refused")):
        response = client.get("/health/")
    assert response.status_code == 503
    assert json.loads(response.content)["checks"]["redis"] == "error: ConnectionError"


def test_health_without_redis_does_not_check_it(client, settings):
    settings.REDIS_URL = ""
    assert "redis" not in json.loads(client.get("/health/").content)["checks"]


def test_health_refuses_post(client):
    assert client.post("/health/").status_code == 405
