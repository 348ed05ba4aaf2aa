"""What docs/operations.md promises the operations team: the gunicorn settings, the statement
timeout for web workers, and a backup that restores."""

import importlib
import logging
import os
import runpy
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from tests.conftest import is_postgres

ROOT = Path(__file__).resolve().parents[2]


def _gunicorn_config(env=None):
    from gunicorn.config import Config

    config = Config()
    with pytest.MonkeyPatch.context() as patch:
        for key, value in (env or {}).items():
            patch.setenv(key, value)
        namespace = runpy.run_path(str(ROOT / "deploy/gunicorn.conf.py"))  # as gunicorn reads it
    for key, value in namespace.items():
        if key in config.settings:
            config.set(key, value)
    return config, namespace


def test_gunicorn_settings_survive_a_killed_or_leaking_worker():
    config, namespace = _gunicorn_config()
    assert (
        config.worker_class_str == "gthread" and config.threads >= 2
    )  # /health/ is not queued behind one slow request
    assert config.max_requests > 0 and config.max_requests_jitter > 0  # workers are replaced at different times
    assert config.graceful_timeout >= 10
    statement_ms = int(dict(item.split("=", 1) for item in config.raw_env)["PLEIN_STATEMENT_TIMEOUT_MS"])
    assert statement_ms < config.timeout * 1000  # the query is stopped before the worker is killed


def test_a_killed_worker_is_not_blamed_on_memory_alone():
    _, namespace = _gunicorn_config()
    record = logging.LogRecord(
        "gunicorn.error",
        logging.ERROR,
        __file__,
        1,
        "Worker (pid:%s) was sent SIGKILL! Perhaps out of memory?",
        (42,),
        None,
    )
    assert namespace["_KilledWorkerHint"]().filter(record)
    assert "Perhaps out of memory" not in record.getMessage()
    assert "pid:42" in record.getMessage() and "timeout" in record.getMessage()


def test_web_workers_get_a_statement_timeout_and_commands_do_not(monkeypatch):
    from intranet.settings import base

    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/plein_x")
    monkeypatch.setenv("PLEIN_STATEMENT_TIMEOUT_MS", "20000")
    try:
        assert importlib.reload(base).DATABASES["default"]["OPTIONS"]["options"] == "-c statement_timeout=20000"
        monkeypatch.delenv("PLEIN_STATEMENT_TIMEOUT_MS")
        assert "options" not in importlib.reload(base).DATABASES["default"]["OPTIONS"]
    finally:
        monkeypatch.undo()
        importlib.reload(base)


@pytest.mark.slow
@pytest.mark.skipif(not is_postgres() or not shutil.which("pg_dump"), reason="the backup procedure is for PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_documented_backup_restores(employee):
    """docs/operations.md: pg_dump -Fc, then pg_restore into an empty database, gives the same data."""
    import psycopg

    from people.models import Person
    from social.models import Notification

    database = settings.DATABASES["default"]
    source = database["NAME"]
    target = f"plein_restore_{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "PGHOST": database["HOST"] or "127.0.0.1",
        "PGPORT": str(database["PORT"] or 5432),
        "PGUSER": database["USER"] or "postgres",
    }
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = database["PASSWORD"]
    expected = {"people": Person.objects.count(), "notifications": Notification.objects.count()}
    dump = subprocess.run(
        [shutil.which("pg_dump"), "-Fc", "--no-owner", source], env=env, capture_output=True, check=True
    ).stdout
    admin = f"host={env['PGHOST']} port={env['PGPORT']} user={env['PGUSER']} dbname=postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{target}"')
    try:
        subprocess.run(
            [shutil.which("pg_restore"), "--no-owner", "-d", target],
            input=dump,
            env=env,
            capture_output=True,
            check=True,
        )
        with psycopg.connect(admin.replace("dbname=postgres", f"dbname={target}")) as conn:
            restored = {
                "people": conn.execute("SELECT count(*) FROM people_person").fetchone()[0],
                "notifications": conn.execute("SELECT count(*) FROM social_notification").fetchone()[0],
            }
            migrations = conn.execute("SELECT count(*) FROM django_migrations").fetchone()[0]
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{target}"')
    assert restored == expected and expected["people"] >= 1
    assert migrations > 50


def test_the_deploy_check_warns_when_processes_would_not_share_a_cache(settings):
    """Four gunicorn processes without Redis allow four times each limit (the raced comment throttle)."""
    from intranet.checks import redis_for_several_processes

    settings.DEBUG, settings.REDIS_URL = False, ""
    assert [w.id for w in redis_for_several_processes(None)] == ["plein.W001"]
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"
    assert redis_for_several_processes(None) == []
