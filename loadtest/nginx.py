"""deploy/nginx.conf.example on loopback ports, without TLS, inside a minimal main config: the very
file docs/deploy.md tells operators to use, run by tests/intranet/test_app_servers.py and by
`make loadtest --front nginx`."""

import os
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "deploy" / "nginx.conf.example"


def binary():
    return shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)


def _servers(ports):
    return "".join(f"    server 127.0.0.1:{p} max_fails=3 fail_timeout=10s;\n" for p in ports)


def config(tmp, port, upstreams, media_root, search_upstreams=None):
    """The main config for nginx started with `-p tmp`: `upstreams` are the app servers' ports,
    `search_upstreams` the search pools' (the app servers themselves when there is none)."""
    site = EXAMPLE.read_text()
    site, main = re.subn(r"(    server 10\.0\.0\.\d+:8000[^\n]*\n)+", _servers(upstreams), site)
    site, search = re.subn(r"(    server 10\.0\.0\.\d+:8001[^\n]*\n)+", _servers(search_upstreams or upstreams), site)
    if (main, search) != (1, 1):
        raise ValueError("deploy/nginx.conf.example no longer has the two upstream blocks this expects")
    site = site.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{port};")
    site = re.sub(r"\n\s*ssl_certificate[^\n]*", "", site)
    site = site.replace("/srv/plein/media/", f"{media_root}/")
    # The upstream's address in the access log tells which server answered.
    user = "user root root;" if os.geteuid() == 0 else ""  # workers must read the caller's media folder
    return f"""
{user}
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    log_format upstream '$request $status $upstream_addr';
    access_log {tmp}/nginx-access.log upstream;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
{site}
}}
"""


def command(tmp, conf):
    return [binary(), "-p", str(tmp), "-c", str(conf), "-e", str(tmp / "nginx-error.log"), "-g", "daemon off;"]
