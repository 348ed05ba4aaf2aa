"""Two app servers behind nginx (issue 21): two gunicorn instances (deploy/gunicorn.conf.py, production
settings) on one PostgreSQL and one Redis, behind nginx configured with deploy/nginx.conf.example.
Sessions, cache invalidation, uploads and the likes' and rooms' concurrency guarantees must hold
whichever server answers. Direct requests to server A or B make "made on one, used on the other"
certain; the same checks also go through nginx's round robin.
"""

import io
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from PIL import Image

from loadtest import nginx
from tests.conftest import is_postgres

requests = pytest.importorskip("requests")
ROOT = Path(__file__).resolve().parents[2]
NGINX = nginx.binary()
PASSWORD = "twee-servers-wachtwoord"  # noqa: S105 (a throwaway test password)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not is_postgres(), reason="several servers need one PostgreSQL"),
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="several servers need one Redis"),
    pytest.mark.skipif(NGINX is None, reason="needs nginx (Debian's nginx-light; CI installs it)"),
    pytest.mark.django_db(transaction=True),
]


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
        "PYTHONPATH": str(ROOT),
    }
    procs, servers = [], {}
    try:
        for name in ("a", "b"):
            port = free_port()
            log = tmp / f"gunicorn-{name}.log"
            proc = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "intranet.wsgi:application"],
                cwd=ROOT,
                env={
                    **env,
                    "GUNICORN_BIND": f"127.0.0.1:{port}",
                    "GUNICORN_ACCESSLOG": str(tmp / f"access-{name}.log"),
                },
                stdin=subprocess.DEVNULL,
                stdout=log.open("w"),
                stderr=subprocess.STDOUT,
            )
            procs.append(proc)
            servers[name] = SimpleNamespace(url=f"http://127.0.0.1:{port}", port=port, proc=proc, log=log)
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
        yield SimpleNamespace(a=servers["a"].url, b=servers["b"].url, nginx=proxy, tmp=tmp, media=media)
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


class Browser:
    """One person's browser: cookies kept by hand, because the production cookies are Secure and
    this test speaks plain HTTP on the loopback address."""

    def __init__(self):
        self.cookies = {}

    def request(self, method, url, data=None, files=None, headers=None):
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
            timeout=60,
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


def employee(username, **fields):
    from tests.factories import PersonFactory

    person = PersonFactory(user__username=username, **fields)
    # Production checks passwords with PBKDF2 (the test settings' MD5 is not in its list); few
    # iterations keep the test fast, and the server upgrades the hash on login.
    person.user.password = PBKDF2PasswordHasher().encode(PASSWORD, "plein-servers", iterations=1000)
    person.user.save(update_fields=["password"])
    return person


def jpeg_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (240, 180), (30, 90, 160)).save(buffer, "JPEG")
    return buffer.getvalue()


def profile_form(**fields):
    return {"phone": "", "mobile": "", "location": "", "bio": "", "expertise_text": "", **fields}


def test_sessions_caches_and_uploads_hold_across_servers(stack):
    alice = employee("alice", first_name="Alice", last_name="Admiraal")
    employee("bob", first_name="Bob", last_name="Bakker")

    # A session made on server A works on server B, and through nginx.
    browser = Browser().log_in(stack.a, "alice")
    for server in (stack.b, stack.nginx, stack.nginx):
        response = browser.get(server + "/mensen/")
        assert response.status_code == 200 and "Bob Bakker" in response.text, server

    # Server B caches the directory cards; an edit on server A bumps the people generation in the
    # shared Redis, so server B shows the change at once.
    assert "Duurzaamheid" not in browser.get(stack.b + "/mensen/").text
    photo = jpeg_bytes()
    response = browser.post(
        f"{stack.a}/mensen/{alice.slug}/bewerken/",
        profile_form(expertise_text="Duurzaamheid"),
        files={"photo_upload": ("vakantie.jpg", photo, "image/jpeg")},
    )
    assert response.status_code == 302, response.text[:2000]
    assert "Duurzaamheid" in browser.get(stack.b + "/mensen/").text

    # The photo uploaded through server A is served after server B's permission check; through
    # nginx the bytes come from the shared media folder (X-Accel-Redirect).
    alice.refresh_from_db()
    url = alice.photo.file.url
    assert url.startswith("/media/") and "vakantie" not in url
    direct = browser.get(stack.b + url)
    assert direct.status_code == 200 and direct.headers["X-Accel-Redirect"] == "/protected-media/" + url[7:]
    proxied = browser.get(stack.nginx + url)
    assert proxied.status_code == 200 and proxied.content == photo
    assert proxied.headers["Content-Type"] == "image/jpeg"
    assert proxied.headers["X-Content-Type-Options"] == "nosniff"
    assert proxied.headers["Content-Security-Policy"].startswith("sandbox")
    assert Browser().get(stack.nginx + url).status_code == 302  # no session: the login page
    # The avatar's rendition, made by whichever server showed the directory, is there for both.
    rendition = alice.photo.renditions.first()
    assert rendition is not None and browser.get(stack.nginx + rendition.url).status_code == 200

    # nginx spread the requests over both servers (round robin).
    used = set(re.findall(r" (127\.0\.0\.1:\d+)$", (stack.tmp / "nginx-access.log").read_text(), re.M))
    assert used == {stack.a.removeprefix("http://"), stack.b.removeprefix("http://")}


def test_search_results_go_to_the_search_pool_and_everything_else_round_robin(stack):
    employee("carla", first_name="Carla", last_name="Verlof")
    browser = Browser().log_in(stack.nginx, "carla")
    for _ in range(4):
        response = browser.get(stack.nginx + "/zoeken/?q=verlof")
        assert response.status_code == 200 and "Carla Verlof" in response.text
        assert browser.get(stack.nginx + "/zoeken/suggesties/?q=verl").status_code == 200
    log = (stack.tmp / "nginx-access.log").read_text()
    searches = set(re.findall(r"^GET /zoeken/\?q=verlof HTTP/1.1 200 (\S+)$", log, re.M))
    suggestions = set(re.findall(r"^GET /zoeken/suggesties/\?q=verl HTTP/1.1 200 (\S+)$", log, re.M))
    assert searches == {stack.b.removeprefix("http://")}
    assert suggestions == {stack.a.removeprefix("http://"), stack.b.removeprefix("http://")}


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


def test_concurrent_likes_through_both_servers_count_once_per_person(stack):
    from django.contrib.contenttypes.models import ContentType

    from prikbord import services as board
    from social.models import Like

    seller = employee("seller")
    post = board.create_post(seller.user, category="te-koop", title="Bakfiets", text="Zo goed als nieuw.")
    like_path = f"/sociaal/leuk/{ContentType.objects.get_for_model(post).pk}/{post.pk}/"
    people = [employee(f"collega{n}") for n in range(6)]
    browsers = [Browser().log_in(stack.nginx, person.user.username) for person in people]
    for browser in browsers:
        browser.get(stack.a + "/prikbord/")  # a CSRF cookie for the form posts
    # Everyone clicks once through A and once more (a double click) through B, all at the same moment.
    calls = []
    for browser in browsers:
        for server in (stack.a, stack.b):
            calls.append(lambda b=browser, s=server: b.post(s + like_path, headers={"Accept": "application/json"}))
    results = run_at_once(calls)
    assert all(getattr(r, "status_code", None) == 200 for r in results), [getattr(r, "text", r) for r in results][:3]
    # A double click toggles: what counts is that every person ends with at most one like, no
    # duplicates and no error, and that the count shown is the number of rows.
    likes = Like.objects.filter(object_id=post.pk, content_type=ContentType.objects.get_for_model(post))
    per_person = {}
    for like in likes:
        per_person[like.user_id] = per_person.get(like.user_id, 0) + 1
    assert all(count == 1 for count in per_person.values())
    # One more click each, all at once, half through A and half through B, from people who do not
    # like it now: afterwards every one of the six likes it exactly once.
    clickers = [b for b, p in zip(browsers, people, strict=True) if p.user_id not in per_person]
    results = run_at_once(
        [
            lambda b=browser, s=(stack.a, stack.b)[i % 2]: b.post(s + like_path, headers={"Accept": "application/json"})
            for i, browser in enumerate(clickers)
        ]
    )
    assert all(r.status_code == 200 and r.json()["liked"] for r in results)
    assert sorted(likes.values_list("user_id", flat=True)) == sorted(p.user_id for p in people)
    shown = browsers[0].post(stack.b + like_path, headers={"Accept": "application/json"}).json()
    assert shown == {**shown, "liked": False, "count": len(people) - 1}


def test_a_room_booked_through_both_servers_at_once_is_booked_once(stack):
    from datetime import time as clock

    from rooms.models import Booking, Building, Room
    from tests.rooms.conftest import future_weekday
    from tests.rooms.test_views import form_data

    building = Building.objects.create(name="Stadhuis", address="Markt 1", opens_at=clock(7), closes_at=clock(19))
    room = Room.objects.create(building=building, name="Zaal Amstel", floor=1, capacity=6)
    day = future_weekday()
    people = [employee(f"boeker{n}") for n in range(6)]
    browsers = [Browser().log_in(stack.nginx, person.user.username) for person in people]
    for browser in browsers:
        browser.get(stack.a + "/zalen/reserveren/")
    form = form_data(room, day)
    results = run_at_once(
        [
            lambda b=b, s=(stack.a, stack.b)[i % 2]: b.post(s + "/zalen/reserveren/", form)
            for i, b in enumerate(browsers)
        ]
    )
    statuses = [getattr(r, "status_code", r) for r in results]
    assert statuses.count(302) == 1, statuses
    assert all(status in (200, 400, 409) for status in statuses if status != 302), statuses
    refused = [r.text for r in results if r.status_code != 302]
    assert all("al gereserveerd" in text for text in refused)
    assert Booking.objects.filter(room=room).count() == 1
