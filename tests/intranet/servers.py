"""What the tests that run Plein in real server processes share (test_app_servers.py, test_faults.py):
free ports, waiting for a server, a browser speaking plain HTTP and requests released at one moment."""

import json
import os
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher

ROOT = Path(__file__).resolve().parents[2]
COMMENTS_PER_MINUTE = 5

PASSWORD = "twee-servers-wachtwoord"  # noqa: S105 (a throwaway test password)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, proc, log, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{url} exited:\n{Path(log).read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=2).status_code in (200, 503):
                return
        except requests.RequestException:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer in {timeout} s:\n{Path(log).read_text()[-3000:]}")


class Browser:
    """One person's browser: cookies kept by hand, because the production cookies are Secure and
    these tests speak plain HTTP on the loopback address."""

    def __init__(self):
        self.cookies = {}

    def request(self, method, url, data=None, files=None, headers=None, timeout=60):
        if method == "POST":
            data = {**(data or {}), "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
        response = requests.request(
            method,
            url,
            data=data,
            files=files,
            headers=headers,
            cookies=self.cookies,
            allow_redirects=False,
            timeout=timeout,
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def get(self, url, **kwargs):
        return self.request("GET", url, **kwargs)

    def post(self, url, data=None, **kwargs):
        return self.request("POST", url, data, **kwargs)

    def log_in(self, server, username):
        assert self.get(server + "/inloggen/").status_code == 200  # the CSRF cookie
        response = self.post(server + "/inloggen/", {"username": username, "password": PASSWORD})
        assert response.status_code == 302, response.text[:2000]
        return self


def quick_password_hash():
    """PASSWORD hashed with PBKDF2, which production and development accept (the test settings' MD5
    is not in their lists); few iterations keep the tests fast, and the server upgrades it on login."""
    return PBKDF2PasswordHasher().encode(PASSWORD, "plein-servers", iterations=1000)


def employee(username, **fields):
    from tests.factories import PersonFactory

    person = PersonFactory(user__username=username, **fields)
    person.user.password = quick_password_hash()
    person.user.save(update_fields=["password"])
    return person


def run_at_once(calls):
    """Run the calls in threads released together; their results in order (an exception is a result)."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        try:
            results[index] = call()
        except Exception as exc:  # noqa: BLE001 (reported by the test's assertions)
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


ROOT = Path(__file__).resolve().parents[2]


def sqlite_env(path):
    """The environment of `make run`: development settings, an SQLite file, no Redis."""
    env = {key: value for key, value in os.environ.items() if key not in ("REDIS_URL", "DATABASE_URL")}
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "intranet.settings.dev",
        "DATABASE_URL": f"sqlite:///{path}",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "PYTHONPATH": str(ROOT),
    }


@contextmanager
def sqlite_stack(tmp, seed):
    """Migrate an SQLite file, call `seed` (a dotted function printing JSON) in a manage.py shell, then
    serve it as `make run` does: runserver (a thread per request) with the job worker beside it.
    Yields (url, seeded, log)."""
    env = sqlite_env(tmp / "db.sqlite3")
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--no-input"], cwd=ROOT, env=env, check=True, capture_output=True)
    module, function = seed.rsplit(".", 1)
    seeded = subprocess.run(
        [*manage, "shell", "-c", f"import {module}; {module}.{function}()"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    port, log = free_port(), tmp / "runserver.log"
    procs = []
    try:
        for command in (["run_worker", "--no-reload"], ["runserver", f"127.0.0.1:{port}", "--noreload"]):
            procs.append(
                subprocess.Popen(
                    [*manage, *command],
                    cwd=ROOT,
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=log.open("a"),
                    stderr=subprocess.STDOUT,
                )
            )
        url = f"http://127.0.0.1:{port}"
        wait_for(url + "/health/", procs[-1], log)
        yield url, json.loads(seeded.stdout.strip().splitlines()[-1]), log
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


def seed_likers():
    """For the SQLite writers test (run in its server's manage.py shell): three colleagues and a notice
    board post by a fourth; prints what the test needs as JSON."""
    from django.contrib.contenttypes.models import ContentType

    from prikbord import services as board

    names = ["ans", "bert", "cor"]
    for name in names:
        employee(name)
    post = board.create_post(employee("verkoper").user, category="te-koop", title="Bakfiets", text="Zo goed als nieuw.")
    content_type = ContentType.objects.get_for_model(post).pk
    print(json.dumps({"usernames": names, "post": post.pk, "content_type": content_type}))
