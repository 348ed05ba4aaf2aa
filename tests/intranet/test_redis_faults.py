"""Redis is a cache, never a single point of failure (issue 21): Redis refused or hung, the circuit
breaker, throttles and sessions without it. docs/operations.md says what each looks like to users."""

import socket
import threading
import time
from unittest import mock

import pytest
from django.core.cache import cache, caches
from django.test import Client, override_settings

from intranet import redis_breaker, throttle

pytestmark = pytest.mark.django_db


# --- Redis away or hung -----------------------------------------------------------------------


def _redis_cache(location):
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "plein-faults",
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "REDIS_CLIENT_CLASS": "intranet.redis_breaker.BreakerRedis",
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }


@pytest.fixture
def hung_redis():
    """A server that accepts connections and never answers: a hung Redis."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    accepted = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except TimeoutError:
                continue
            except OSError:
                return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], accepted
    stop.set()
    thread.join(1)
    for conn in accepted:
        conn.close()
    server.close()


@pytest.fixture
def breaker():
    redis_breaker.reset()
    yield redis_breaker
    redis_breaker.reset()


def _redis_away(port):
    return override_settings(
        CACHES=_redis_cache(f"redis://127.0.0.1:{port}/0"),
        SESSION_ENGINE="django.contrib.sessions.backends.cached_db",
        REDIS_URL=f"redis://127.0.0.1:{port}/0",
    )


def test_redis_away_logs_nobody_out_and_login_works(employee, closed_port, breaker):
    with _redis_away(closed_port):
        client = Client()
        client.force_login(employee)  # the session lands in the database, the cache write is a miss
        assert client.get("/").status_code == 200
        assert client.get("/teams/").status_code == 200
        assert breaker.status() is not None
        login = Client().post("/inloggen/", {"username": "nobody", "password": "wrong"})
        assert login.status_code == 200  # the form again with its message, not a 500
        health = Client().get("/health/").json()
        assert health["status"] == "degraded" and health["checks"]["redis"].startswith("error")


def test_a_hung_redis_costs_one_timeout_then_the_circuit_answers(employee, hung_redis, breaker, monkeypatch):
    port, accepted = hung_redis
    # However slow this machine is, the five requests fall within one open period of the circuit.
    monkeypatch.setattr(breaker, "RETRY_AFTER", 600.0)
    with _redis_away(port):
        client = Client()
        client.force_login(employee)
        for _ in range(5):
            assert client.get("/").status_code == 200
        # One connection timed out; while the circuit is open no request waits on Redis again.
        assert len(accepted) <= 1
        assert breaker.status()["error"] == "TimeoutError"


def test_the_circuit_closes_when_redis_answers_again(breaker):
    breaker._trip(TimeoutError("hung"))
    assert breaker.status() is not None
    breaker._state["open_until"] = 0  # the retry time has come
    with mock.patch("redis.Redis.execute_command", return_value=True):
        assert breaker.BreakerRedis().execute_command("PING") is True
    assert breaker.status() is None


def test_when_the_circuits_time_is_up_one_call_tries_and_the_others_still_fail_at_once(breaker):
    breaker._trip(TimeoutError("hung"))
    breaker._state["open_until"] = 0  # the retry time has come
    tries = []
    with mock.patch("redis.Redis.execute_command", side_effect=lambda *a, **k: tries.append(a) or time.sleep(0.3)):
        outcomes = []

        def call():
            try:
                breaker.BreakerRedis().execute_command("GET", "x")
                outcomes.append("tried")
            except Exception as exc:
                outcomes.append(str(exc))

        threads = [threading.Thread(target=call) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len(tries) == 1  # one probe reached Redis, not six
    assert outcomes.count("tried") == 1 and outcomes.count("Redis circuit open") == 5


def test_a_pipeline_timeout_opens_the_circuit_too(hung_redis, breaker, monkeypatch):
    """set_many goes through a pipeline: its timeout must open the circuit like a single command's."""
    port, accepted = hung_redis
    monkeypatch.setattr(breaker, "RETRY_AFTER", 600.0)
    with _redis_away(port):
        caches["default"].set_many({"a": 1, "b": 2})  # one timeout (ignored: a cache miss)
        assert breaker.status()["error"] == "TimeoutError"
        began = time.monotonic()
        for _ in range(5):
            caches["default"].set_many({"a": 1, "b": 2})
        assert time.monotonic() - began < 0.2  # refused at once while open, no timeout each
    assert len(accepted) <= 1


def test_throttle_still_limits_while_redis_is_away(employee, closed_port, breaker):
    with _redis_away(closed_port):
        throttle._local.clear()
        for _ in range(2):
            throttle.hit(employee, "faults-test", overrides={"minute": 2})
        with pytest.raises(Exception, match="very quickly|snel"):
            throttle.hit(employee, "faults-test", overrides={"minute": 2})


@pytest.mark.skipif("REDIS_URL" not in __import__("os").environ, reason="needs the real Redis (CI's second pass)")
def test_sessions_survive_a_redis_flush(employee_client):
    assert employee_client.get("/").status_code == 200
    caches["default"].clear()  # as a Redis restart without persistence
    response = employee_client.get("/")
    assert response.status_code == 200
    assert cache.get("plein-test-anything") is None


def test_an_error_answer_closes_the_circuit_and_an_empty_pipeline_does_not(breaker):
    """READONLY or OOM is Redis answering: the probe closes the circuit. An empty pipeline sends
    nothing, so it must not close it while Redis may still be down."""
    import redis

    breaker._trip(TimeoutError("hung"))
    with mock.patch("redis.client.Pipeline.execute", return_value=[]):
        breaker._state["open_until"] = 0
        breaker.BreakerRedis().pipeline().execute()
    assert breaker.status() is not None  # still open: nothing was asked of Redis
    breaker._state["open_until"] = 0
    with mock.patch("redis.Redis.execute_command", side_effect=redis.ResponseError("READONLY")):
        with pytest.raises(redis.ResponseError):
            breaker.BreakerRedis().execute_command("SET", "x", 1)
    assert breaker.status() is None
