"""The two-app-server stack (test_app_servers.py): a fixture, so each module that asks for it shares
one set-up per module."""

import os
import signal
import socket
import subprocess
import sys
from types import SimpleNamespace

import pytest
from django.conf import settings

from loadtest import nginx
from tests.intranet.servers import COMMENTS_PER_MINUTE, ROOT, free_port, wait_for


def database_url():
    db = settings.DATABASES["default"]
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture(scope="module")
def stack(django_db_setup, django_db_blocker, tmp_path_factory):
    """Server A, server B and nginx in front of both; each a child process of this test, stopped after it."""
    tmp = tmp_path_factory.mktemp("servers")
    media = tmp / "media"
    media.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.intranet.servers_settings",
        "SECRET_KEY": "two-servers-test-only-" + "k" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url(),
        "REDIS_URL": settings.CACHES["default"]["LOCATION"],
        "CACHE_KEY_PREFIX": f"plein-servers-{os.getpid()}",
        "SECURE_SSL_REDIRECT": "false",  # nginx listens on plain HTTP here; TLS is not under test
        "MEDIA_ROOT": str(media),
        "MEDIA_X_ACCEL_REDIRECT": "/protected-media/",
        "TRUSTED_PROXY_COUNT": "1",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_THREADS": "4",
        "SOCIAL_COMMENTS_PER_MINUTE": str(COMMENTS_PER_MINUTE),
        "PYTHONPATH": str(ROOT),
    }
    procs, servers = [], {}
    try:
        for name in ("a", "b"):
            port, health_port = free_port(), free_port()
            log = tmp / f"gunicorn-{name}.log"
            proc = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "intranet.wsgi:application"],
                cwd=ROOT,
                env={
                    **env,
                    "GUNICORN_BIND": f"127.0.0.1:{port}",
                    "PLEIN_HEALTH_BIND": f"127.0.0.1:{health_port}",
                    "GUNICORN_ACCESSLOG": str(tmp / f"access-{name}.log"),
                },
                stdin=subprocess.DEVNULL,
                stdout=log.open("w"),
                stderr=subprocess.STDOUT,
            )
            procs.append(proc)
            servers[name] = SimpleNamespace(
                url=f"http://127.0.0.1:{port}", port=port, proc=proc, log=log, health=f"http://127.0.0.1:{health_port}"
            )
        for server in servers.values():
            wait_for(server.url + "/health/", server.proc, server.log)
        port = free_port()
        conf = tmp / "nginx.conf"
        # Server B stands in for the search pool (docs/operations.md, "Overload").
        ports = [s.port for s in servers.values()]
        conf.write_text(nginx.config(tmp, port, ports, media, search_upstreams=[servers["b"].port]))
        proxy_proc = subprocess.Popen(
            nginx.command(tmp, conf),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=(tmp / "nginx-start.log").open("w"),
        )
        procs.append(proxy_proc)
        proxy = f"http://127.0.0.1:{port}"
        wait_for(proxy + "/health/", proxy_proc, tmp / "nginx-start.log")
        yield SimpleNamespace(
            a=servers["a"].url, b=servers["b"].url, nginx=proxy, tmp=tmp, media=media, servers=servers
        )
    finally:
        # nginx first (its keep-alive connections would hold a graceful stop), then a quick stop of
        # both gunicorns (SIGINT): nothing is running any more.
        for proc in reversed(procs):
            proc.send_signal(signal.SIGTERM if proc is procs[-1] else signal.SIGINT)
        for proc in reversed(procs):
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture
def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
