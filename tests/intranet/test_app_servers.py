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
import threading
import time
from pathlib import Path

import pytest
import requests
from PIL import Image

from loadtest import nginx
from tests.conftest import is_postgres
from tests.intranet.servers import COMMENTS_PER_MINUTE, Browser, employee, run_at_once

NGINX = nginx.binary()

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not is_postgres(), reason="several servers need one PostgreSQL"),
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="several servers need one Redis"),
    pytest.mark.skipif(NGINX is None, reason="needs nginx (Debian's nginx-light; CI installs it)"),
    pytest.mark.django_db(transaction=True),
]


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


def test_a_tip_published_through_server_a_is_on_server_bs_homepage_at_once(stack):
    """The homepage keeps its news block as HTML in the shared Redis under the page-tree generation;
    a publish on server A bumps that generation, so server B's next homepage has it."""
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from home.models import HomePage
    from news.models import NewsIndexPage, NewsPage

    home = HomePage.objects.get()
    index = home.add_child(instance=NewsIndexPage(title="Nieuws", slug="nieuws"))
    index.save_revision().publish()
    old = index.add_child(
        instance=NewsPage(title="Oud bericht", slug="oud", date=timezone.now() - timezone.timedelta(1))
    )
    old.save_revision().publish()
    manager = employee("mona", first_name="Mona", last_name="Derks")
    manager.user.groups.add(Group.objects.get(name="Omgevingsbeheerders"))
    employee("ria")
    reader = Browser().log_in(stack.b, "ria")
    assert "Oud bericht" in reader.get(stack.b + "/").text
    # The control: a change that bumps no generation (an update without signals) is not seen, so
    # server B really answers from its kept block.
    NewsPage.objects.filter(pk=old.pk).update(title="Stil gewijzigd")
    html = reader.get(stack.b + "/").text
    assert "Oud bericht" in html and "Stil gewijzigd" not in html

    editor = Browser().log_in(stack.a, "mona")
    response = editor.post(stack.a + "/admin/inzichten/moderatie/", {"title": "Zoek slim", "text": "Typ een deel."})
    assert response.status_code == 302, response.text[:2000]
    for server in (stack.b, stack.nginx, stack.nginx):
        html = reader.get(server + "/").text
        assert "Zoek slim" in html and "Stil gewijzigd" in html, server


def test_the_comment_limit_holds_across_servers(stack):
    """The throttle counts in the shared Redis: a burst split over both servers gets no more through
    than one server would let."""
    from django.contrib.contenttypes.models import ContentType
    from django_comments_xtd.models import XtdComment

    from prikbord import services as board

    post = board.create_post(employee("verkoper").user, category="te-koop", title="Fiets", text="Rood.")
    path = f"/sociaal/reacties/{ContentType.objects.get_for_model(post).pk}/{post.pk}/plaatsen/"
    employee("snelschrijver")
    browser = Browser().log_in(stack.nginx, "snelschrijver")
    results = run_at_once(
        [lambda i=i: browser.post((stack.a, stack.b)[i % 2] + path, {"comment": f"Reactie {i}"}) for i in range(12)]
    )
    statuses = [getattr(r, "status_code", r) for r in results]
    assert statuses.count(302) == COMMENTS_PER_MINUTE, statuses
    assert statuses.count(429) == 12 - COMMENTS_PER_MINUTE, statuses
    refused = [r.text for r in results if r.status_code == 429]
    assert all("Je reageert wel erg snel achter elkaar" in text for text in refused)
    assert XtdComment.objects.filter(object_pk=str(post.pk)).count() == COMMENTS_PER_MINUTE


def worker_pids(arbiter):
    """The gunicorn workers: the arbiter's child processes (from /proc, field 4 of stat is the parent)."""
    pids = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended while we looked
        if int(fields[1]) == arbiter:
            pids.add(int(stat.parent.name))
    return pids


def test_a_worker_killed_mid_request_costs_only_that_request(stack):
    """kill -9 of a worker (the OOM killer, an operator): the request it was answering is lost, the
    arbiter starts a new worker and the next requests on that server succeed."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    from prikbord import services as board
    from social.models import Like

    post = board.create_post(employee("aanbieder").user, category="te-koop", title="Lamp", text="Werkt.")
    like_path = f"/sociaal/leuk/{ContentType.objects.get_for_model(post).pk}/{post.pk}/"
    json_only = {"Accept": "application/json"}
    person = employee("volhouder")
    browser = Browser().log_in(stack.b, "volhouder")
    arbiter = stack.servers["a"].proc.pid
    (old,) = worker_pids(arbiter)
    in_flight = []

    def answer():
        try:
            in_flight.append(browser.post(stack.a + like_path, headers=json_only))
        except requests.RequestException as exc:
            in_flight.append(exc)

    def waiting_on_the_lock(cursor):
        cursor.execute("SELECT count(*) FROM pg_locks WHERE relation = %s::regclass AND NOT granted", [table])
        return cursor.fetchone()[0]

    table = Like._meta.db_table
    # The likes table locked by this test: server A's like waits on it, a request in flight.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
        thread = threading.Thread(target=answer)
        thread.start()
        deadline = time.monotonic() + 30
        while not waiting_on_the_lock(cursor):
            assert time.monotonic() < deadline, "the like never reached the database"
            time.sleep(0.05)
        os.kill(old, signal.SIGKILL)
        thread.join(30)
    assert isinstance(in_flight[0], requests.ConnectionError), in_flight

    # Server A answers again (its listening socket stayed with the arbiter), from a new worker.
    response = browser.post(stack.a + like_path, headers=json_only)
    assert response.status_code == 200 and response.json()["liked"] is True
    assert browser.get(stack.a + "/prikbord/").status_code == 200
    assert browser.get(stack.nginx + "/prikbord/").status_code == 200
    new = worker_pids(arbiter)
    assert len(new) == 1 and old not in new
    # The lost request left nothing half done: one like, from the request that was answered.
    assert Like.objects.filter(object_id=post.pk, user=person.user).count() == 1
    log = stack.servers["a"].log.read_text()
    assert f"pid:{old}" in log and "SIGKILL" in log


def test_health_on_its_own_port_answers_while_every_thread_waits(stack):
    """gthread queues every connection behind its busy threads, /health/ included; the health port
    (PLEIN_HEALTH_BIND, intranet.health_server) is answered beside them, so a balancer does not take
    a busy, working server out."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    from prikbord import services as board
    from social.models import Like

    post = board.create_post(employee("drukte").user, category="te-koop", title="Stoel", text="Stevig.")
    like_path = f"/sociaal/leuk/{ContentType.objects.get_for_model(post).pk}/{post.pk}/"
    browsers = [Browser().log_in(stack.a, f"wachter{n}") for n in range(4) if employee(f"wachter{n}")]
    table = Like._meta.db_table
    answers = []
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")  # every like on A waits on it
        threads = [
            threading.Thread(
                target=lambda b=b: answers.append(b.post(stack.a + like_path, headers={"Accept": "application/json"}))
            )
            for b in browsers
        ]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 30
        while True:  # all four threads of server A's one worker are taken
            cursor.execute("SELECT count(*) FROM pg_locks WHERE relation = %s::regclass AND NOT granted", [table])
            if cursor.fetchone()[0] >= 4:
                break
            assert time.monotonic() < deadline, "the likes never reached the database"
            time.sleep(0.05)
        with pytest.raises(requests.Timeout):
            requests.get(stack.a + "/health/", timeout=1.5)  # the main port's /health/ waits in the queue
        began = time.monotonic()
        side = requests.get(stack.servers["a"].health + "/health/", timeout=5)
        took = time.monotonic() - began
    for thread in threads:
        thread.join(30)
    assert side.status_code == 200 and side.json()["checks"]["database"] == "ok"
    assert side.headers["Content-Type"] == "application/json"
    assert took < 1.5
    assert requests.get(stack.servers["a"].health + "/mensen/", timeout=5).status_code == 404  # only /health/
    assert [a.status_code for a in answers] == [200] * 4  # the waiting likes went on afterwards
