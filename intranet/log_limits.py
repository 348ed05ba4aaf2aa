"""One traceback per kind of failure per minute (docs/operations.md).

During an outage every request fails the same way; logging each traceback filled 94 MB in 27 s and
buried everything else. OncePerMinute lets the first record of a kind (logger, exception type,
place it was raised) through, drops the rest for LIMIT_SECONDS, and adds to the next one it lets
through how many it dropped.
"""

import logging
import threading
import time

LIMIT_SECONDS = 60


class OncePerMinute(logging.Filter):
    def __init__(self, name=""):
        super().__init__(name)
        self._lock = threading.Lock()
        self._seen = {}  # kind -> (first time in this window, records dropped)

    def filter(self, record):
        if not record.exc_info or record.exc_info[1] is None:
            return True
        now = time.monotonic()
        kind = self._kind(record)
        with self._lock:
            started, dropped = self._seen.get(kind, (None, 0))
            if started is not None and now - started < LIMIT_SECONDS:
                self._seen[kind] = (started, dropped + 1)
                return False
            self._seen[kind] = (now, 0)
            if len(self._seen) > 1000:  # many kinds: forget the oldest windows
                self._seen = dict(sorted(self._seen.items(), key=lambda item: item[1][0])[-500:])
        if dropped:
            record.msg = f"{record.msg} (the same failure {dropped} more times in the last minute, not logged)"
        return True

    @staticmethod
    def _kind(record):
        exc = record.exc_info[1]
        tb = record.exc_info[2]
        while tb is not None and tb.tb_next is not None:
            tb = tb.tb_next
        place = (tb.tb_frame.f_code.co_filename, tb.tb_lineno) if tb is not None else None
        return (record.name, type(exc).__qualname__, place)
