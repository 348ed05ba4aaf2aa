from pathlib import Path

import pytest
from django.db import connection

from bench import database


def test_postgres_url_gets_a_database_of_its_own_on_the_same_server():
    db = database.choose("postgres://postgres@127.0.0.1:5432/plein?sslmode=disable", "/repo")
    assert db.is_postgres
    assert db.name == "plein_bench"
    assert db.url == "postgres://postgres@127.0.0.1:5432/plein_bench?sslmode=disable"


def test_never_the_source_database_itself():
    with pytest.raises(ValueError):
        database.choose("postgresql://u@db/plein_bench", "/repo")


@pytest.mark.parametrize("source", ["", "sqlite:////tmp/x.sqlite3", "mysql://u@h/db"])
def test_anything_else_uses_an_sqlite_file_under_bench_results(source):
    db = database.choose(source, "/repo")
    assert db.engine == "sqlite"
    assert db.name == "/repo/bench-results/bench.sqlite3"
    assert db.url == "sqlite:////repo/bench-results/bench.sqlite3"


def test_sqlite_drop_removes_the_file_and_its_journals(tmp_path):
    db = database.choose("", tmp_path)
    database.create(db)
    Path(db.name).write_bytes(b"x")
    Path(db.name + "-journal").write_bytes(b"x")
    assert database.exists(db)
    database.drop(db)
    assert not database.exists(db) and not Path(db.name + "-journal").exists()


def test_reuse_only_with_same_size_and_seeders():
    state = {"employees": 2000, "fingerprint": "abc", "seeded_at": "2026-11-22 14:00 UTC"}
    assert database.reuse_decision(state, 2000, "abc")[0] is True
    assert database.reuse_decision(state, 50000, "abc") == (False, "it holds 2000 employees, not 50000")
    assert database.reuse_decision(state, 2000, "def")[0] is False
    assert database.reuse_decision(state, 2000, "def", keep=True)[0] is True  # --keep-data
    assert database.reuse_decision(state, 50000, "def", keep=True)[0] is False  # but never another size
    assert database.reuse_decision(state, 2000, "abc", reseed=True)[0] is False
    assert database.reuse_decision(None, 2000, "abc")[0] is False


def test_fingerprint_changes_when_a_seeder_appears_or_changes(tmp_path):
    (tmp_path / "intranet").mkdir()
    (tmp_path / "intranet" / "seeding.py").write_text("# frame")
    people, rooms = tmp_path / "people", tmp_path / "rooms"
    people.mkdir()
    rooms.mkdir()
    (people / "seed.py").write_text("def seed(context): pass")
    outside = tmp_path.parent / "site-packages-app"
    first = database.seed_fingerprint(tmp_path, [people, rooms, outside])
    assert database.seed_fingerprint(tmp_path, [people, rooms, outside]) == first
    (rooms / "seed.py").write_text("def seed(context): pass")
    second = database.seed_fingerprint(tmp_path, [people, rooms])
    assert second != first
    (rooms / "seed.py").write_text("def seed(context): print('more')")
    assert database.seed_fingerprint(tmp_path, [people, rooms]) != second


@pytest.mark.django_db
def test_state_round_trip_in_the_database():
    assert database.read_state(connection) is None  # no table yet
    database.write_state(connection, {"employees": 10, "fingerprint": "f"})
    database.write_state(connection, {"employees": 20, "fingerprint": "g"})
    assert database.read_state(connection) == {"employees": 20, "fingerprint": "g"}
