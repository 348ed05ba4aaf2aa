"""The benchmark's own database: PostgreSQL next to DATABASE_URL's, or an SQLite file.

A small table in the bench database records what was seeded (size and a fingerprint of the seeders),
so a rerun with the same size reuses it instead of seeding 50,000 employees again.
"""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

DEFAULT_DB_NAME = "plein_bench"
STATE_TABLE = "plein_bench_state"
POSTGRES_SCHEMES = {"postgres", "postgresql", "pgsql", "postgis"}
# Frame modules the seeders depend on; a change in them means the data would differ.
SEED_SUPPORT_FILES = ("intranet/seeding.py", "intranet/demo_names.py", "intranet/management/commands/seed_demo.py")


@dataclass
class BenchDatabase:
    engine: str  # "postgresql" or "sqlite"
    url: str  # DATABASE_URL for the bench processes
    name: str  # the database name, or the SQLite file

    @property
    def is_postgres(self):
        return self.engine == "postgresql"

    def describe(self):
        return f"PostgreSQL database {self.name}" if self.is_postgres else f"SQLite file {self.name}"


def choose(source_url, root, db_name=DEFAULT_DB_NAME):
    """PostgreSQL on DATABASE_URL's server when it points there, otherwise bench-results/bench.sqlite3."""
    parts = urlsplit(source_url or "")
    if parts.scheme in POSTGRES_SCHEMES:
        source_name = parts.path.lstrip("/")
        if db_name == source_name:
            raise ValueError(f"The bench database must not be DATABASE_URL's own database ({source_name}).")
        url = urlunsplit((parts.scheme, parts.netloc, f"/{db_name}", parts.query, ""))
        return BenchDatabase("postgresql", url, db_name)
    path = Path(root) / "bench-results" / "bench.sqlite3"
    return BenchDatabase("sqlite", f"sqlite:///{path}", str(path))


def _admin_connection(db):
    """An autocommit connection to the server's maintenance database (CREATE/DROP DATABASE)."""
    import psycopg

    parts = urlsplit(db.url)
    admin_url = urlunsplit(("postgresql", parts.netloc, "/postgres", parts.query, ""))
    return psycopg.connect(admin_url, autocommit=True)


def exists(db):
    if not db.is_postgres:
        return Path(db.name).is_file()
    with _admin_connection(db) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db.name]).fetchone() is not None


def create(db):
    """Create the database when missing (SQLite creates its file on first connection)."""
    if not db.is_postgres:
        Path(db.name).parent.mkdir(parents=True, exist_ok=True)
        return
    from psycopg import sql

    if exists(db):
        return
    with _admin_connection(db) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db.name)))


def drop(db):
    """Throw the bench database away for a fresh seed. Callers close Django's connections first."""
    if not db.is_postgres:
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(db.name + suffix).unlink(missing_ok=True)
        return
    from psycopg import sql

    with _admin_connection(db) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(db.name)))


def seed_fingerprint(root, app_paths):
    """A hash of every seeder's source (and the frame code they use): new or changed seeders reseed."""
    root = Path(root).resolve()
    digest = hashlib.sha256()
    files = [root / name for name in SEED_SUPPORT_FILES]
    for app_path in app_paths:
        app_path = Path(app_path).resolve()
        if root not in app_path.parents:
            continue  # third-party apps have no demo seeders
        files.append(app_path / "seed.py")
        if (app_path / "seed").is_dir():
            files.extend(sorted((app_path / "seed").rglob("*.py")))
    for path in files:
        if path.is_file():
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def reuse_decision(state, employees, fingerprint, reseed=False, keep=False):
    """(reuse?, why) for an existing bench database described by `state` (None: nothing recorded).

    `keep` reuses a database of the right size even when the seeders changed since (--keep-data).
    """
    if reseed:
        return False, "--reseed asked for a fresh database"
    if not state:
        return False, "no completed seed recorded in the bench database"
    if state.get("employees") != employees:
        return False, f"it holds {state.get('employees')} employees, not {employees}"
    if state.get("fingerprint") != fingerprint:
        if keep:
            return True, f"seeded on {state.get('seeded_at', '?')}; the seeders changed since, kept by --keep-data"
        return False, "the seeders changed since it was seeded"
    return True, f"seeded on {state.get('seeded_at', '?')} with the same size and seeders"


def read_state(connection):
    from django.db import DatabaseError, transaction

    try:
        # A savepoint, so that a missing table leaves a surrounding PostgreSQL transaction usable.
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute(f"SELECT value FROM {STATE_TABLE} WHERE name = %s", ["state"])  # noqa: S608
            row = cursor.fetchone()
    except DatabaseError:
        return None
    return json.loads(row[0]) if row else None


def write_state(connection, state):
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {STATE_TABLE} (name varchar(50) PRIMARY KEY, value text NOT NULL)")
        cursor.execute(f"DELETE FROM {STATE_TABLE} WHERE name = %s", ["state"])  # noqa: S608
        cursor.execute(f"INSERT INTO {STATE_TABLE} (name, value) VALUES (%s, %s)", ["state", json.dumps(state)])  # noqa: S608
