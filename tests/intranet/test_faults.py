"""Faults survived (issue 21): the database away, logging during an outage, SQLite writers at once.
Redis away or hung: test_redis_faults.py. docs/operations.md says what each looks like to users."""

import logging
import re
import sqlite3
import sys
import threading
import time
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import OperationalError
from django.test import Client, override_settings

from intranet.log_limits import OncePerMinute
from tests.intranet import servers

pytestmark = pytest.mark.django_db


# --- PostgreSQL (or SQLite) away --------------------------------------------------------------


def _database_down():
    return mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.ensure_connection",
        side_effect=OperationalError("connection refused"),
    )


@pytest.mark.parametrize("path", ["/", "/inloggen/", "/teams/"])
def test_database_away_gives_the_friendly_503_page(path, employee):
    client = Client(raise_request_exception=False)
    client.force_login(employee)
    with _database_down():
        response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "Plein is even niet bereikbaar" in html
    assert "Traceback" not in html and "OperationalError" not in html


def test_a_bug_is_still_a_500_not_a_503(employee):
    client = Client(raise_request_exception=False)
    client.force_login(employee)
    with mock.patch("home.models.HomePage.serve", side_effect=ValueError("a bug")):
        response = client.get("/")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


def test_a_query_stopped_by_the_statement_timeout_is_not_called_an_outage(employee):
    """psycopg raises the statement timeout (SQLSTATE 57014) as an OperationalError, like a lost server."""

    class QueryCanceled(Exception):
        sqlstate = "57014"

    def too_slow(*args, **kwargs):
        raise OperationalError("canceling statement due to statement timeout") from QueryCanceled()

    client = Client(raise_request_exception=False)
    client.force_login(employee)
    with mock.patch("home.models.HomePage.serve", side_effect=too_slow):
        response = client.get("/")
    assert response.status_code == 503 and response["Retry-After"] == "10"
    html = response.content.decode()
    assert "Dit duurde te lang" in html and "niet bereikbaar" not in html


# --- Logging during an outage -----------------------------------------------------------------


def _record(exc, name="django.request"):
    try:
        raise exc
    except type(exc):
        info = sys.exc_info()
    return logging.LogRecord(name, logging.ERROR, __file__, 1, "Internal Server Error: /", None, info)


def test_one_traceback_per_kind_per_minute():
    limit = OncePerMinute()
    now = [1000.0]
    with mock.patch("intranet.log_limits.time.monotonic", side_effect=lambda: now[0]):
        passed = [limit.filter(_record(OperationalError("down"))) for _ in range(100)]
        assert passed.count(True) == 1
        assert limit.filter(_record(ValueError("other kind"))) is True
        assert limit.filter(logging.LogRecord("x", logging.ERROR, __file__, 1, "no traceback", None, None))
        now[0] += 61
        record = _record(OperationalError("down"))
        assert limit.filter(record) is True
        assert "99 more times" in record.getMessage()


# --- SQLite: writers at once --------------------------------------------------------------------


def _sqlite_connection(path, options):
    from django.db.backends.sqlite3.base import DatabaseWrapper

    wrapper = DatabaseWrapper(
        {
            "NAME": str(path),
            "ENGINE": "django.db.backends.sqlite3",
            "OPTIONS": options,
            "TIME_ZONE": None,
            "CONN_MAX_AGE": 0,
            "CONN_HEALTH_CHECKS": False,
            "AUTOCOMMIT": True,
            "ATOMIC_REQUESTS": False,
            "TEST": {},
            "USER": "",
            "PASSWORD": "",
            "HOST": "",
            "PORT": "",
        },
        alias=f"faults-{threading.get_ident()}",
    )
    return wrapper


def _like_at_once(path, options, writers=6):
    """Each writer reads the count and writes it back plus one in a transaction, all at once: the
    pattern of a like (read, then write). Returns the errors and the final count."""
    errors, start = [], threading.Barrier(writers)

    def like():

        wrapper = _sqlite_connection(path, options)
        try:
            start.wait()
            with _atomic(wrapper):
                with wrapper.cursor() as cursor:
                    cursor.execute("SELECT likes FROM post")
                    (count,) = cursor.fetchone()
                    time.sleep(0.05)
                    cursor.execute("UPDATE post SET likes = %s", [count + 1])
        except Exception as exc:  # the failure being tested for
            errors.append(exc)
        finally:
            wrapper.close()

    threads = [threading.Thread(target=like) for _ in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with sqlite3.connect(path) as db:
        (count,) = db.execute("SELECT likes FROM post").fetchone()
    return errors, count


class _atomic:
    """What transaction.atomic() does on SQLite: BEGIN in the connection's transaction mode."""

    def __init__(self, wrapper):
        self.wrapper = wrapper

    def __enter__(self):
        self.wrapper.ensure_connection()
        self.wrapper._start_transaction_under_autocommit()

    def __exit__(self, exc_type, exc, tb):
        with self.wrapper.cursor() as cursor:
            cursor.execute("COMMIT" if exc_type is None else "ROLLBACK")


@pytest.fixture
def post_db(tmp_path):
    path = tmp_path / "likes.sqlite3"
    with sqlite3.connect(path) as db:
        # WAL from the start, as a real database is from its first migrate (the mode is kept in the
        # file): six connections switching a fresh file to WAL at once race for that switch itself.
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE post (likes INTEGER)")
        db.execute("INSERT INTO post VALUES (0)")
    return path


def test_sqlite_writers_at_once_wait_their_turn(post_db):
    from intranet.settings.base import SQLITE_OPTIONS

    errors, count = _like_at_once(post_db, SQLITE_OPTIONS)
    assert errors == []
    assert count == 6
    with sqlite3.connect(post_db) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_without_immediate_transactions_sqlite_would_refuse_writers(post_db):
    """The control: the same load with SQLite's default (deferred) transactions fails, so the test
    above can fail."""
    errors, count = _like_at_once(post_db, {"timeout": 20})
    assert errors and all("locked" in str(error) for error in errors)
    assert count < 6


@pytest.mark.slow
def test_sqlite_writers_through_real_requests_never_get_database_is_locked(tmp_path):
    """The embedded default as `make run` serves it (runserver, a thread per request, the job worker
    beside it): three colleagues like and comment on one post all at once, twelve requests. (With
    SQLite's default deferred transactions instead, two of the three likes answered 500 here.)"""
    with servers.sqlite_stack(tmp_path, "tests.intranet.servers.seed_likers") as (url, seeded, log):
        browsers = {name: servers.Browser().log_in(url, name) for name in seeded["usernames"]}
        target = f"{seeded['content_type']}/{seeded['post']}/"

        def like(browser):
            return lambda: browser.post(f"{url}/sociaal/leuk/{target}", headers={"Accept": "application/json"})

        def comment(browser, text):
            return lambda: browser.post(f"{url}/sociaal/reacties/{target}plaatsen/", {"comment": text})

        calls = []
        for name, browser in browsers.items():
            calls += [like(browser), *(comment(browser, f"{name} {n}") for n in range(3))]
        results = servers.run_at_once(calls)
        statuses = [getattr(r, "status_code", r) for r in results]
        assert statuses == [200, 302, 302, 302] * 3, statuses
        assert "database is locked" not in log.read_text()
    with sqlite3.connect(tmp_path / "db.sqlite3") as db:
        likes = db.execute("SELECT count(*) FROM social_like WHERE object_id = ?", [seeded["post"]])
        assert likes.fetchone()[0] == 3
        comments = db.execute(
            "SELECT count(*) FROM django_comments WHERE object_pk = ? AND content_type_id = ?",
            [str(seeded["post"]), seeded["content_type"]],
        )
        assert comments.fetchone()[0] == 9


@pytest.mark.slow
@pytest.mark.skipif(not __import__("tests.conftest").conftest.is_postgres(), reason="a real PostgreSQL to stop")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_postgres_unreachable_then_back_without_a_restart(employee, closed_port):
    """The server's port closed, as a stopped PostgreSQL: 503 pages and health, then recovery."""
    from django.db import connection

    client = Client(raise_request_exception=False)
    client.force_login(employee)
    original = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = closed_port
    try:
        page = client.get("/")
        health = Client().get("/health/")
        # Static files need no database: whitenoise answers before anything opens a connection. (It
        # finds them in the source folders here, as the servers' tests do: no collectstatic first.)
        with override_settings(WHITENOISE_USE_FINDERS=True):
            assets = re.findall(r'<(?:link|script|img)\b[^>]*\b(?:href|src)="([^"]+)"', page.content.decode())
            static = {url: Client(raise_request_exception=False).get(url) for url in assets}
    finally:
        connection.close()
        connection.settings_dict["PORT"] = original
    assert page.status_code == 503 and page["Retry-After"] == "30"
    assert health.status_code == 503 and health.json()["checks"]["database"].startswith("error")
    # The 503 page's styles (and anything else it loads) are static files, and each is served.
    assert f"{settings.STATIC_URL}css/plein.css" in assets
    for url, response in static.items():
        assert url.startswith(settings.STATIC_URL) and response.status_code == 200, url
        source = finders.find(url.removeprefix(settings.STATIC_URL))
        assert b"".join(response.streaming_content) == Path(source).read_bytes(), url
    # The next request connects again by itself.
    assert client.get("/").status_code == 200
