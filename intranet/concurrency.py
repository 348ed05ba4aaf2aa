"""Expensive requests may not starve the rest (docs/operations.md, "Overload").

Measured with `make loadtest LOADTEST_ARGS="--storm 32"`: 32 colleagues searching back to back held
every gunicorn thread, and the homepage's p99 went from 0.7 s to 3.6 s. A statement timeout does not
help (each search is seconds, not minutes). slots() gives each kind of expensive request at most N
threads of a worker process (EXPENSIVE_REQUESTS_PER_PROCESS, default 2 of gunicorn's 4); a request
that finds them taken waits a moment and is then answered at once with a short "busy" page, so the
other threads stay free for everything else.
"""

import contextlib
import threading

from django.conf import settings

_semaphores = {}
_lock = threading.Lock()


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


@contextlib.contextmanager
def slot(kind, wait=0.5):
    semaphore = _semaphore(kind)
    if not semaphore.acquire(timeout=wait):
        raise Busy(kind)
    try:
        yield
    finally:
        semaphore.release()
