"""The health port (intranet.health_server): /health/ beside gunicorn's request threads. The test with
every thread of a real worker taken is in test_app_servers.py; these run the listener in-process."""

import logging
import socket

import pytest
import requests

from intranet import health_server

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def served():
    servers = []

    def start(bind="127.0.0.1:0", **kwargs):
        server = health_server.start(bind, **kwargs)
        if server is not None:
            servers.append(server)
        return server

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def _url(server, path="/health/"):
    host, port = server.server_address[:2]
    return f"http://{'[' + host + ']' if ':' in host else host}:{port}{path}"


def test_it_answers_health_with_the_views_json_and_nothing_else(served):
    server = served()
    response = requests.get(_url(server), timeout=5)
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/json"
    body = response.json()
    assert body["checks"]["database"] == "ok" and "jobs" in body
    assert requests.get(_url(server, "/mensen/"), timeout=5).status_code == 404
    assert requests.post(_url(server), timeout=5).status_code == 501  # GET only


def test_a_worker_that_is_stopping_says_so(served):
    server = served(serving=lambda: False)
    response = requests.get(_url(server), timeout=5)
    assert response.status_code == 503 and response.json() == {"status": "stopping"}


def test_an_address_that_cannot_be_had_is_logged_not_fatal(served, caplog):
    with socket.socket() as taken:  # bound without SO_REUSEPORT: nobody may share it
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        with caplog.at_level(logging.ERROR, logger="intranet.health_server"):
            assert served(f"127.0.0.1:{port}") is None
    assert "could not be opened" in caplog.text
    assert served("not-an-address") is None


@pytest.mark.skipif(not socket.has_ipv6, reason="no IPv6 on this machine")
def test_an_ipv6_address_in_brackets(served):
    try:
        server = served("[::1]:0")
    except OSError:  # pragma: no cover (IPv6 switched off in the kernel)
        pytest.skip("IPv6 loopback not available")
    if server is None:
        pytest.skip("IPv6 loopback not available")
    assert requests.get(_url(server), timeout=5).status_code == 200
