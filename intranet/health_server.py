"""/health/ on a port of its own, answered by a thread in each gunicorn worker (PLEIN_HEALTH_BIND).

gunicorn's gthread worker hands each connection to one of its few threads; when all of them wait on
slow requests (or on clients that went away) a health check on the main port waits in the same
queue and the load balancer takes a busy, working server out. This listener does not share that
queue: deploy/gunicorn.conf.py starts it in every worker (SO_REUSEPORT: the kernel spreads the
checks over the workers), and it answers only GET /health/, with the same checks and JSON as the view.
"""

import json
import logging
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.db import connections

from intranet.health import health_report

logger = logging.getLogger(__name__)


class _Handler(BaseHTTPRequestHandler):
    server_version = "plein-health"
    sys_version = ""
    timeout = 5  # a client that connects and sends nothing does not keep a thread

    def do_GET(self):
        if self.path.split("?", 1)[0] not in ("/health/", "/health"):
            self._send(404, {"status": "error", "detail": "only /health/ is served here"})
            return
        if not self.server.serving():
            # gunicorn is stopping or recycling this worker (its listener closes in a moment).
            self._send(503, {"status": "stopping"})
            return
        try:
            http_status, body = health_report()
        finally:
            connections.close_all()  # this request thread's own connection, if it made one
        self._send(http_status, body)

    def _send(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Cache-Control", "no-cache, no-store")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):
        pass  # a check every few seconds from each balancer would drown the log


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    serving = staticmethod(lambda: True)

    def server_bind(self):
        # Every worker binds the same address; the kernel hands each check to one of them.
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        super().server_bind()


class _Server6(_Server):
    address_family = socket.AF_INET6


def start(bind, serving=None):
    """Serve /health/ on `bind` ("host:port", "[::]:port") from a daemon thread; returns the server,
    or None when the address cannot be had (logged: the worker serves pages all the same).
    `serving()` says whether the worker still takes requests (gunicorn's worker.alive)."""
    host, _, port = bind.rpartition(":")
    host = host.strip("[]") or "0.0.0.0"  # noqa: S104 (the operator's choice)
    server_class = _Server6 if ":" in host else _Server
    try:
        server = server_class((host, int(port)), _Handler)
    except (OSError, ValueError, OverflowError) as exc:
        logger.error("The health port %s could not be opened (%s); /health/ stays on the main port", bind, exc)
        return None
    if serving is not None:
        server.serving = serving
        threading.Thread(target=_close_when_stopping, args=(server,), name="plein-health-watch", daemon=True).start()
    threading.Thread(target=server.serve_forever, name="plein-health", daemon=True).start()
    return server


def _close_when_stopping(server, every=0.5):
    """A worker that gunicorn stops or recycles (max_requests) closes its health listener, so the
    kernel hands the next checks to the other workers' listeners on the same port, not to it."""
    while server.serving():
        time.sleep(every)
    server.shutdown()
    server.server_close()
