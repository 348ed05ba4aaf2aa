"""Redis is a cache here, never a single point of failure (docs/operations.md).

django-redis is set to ignore cache errors (a miss instead of a 500), but an unreachable or hung
Redis would still cost every cache call its socket timeout. BreakerRedis, the redis-py client
django-redis builds, opens a circuit after a connection error or timeout: for RETRY_AFTER seconds
every call fails at once without touching the network, then one call tries again (the others keep
failing at once until it ends), and a success closes it. Pipelines (set_many) trip it too. Each process keeps its own circuit; /health/ reports it.
"""

import logging
import threading
import time

import redis
from redis.client import Pipeline

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0

_lock = threading.Lock()
_state = {"open_until": 0.0, "down_since": None, "last_error": ""}


def status():
    """None while Redis answers; otherwise when it first failed and how."""
    if _state["down_since"] is None:
        return None
    return {"down_since": _state["down_since"], "error": _state["last_error"]}


def _trip(exc):
    with _lock:
        first = _state["down_since"] is None
        if first:
            _state["down_since"] = time.time()
        _state["open_until"] = time.monotonic() + RETRY_AFTER
        _state["last_error"] = exc.__class__.__name__
    if first:
        # One line per outage, not one per request: the cache calls go on failing quietly.
        logger.warning("Redis unreachable (%s); serving without the cache until it answers again", exc)


def _recovered():
    if _state["down_since"] is None:
        return
    with _lock:
        since = _state["down_since"]
        _state.update(open_until=0.0, down_since=None, last_error="")
    if since is not None:
        logger.warning("Redis answers again after %.0f s", time.time() - since)


def _refused():
    """True while the circuit is open. When its time is up, exactly one caller gets through to try
    (the circuit stays open for the others until that try ends), not every thread at once."""
    if time.monotonic() >= _state["open_until"]:
        return False
    return True


def _claim_try():
    """Called when the circuit's time is up and Redis was down: the first caller tries, the rest wait."""
    with _lock:
        if _state["down_since"] is None or time.monotonic() < _state["open_until"]:
            return _state["down_since"] is None  # closed (go on), or another thread just claimed the try
        _state["open_until"] = time.monotonic() + RETRY_AFTER  # the others stay refused meanwhile
        return True


def _check():
    if _refused() or (_state["down_since"] is not None and not _claim_try()):
        raise redis.ConnectionError("Redis circuit open")


def reset():
    """Forget an outage (tests)."""
    _state.update(open_until=0.0, down_since=None, last_error="")


class BreakerPipeline(Pipeline):
    def execute(self, raise_on_error=True):
        if not self.command_stack:
            return super().execute(raise_on_error=raise_on_error)  # nothing sent: says nothing of Redis
        try:
            result = super().execute(raise_on_error=raise_on_error)
        except (redis.ConnectionError, redis.TimeoutError) as exc:
            _trip(exc)  # set_many's timeout opens the circuit as a single command's does
            raise
        except redis.RedisError:
            _recovered()  # an answer (OOM, READONLY, a wrong type) is an error, but Redis is there
            raise
        _recovered()
        return result


class BreakerRedis(redis.Redis):
    def execute_command(self, *args, **options):
        _check()
        try:
            result = super().execute_command(*args, **options)
        except (redis.ConnectionError, redis.TimeoutError) as exc:
            _trip(exc)
            raise
        except redis.RedisError:
            _recovered()  # Redis answered, with an error: the circuit closes, the error stays the caller's
            raise
        _recovered()
        return result

    def pipeline(self, transaction=True, shard_hint=None):
        # set_many/get_many's writes go through a pipeline, not execute_command: while the circuit is
        # open they must fail at once too, not wait a timeout each (a page keeping a dozen parts).
        _check()
        return BreakerPipeline(self.connection_pool, self.response_callbacks, transaction, shard_hint)
