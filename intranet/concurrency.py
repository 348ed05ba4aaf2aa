"""Expensive requests may not starve the rest (docs/operations.md, "Overload").

Measured with `make loadtest LOADTEST_ARGS="--storm 32"`: 32 colleagues searching back to back held
every gunicorn thread and both cores, and the homepage's p99 went from 0.7 s to 3.6 s. A statement
timeout does not help (each search is a second or two, not minutes). Two bounds instead:

- per process: each kind of expensive request gets at most EXPENSIVE_REQUESTS_PER_PROCESS threads of a
  worker (default 2 of gunicorn's 4), so threads stay free for everything else;
- per server (PostgreSQL): at most EXPENSIVE_REQUESTS_TOTAL of them run at once over all workers and
  app servers (default: one fewer than the cores), held as advisory locks in the database the work
  runs in, so CPU stays free for everything else too. Not with a transaction-pooling pgbouncer in
  front (session locks); set it to 0 there.

A request that finds its slots taken waits a moment and is then answered at once with a short "busy"
page. Only real work takes a slot: a search answered from the cache never waits (slot_when_needed).
"""

import contextlib
import contextvars
import os
import threading
import time
import zlib

from django.conf import settings
from django.db import connection

_semaphores = {}
_lock = threading.Lock()
_pending = contextvars.ContextVar("plein_expensive_request", default=None)
# Advisory lock keys: (a namespace for Plein's expensive slots, the kind's number * 1000 + slot).
ADVISORY_NAMESPACE = 0x504C  # "PL"
POLL_SECONDS = 0.05


class Busy(Exception):
    """All slots of this kind are taken; answer with a short "try again" instead of waiting."""


def _semaphore(kind):
    limit = int(getattr(settings, "EXPENSIVE_REQUESTS_PER_PROCESS", 2))
    with _lock:
        current = _semaphores.get(kind)
        if current is None or current[0] != limit:
            current = (limit, threading.BoundedSemaphore(limit))
            _semaphores[kind] = current
    return current[1]


def server_limit():
    """EXPENSIVE_REQUESTS_TOTAL; None (the default) is one fewer than this machine's cores, at least 1."""
    limit = getattr(settings, "EXPENSIVE_REQUESTS_TOTAL", None)
    if limit is None:
        return max(1, (os.cpu_count() or 2) - 1)
    return int(limit)


def _try_server_slot(kind, limit):
    base = (zlib.crc32(kind.encode()) % 2000) * 1000
    with connection.cursor() as cursor:
        for number in range(limit):
            cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [ADVISORY_NAMESPACE, base + number])
            if cursor.fetchone()[0]:
                return base + number
    return None


def _release_server_slot(key):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [ADVISORY_NAMESPACE, key])


@contextlib.contextmanager
def _server_slot(kind, deadline):
    limit = server_limit()
    if not limit or connection.vendor != "postgresql":
        yield
        return
    key = _try_server_slot(kind, limit)
    while key is None:
        if time.monotonic() >= deadline:
            raise Busy(kind)
        time.sleep(POLL_SECONDS)
        key = _try_server_slot(kind, limit)
    try:
        yield
    finally:
        _release_server_slot(key)


@contextlib.contextmanager
def slot(kind, wait=0.5):
    deadline = time.monotonic() + wait
    semaphore = _semaphore(kind)
    if not semaphore.acquire(timeout=wait):
        raise Busy(kind)
    try:
        with _server_slot(kind, deadline):
            yield
    finally:
        semaphore.release()


@contextlib.contextmanager
def slot_when_needed(kind, wait=None):
    """Around a request that may be cheap (cached): the slot is taken by the first needed() inside.
    `wait` defaults to EXPENSIVE_REQUEST_WAIT_SECONDS: a waiting request holds a worker thread too."""
    if wait is None:
        wait = float(getattr(settings, "EXPENSIVE_REQUEST_WAIT_SECONDS", 0.5))
    state = {"kind": kind, "wait": wait, "held": None}
    token = _pending.set(state)
    try:
        yield
    finally:
        _pending.reset(token)
        if state["held"] is not None:
            state["held"].__exit__(None, None, None)


def needed():
    """Real work is about to start: take the pending slot once (Busy when they are all taken)."""
    state = _pending.get()
    if state is None or state["held"] is not None:
        return
    held = slot(state["kind"], state["wait"])
    held.__enter__()
    state["held"] = held
