"""gunicorn settings for production (docs/deploy.md, docs/operations.md):
`gunicorn -c deploy/gunicorn.conf.py intranet.wsgi:application`. Each can be set by environment."""

import logging
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Threads per worker let /health/ and cheap pages answer while a thread waits on a slow search or a
# client that went away; the process count stays the memory budget (~170 MiB each, measured).
workers = int(os.environ.get("GUNICORN_WORKERS", "4"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A request that runs this long is killed with its worker; the database's statement timeout
# (PLEIN_STATEMENT_TIMEOUT_MS, 20 s) stops a runaway query first, so the user gets a page, not a
# bare gunicorn error.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30  # a reload (HUP) or stop (TERM) lets running requests finish first
keepalive = 5
# Workers are replaced now and then, at different moments, so slow leaks never add up.
max_requests = 2000
max_requests_jitter = 200
# The heartbeat file in memory: a slow disk must not make the arbiter think a worker hangs.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 (gunicorn makes its files with mkstemp)
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
errorlog = "-"
raw_env = ["PLEIN_STATEMENT_TIMEOUT_MS=" + os.environ.get("PLEIN_STATEMENT_TIMEOUT_MS", "20000")]


class _KilledWorkerHint(logging.Filter):
    """gunicorn reports every SIGKILL as "Perhaps out of memory?"; an operator's kill -9 or the
    timeout kill is more often the cause, so say where to look instead of guessing."""

    def filter(self, record):
        message = record.getMessage()
        if "Perhaps out of memory?" in message:
            record.msg = message.replace(
                "Perhaps out of memory?",
                "Killed by an operator, by gunicorn's timeout (see the line before) or by the kernel's "
                "OOM killer (see `journalctl -k`).",
            )
            record.args = ()
        return True


# /health/ on a port of its own, answered beside the request threads (intranet.health_server): a
# balancer's check is not queued behind slow requests. Empty: only /health/ on the main port.
health_bind = os.environ.get("PLEIN_HEALTH_BIND", "")


def post_worker_init(worker):
    if health_bind:
        # Imported here: Django is set up in the worker only now.
        from intranet.health_server import start

        start(health_bind, serving=lambda: worker.alive)


def on_starting(server):
    logging.getLogger("gunicorn.error").addFilter(_KilledWorkerHint())
