"""deploy/nginx.conf.example in front of stand-in app servers that answer as Plein does while
PostgreSQL is away (503, the friendly page, Retry-After): the user must get that page, not nginx's
own 502. nginx counts a retried 503 as a failed server; once every server has "failed" it answers
"no live upstreams" with its bare 502 (seen with the example's former `proxy_next_upstream ... http_503`).
"""

import http.server
import subprocess
import threading
import urllib.error
import urllib.request

import pytest

from loadtest import nginx
from loadtest.services import free_port, wait_for_port

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(nginx.binary() is None, reason="needs nginx (Debian's nginx-light; CI installs it)"),
]
PAGE = b"Plein is even niet bereikbaar"


class Unavailable(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(503)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Retry-After", "30")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args):
        pass


@pytest.fixture
def front(tmp_path):
    servers = [http.server.ThreadingHTTPServer(("127.0.0.1", 0), Unavailable) for _ in range(2)]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    port = free_port()
    conf = tmp_path / "nginx.conf"
    conf.write_text(nginx.config(tmp_path, port, [s.server_address[1] for s in servers], tmp_path / "media"))
    proc = subprocess.Popen(nginx.command(tmp_path, conf), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert wait_for_port(port), (tmp_path / "nginx-error.log").read_text()
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(10)
        for server in servers:
            server.shutdown()


@pytest.mark.parametrize("path", ["/", "/nieuws/", "/zoeken/?q=verlof"])
def test_the_friendly_503_passes_through_nginx_while_every_server_answers_it(front, path):
    for _ in range(8):  # more than max_fails=3 per server
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(front + path, timeout=10)  # noqa: S310 (loopback)
        assert answer.value.code == 503
        assert answer.value.headers["Retry-After"] == "30"
        assert answer.value.read() == PAGE
