"""The run itself, once Django is set up on the bench database (see bench.cli)."""

import os
import time

import django
from django.apps import apps
from django.db import connection, connections

from bench import database
from bench.cli import DEMO_USERNAME, DOC_TEMPLATE, RESULTS_DIR, ROOT, log, machine_facts, now_utc, write_results_json
from bench.loopback import LoopbackClient
from bench.measure import add_query_counts, measure
from bench.pages import discover
from bench.processes import Gunicorn, run_command
from bench.report import render_section, table_rows, write_report

READY_TIMEOUT = 90


def mib(kib):
    return "?" if kib is None else f"{kib / 1024:.0f} MiB"


def prepare_database(args, db, env):
    """Reuse a bench database seeded with the same size and seeders, otherwise seed a fresh one.

    Returns the seed facts (fresh or as recorded by the run that seeded it), or None on failure.
    """
    fingerprint = database.seed_fingerprint(ROOT, [config.path for config in apps.get_app_configs()])
    state = database.read_state(connection) if database.exists(db) else None
    connections.close_all()
    reuse, why = database.reuse_decision(state, args.employees, fingerprint, args.reseed, args.keep_data)
    log(f"{db.describe()}: {'reusing it' if reuse else 'seeding afresh'} ({why})")
    if not reuse:
        database.drop(db)
    database.create(db)
    migrated = run_command(["migrate", "--no-input"], env, ROOT)
    if migrated.returncode:
        log("migrate failed; see above")
        return None
    if reuse:
        return {**state, "reused": True}
    log(f"seed_demo --employees {args.employees} (this is the slow part at 50,000)")
    seeded = run_command(["seed_demo", "--employees", str(args.employees)], env, ROOT)
    if seeded.returncode:
        log("seed_demo failed; see above")
        return None
    state = {
        "employees": args.employees,
        "fingerprint": fingerprint,
        "seeded_at": now_utc().strftime("%Y-%m-%d %H:%M UTC"),
        "seed_seconds": round(seeded.seconds, 1),
        "seed_peak_rss_kib": seeded.peak_rss_kib,
        "migrate_seconds": round(migrated.seconds, 1),
        "migrate_peak_rss_kib": migrated.peak_rss_kib,
    }
    database.write_state(connection, state)
    return {**state, "reused": False}


def reload_static_manifest():
    """This process may have opened the manifest storage before collectstatic wrote the manifest."""
    from django.contrib.staticfiles.storage import staticfiles_storage

    if hasattr(staticfiles_storage, "load_manifest"):
        staticfiles_storage.hashed_files, staticfiles_storage.manifest_hash = staticfiles_storage.load_manifest()


def wait_until_serving(server, client):
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if not server.alive():
            raise RuntimeError(f"gunicorn exited at start; see {server.log_path}")
        try:
            client.get("/health/")
            return
        except OSError:
            time.sleep(0.25)
    raise RuntimeError(f"gunicorn did not answer within {READY_TIMEOUT} s; see {server.log_path}")


def serve_and_measure(args, env, targets):
    """Start gunicorn, log in through the form, time every page; always stop the server."""
    from people.seed import DEMO_PASSWORD

    server = Gunicorn(env, ROOT, RESULTS_DIR / "gunicorn.log")
    try:
        server.start()
        client = LoopbackClient(server.port)
        wait_until_serving(server, client)
        server.remember_workers()
        log(f"gunicorn serving on 127.0.0.1:{server.port}; logging in as {DEMO_USERNAME}")
        client.login(DEMO_USERNAME, DEMO_PASSWORD)
        clients = {"": client}
        for username in sorted({target.user for target in targets} - {""}):
            clients[username] = LoopbackClient(server.port)
            clients[username].login(username, DEMO_PASSWORD)
        log(f"measuring {len(targets)} pages: {args.warmup} warm-up + {args.rounds} timed requests each")
        results = measure(
            clients, targets, args.warmup, args.rounds, budget_seconds=args.page_budget, server_alive=server.alive
        )
        return results, server.memory()
    finally:
        server.stop()


def database_label(db):
    if db.is_postgres:
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            version = cursor.fetchone()[0].split()[0]
        return f"PostgreSQL {version} (database `{db.name}`)"
    import sqlite3

    return f"SQLite {sqlite3.sqlite_version} (`{os.path.relpath(db.name, ROOT)}`)"


def seed_label(seed):
    text = (
        f"seed_demo --employees {seed['employees']:,}: {seed['seed_seconds']:.0f} s, "
        f"peak RSS {mib(seed['seed_peak_rss_kib'])} (the seeding process); migrate {seed['migrate_seconds']:.0f} s"
    )
    if seed.get("reused"):
        return f"reused the bench database seeded on {seed['seeded_at']} ({text})"
    return text


def content_counts():
    """How much content the pages are measured against: Wagtail pages and whatever apps hold the most rows."""
    from django.apps import apps as django_apps
    from wagtail.models import Page

    parts = [f"{Page.objects.count():,} Wagtail pages"]
    for label, name in (
        ("teams.TeamPage", "teams"),
        ("teams.TeamPost", "team posts"),
        ("prikbord.Post", "notice-board posts"),
    ):
        try:
            parts.append(f"{django_apps.get_model(label).objects.count():,} {name}")
        except LookupError:
            continue
    return ", ".join(parts)


def code_version():
    """The commit measured, and whether the worktree differed from it (the report itself aside)."""
    import subprocess

    def git(*command):
        done = subprocess.run(["git", *command], cwd=ROOT, capture_output=True, text=True, check=False)
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return "unknown (not a git checkout)"
    changed = [line for line in git("status", "--porcelain").splitlines() if not line.endswith("docs/performance.md")]
    note = f"; plus uncommitted changes in {len(changed)} files" if changed else " (clean worktree)"
    return f"`{commit}` {git('log', '-1', '--format=%s', 'HEAD')[:80]!r}{note}"


def analyze(db):
    """Fresh planner statistics after a seed (PostgreSQL): in production autovacuum keeps them, but
    right after bulk inserts they can still describe empty tables and pick plans no live site would."""
    if db.is_postgres:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def clear_cache():
    """Drop this run's own cached keys (its Redis prefix only), so a reseeded database starts cold
    rather than reading fragments cached against an earlier one."""
    from django.core.cache import cache

    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("*")
    else:
        cache.clear()


def cache_label():
    from django.conf import settings

    cache = settings.CACHES["default"]
    if "redis" not in cache["BACKEND"].lower():
        return "local memory per process (REDIS_URL unset)"
    database = cache["LOCATION"].rsplit("/", 1)[-1] or "0"
    return f"Redis database {database}, key prefix `{cache.get('KEY_PREFIX', '')}`"


def facts_list(args, db, seed, memory, started, load_start, code):
    import gunicorn
    import wagtail

    from people.models import Person

    machine = machine_facts()
    load_end = os.getloadavg()
    return [
        ("Date", started.strftime("%Y-%m-%d %H:%M UTC")),
        ("Code", code),
        (
            "Command",
            f"`python -m bench --employees {args.employees} --rounds {args.rounds} --warmup {args.warmup} "
            f"--db-name {args.db_name}`",
        ),
        (
            "Machine",
            f"{machine['cores']} cores ({machine['usable_cores']} usable), {machine['cpu']}, {machine['memory']} RAM; "
            f"load average (1/5/15 min) {load_start[0]:.2f}/{load_start[1]:.2f}/{load_start[2]:.2f} at the start, "
            f"{load_end[0]:.2f}/{load_end[1]:.2f}/{load_end[2]:.2f} at the end",
        ),
        ("Cache", cache_label()),
        ("Database", database_label(db)),
        (
            "Data",
            f"{Person.objects.count():,} people ({args.employees:,} seeded employees + demo accounts); {content_counts()}",
        ),
        (
            "Software",
            f"Python {machine['python']}, Django {django.get_version()}, Wagtail {wagtail.__version__}, "
            f"gunicorn {gunicorn.__version__} (1 sync worker), settings `bench.settings` (production)",
        ),
        ("Seeding", seed_label(seed)),
        (
            "Serving process",
            f"peak RSS {mib(memory.get('worker_peak_rss_kib'))} (gunicorn worker, VmHWM); "
            f"master {mib(memory.get('master_peak_rss_kib'))}",
        ),
    ]


def run(args, db, env):
    started, load_start = now_utc(), os.getloadavg()
    code = code_version()  # now: the server about to start serves this code, whatever changes later
    seed = prepare_database(args, db, env)
    if seed is None:
        return 1
    clear_cache()
    analyze(db)
    # The insights dashboard reads daily roll-ups that a nightly job makes; here they are made for the
    # seeded year at once (idempotent, so a reused database is simply brought up to date).
    rolled = run_command(["roll_up_insights", "--days", "400"], env, ROOT)
    if rolled.returncode:
        log("roll_up_insights failed; see above")
        return 1
    collected = run_command(["collectstatic", "--no-input", "-v", "0"], env, ROOT)
    if collected.returncode:
        log("collectstatic failed; see above")
        return 1
    reload_static_manifest()
    targets, skipped = discover()
    for item in skipped:
        log(f"skipping {item.app} {item.label}: {item.note}")
    try:
        results, memory = serve_and_measure(args, env, targets)
    except RuntimeError as exc:
        log(f"stopped: {exc}")
        return 1
    from django.contrib.auth import get_user_model
    from django.test import Client

    django_clients = {}
    for username in {DEMO_USERNAME} | {target.user for target in targets} - {""}:
        django_clients[username] = Client()
        django_clients[username].force_login(get_user_model().objects.get(username=username))
    django_clients[""] = django_clients[DEMO_USERNAME]
    add_query_counts(django_clients, results)
    facts = facts_list(args, db, seed, memory, started, load_start, code)
    write_report(args.output, render_section(facts, results, skipped), DOC_TEMPLATE)
    payload = {
        "facts": dict(facts),
        "pages": [
            {**vars(r.target), "samples_ms": r.samples_ms, "queries": r.queries, "bytes": r.size_bytes, "note": r.note}
            for r in results
        ],
        "skipped": [vars(item) for item in skipped],
    }
    json_path = write_results_json(payload)
    print("\n".join(table_rows(results, skipped)))
    log(f"wrote {os.path.relpath(args.output, ROOT)} and {os.path.relpath(json_path, ROOT)}")
    return 0
