"""Mail leaves the request here: the one switch between sending now and sending in the background.

A request must not wait for the mail server (a slow server slows the page, and a reset mail sent
inside the request tells by its timing whether an address exists). send_in_background() runs the
given function after the response's transaction commits, in a thread of its own. The planned
database task queue replaces _start() and nothing else.
"""

import logging
import threading

from django.conf import settings
from django.db import connections, transaction
from django.utils import translation

logger = logging.getLogger(__name__)


def send_in_background(func, *args, **kwargs):
    """Call func(*args, **kwargs) after commit, outside the request, in the request's language.

    BACKGROUND_MAIL = "thread" (default) or "inline" (tests: run at commit in this thread, so that
    `django_capture_on_commit_callbacks` decides when it runs). A failure is logged; retrying it is
    the database task queue's job (issue 17), which replaces _start().
    """
    language = translation.get_language()
    transaction.on_commit(lambda: _start(_job(func, args, kwargs, language)), robust=True)


def _job(func, args, kwargs, language):
    name = getattr(func, "__qualname__", repr(func))

    def run():
        try:
            with translation.override(language):
                func(*args, **kwargs)
        except Exception:
            logger.exception("Background mail job %s failed", name)

    return run


def _start(run):
    if getattr(settings, "BACKGROUND_MAIL", "thread") == "inline":
        run()
        return

    def in_thread():
        try:
            run()
        finally:
            # This thread's own database connections; the request's are not touched.
            connections.close_all()

    threading.Thread(target=in_thread, name="plein-mail", daemon=False).start()
