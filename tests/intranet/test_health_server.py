"""The health port (intranet.health_server): /health/ beside gunicorn's request threads. The test with
every thread of a real worker taken is in test_app_servers.py; these run the listener in-process."""

import logging
import socket
import time

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


def test_a_worker_that_stops_closes_its_listener(served):
    """Recycled (max_requests) or stopped: the other workers' listeners on the port take the checks."""
    alive = {"yes": True}
    server = served(serving=lambda: alive["yes"])
    url = _url(server)
    assert requests.get(url, timeout=5).status_code == 200
    alive["yes"] = False
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=1)
        except requests.ConnectionError:
            break  # closed: the kernel refuses, and with SO_REUSEPORT sends the next check elsewhere
        time.sleep(0.1)
    else:
        pytest.fail("the listener stayed open after its worker stopped")


def test_an_address_that_cannot_be_had_is_logged_not_fatal(served, caplog):
    with socket.socket() as taken:  # bound without SO_REUSEPORT: nobody may share it
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        with caplog.at_level(logging.ERROR, logger="intranet.health_server"):
            assert served(f"127.0.0.1:{port}") is None
    assert "could not be opened" in caplog.text
    assert served("not-an-address") is None
    assert served("127.0.0.1:99999") is None  # OverflowError from bind(): logged too, the worker boots


@pytest.mark.skipif(not socket.has_ipv6, reason="no IPv6 on this machine")
def test_an_ipv6_address_in_brackets(served):
    try:
        server = served("[::1]:0")
    except OSError:  # pragma: no cover (IPv6 switched off in the kernel)
        pytest.skip("IPv6 loopback not available")
    if server is None:
        pytest.skip("IPv6 loopback not available")
    assert requests.get(_url(server), timeout=5).status_code == 200
