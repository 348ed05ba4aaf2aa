"""Many people clicking at the same moment: each attempt in a thread of its own, with a connection of
its own, all let go at once by a barrier. Shared by the race tests (rooms, events)."""

import threading

from django.db import connection


def race(attempt, arguments, timeout=120):
    """Run `attempt(argument)` for every argument at the same moment; the outcomes, in finishing order.
    An exception an attempt does not handle itself comes back as "error: ...", for the test to report."""
    barrier = threading.Barrier(len(arguments))
    outcomes, lock = [], threading.Lock()

    def run(argument):
        try:
            barrier.wait()
            result = attempt(argument)
        except Exception as exc:  # reported by the test
            result = f"error: {exc!r}"
        finally:
            connection.close()  # each thread had a connection of its own
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=run, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return outcomes
