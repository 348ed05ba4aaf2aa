"""/health/ on a port of its own, answered by a thread in each gunicorn worker (PLEIN_HEALTH_BIND).

gunicorn's gthread worker hands each connection to one of its few threads; when all of them wait on
slow requests (or on clients that went away) a health check on the main port waits in the same
queue and the load balancer takes a busy, working server out. This listener does not share that
queue: deploy/gunicorn.conf.py starts it in every worker (SO_REUSEPORT: the kernel spreads the
checks over the workers), and it answers only GET /health/, with the same checks and JSON as the view.
"""

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from intranet.health import health_report


class _Handler(BaseHTTPRequestHandler):
    server_version = "plein-health"
    sys_version = ""

    def do_GET(self):
        if self.path.split("?", 1)[0] not in ("/health/", "/health"):
            self._send(404, {"status": "error", "detail": "only /health/ is served here"})
            return
        http_status, body = health_report()
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

    def server_bind(self):
        # Every worker binds the same address; the kernel hands each check to one of them.
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        super().server_bind()


def start(bind):
    """Serve /health/ on `bind` ("host:port") from a daemon thread; returns the server (tests)."""
    host, _, port = bind.rpartition(":")
    server = _Server((host.strip("[]") or "0.0.0.0", int(port)), _Handler)  # noqa: S104 (the operator's choice)
    threading.Thread(target=server.serve_forever, name="plein-health", daemon=True).start()
    return server
