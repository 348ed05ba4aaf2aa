"""`python -m loadtest` (make loadtest): start the stack, run the load, report, stop what it started."""

import argparse
import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from loadtest import faults, nginx, report
from loadtest.services import DatabaseDoor, MailServer, RedisServer, free_port, wait_for_port

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "loadtest-results"
DOC = ROOT / "docs" / "performance.md"
START, END = "<!-- loadtest:start -->", "<!-- loadtest:end -->"


def parse(argv):
    parser = argparse.ArgumentParser(prog="python -m loadtest", description=__doc__)
    parser.add_argument("--employees", type=int, default=5000, help="size of the seeded organisation")
    parser.add_argument("--users", type=int, default=8, help="simultaneous simulated employees")
    parser.add_argument("--seconds", type=int, default=60, help="length of the load (normal mode)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn processes (4 threads each)")
    parser.add_argument("--faults", action="store_true", help="stop Redis, PostgreSQL and the mail server in turn")
    parser.add_argument("--storm", type=int, default=0, help="N more users doing only long searches (isolation)")
    parser.add_argument(
        "--warmup",
        type=int,
        default=20,
        help="seconds left out of the page table (everyone logs in then: PBKDF2 holds the CPU)",
    )
    parser.add_argument(
        "--front",
        choices=["none", "nginx"],
        default="none",
        help="nginx in front, configured with deploy/nginx.conf.example (Debian's nginx-light)",
    )
    parser.add_argument(
        "--search-workers",
        type=int,
        default=0,
        help="a separate gunicorn of N processes for the search results page (needs --front nginx)",
    )
    parser.add_argument("--db-name", default="plein_loadtest", help="its own database (name must end in loadtest)")
    parser.add_argument("--update-docs", action="store_true", help="write the tables into docs/performance.md")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse(argv)
    if not args.db_name.endswith("loadtest"):
        raise SystemExit("--db-name must end in 'loadtest' (the plan sets passwords there)")
    if args.search_workers and args.front != "nginx":
        raise SystemExit("--search-workers needs --front nginx (nginx sends the searches to that pool)")
    if args.front == "nginx" and not nginx.binary():
        raise SystemExit("--front nginx needs nginx (apt-get install nginx-light)")
    server = urlsplit(os.environ.get("LOADTEST_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres"))
    RESULTS.mkdir(exist_ok=True)
    _create_database(server, args.db_name)
    redis, mail = RedisServer(RESULTS).start(), MailServer().start()
    door = DatabaseDoor(server.port or 5432).open()
    user = server.username or "postgres"
    direct_url = f"postgres://{user}@{server.hostname}:{server.port or 5432}/{args.db_name}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "loadtest.settings",
        "SECRET_KEY": "loadtest-only-" + os.urandom(24).hex(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": direct_url,
        "REDIS_URL": redis.url,
        "CACHE_KEY_PREFIX": "plein-loadtest",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(mail.port),
        "EMAIL_TIMEOUT": "5",
        "PYTHONUNBUFFERED": "1",
    }
    processes = []
    try:
        for command in (
            ["migrate", "--no-input", "-v0"],
            ["seed_demo", "--if-empty", "--employees", str(args.employees)],
            ["collectstatic", "--no-input", "-v0"],
        ):
            print(f"loadtest: manage.py {' '.join(command)}", flush=True)
            subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
        plan_path = RESULTS / "plan.json"
        plan_path.write_text(
            subprocess.run(
                [sys.executable, "-m", "loadtest.plan"], cwd=ROOT, env=env, check=True, capture_output=True, text=True
            ).stdout
        )
        serving = {**env, "DATABASE_URL": f"postgres://{user}@127.0.0.1:{door.port}/{args.db_name}"}
        log = open(RESULTS / "gunicorn.log", "w")  # noqa: SIM115
        port = free_port()
        processes.append(_gunicorn(serving, port, args.workers, log))
        pools = [port]
        if args.search_workers:
            search_port = free_port()
            # The pool's threads do nothing but search, so they may all wait their turn for longer
            # (docs/operations.md, "Overload").
            pool_env = {**serving, "EXPENSIVE_REQUESTS_PER_PROCESS": "4", "EXPENSIVE_REQUEST_WAIT_SECONDS": "5"}
            processes.append(_gunicorn(pool_env, search_port, args.search_workers, log))
            pools.append(search_port)
        worker = _worker_command()
        if worker:
            processes.append(
                subprocess.Popen([sys.executable, "manage.py", *worker], cwd=ROOT, env=serving, stdout=log, stderr=log)
            )
        if not all(wait_for_port(pool, 60) for pool in pools):
            raise SystemExit("gunicorn did not start; see loadtest-results/gunicorn.log")
        if args.front == "nginx":
            front = free_port()
            processes.append(_nginx(front, pools[0], pools[-1]))
            if not wait_for_port(front, 20):
                raise SystemExit("nginx did not start; see loadtest-results/nginx/nginx-error.log")
            port = front
        return _load(args, port, plan_path, redis, door, mail)
    finally:
        for proc in reversed(processes):  # nginx first: its keep-alive connections hold a graceful stop
            proc.terminate()
        for proc in processes:
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
        door.close()
        mail.stop()
        redis.stop()


def _load(args, port, plan_path, redis, door, mail):
    schedule = faults.Schedule()
    seconds = int(schedule.duration()) if args.faults else args.seconds
    log_path = RESULTS / "requests.log"
    log_path.write_text("")
    env = {
        **os.environ,
        "LOADTEST_PLAN": str(plan_path),
        "LOADTEST_LOG": str(log_path),
        "LOADTEST_STORM": str(args.storm),
    }
    users = args.users + args.storm
    command = [
        sys.executable, "-m", "locust", "-f", str(ROOT / "loadtest" / "locustfile.py"), "--headless",
        "-u", str(users), "-r", str(users), "-t", f"{seconds}s", "--host", f"http://127.0.0.1:{port}",
        "--only-summary", "--loglevel", "WARNING", "--stop-timeout", "5",
    ]  # fmt: skip
    load = uptime()
    started = time.time()
    locust = subprocess.Popen(command, cwd=ROOT, env=env)
    thread = None
    if args.faults:
        actions = [
            ("Redis stopped (restarted empty)", redis.stop, redis.start),
            ("PostgreSQL unreachable", door.close, door.open),
            ("mail server stopped", mail.stop, mail.start),
        ]
        thread, _ = faults.in_background(schedule, started, actions)
    if locust.wait() != 0 and not log_path.read_text():
        raise SystemExit("locust failed before any request; see its output above")
    if thread:
        thread.join(5)
    rows = report.read_log(log_path)
    # Logins (PBKDF2) all fall in the first seconds and are counted apart; fault runs keep every second.
    warmup = 0 if args.faults else min(args.warmup, seconds // 3)
    if warmup:
        warmup = report.warmup_seconds(rows, started, warmup, seconds)
    plan = json.loads(plan_path.read_text())
    health = _get(f"http://127.0.0.1:{port}/health/")
    text = [
        f"Run of {time.strftime('%Y-%m-%d %H:%M')} UTC at commit {_commit()}: {plan['employees']} employees "
        "(the database is seeded once and reused), "
        f"{args.users} simulated employees"
        + (f" plus {args.storm} doing only long searches back to back" if args.storm else "")
        + f", {args.workers} gunicorn processes × 4 threads, {seconds} s"
        + (", nginx in front (deploy/nginx.conf.example)" if args.front == "nginx" else "")
        + (
            f" sending the search results page to a search pool of {args.search_workers} process(es) × 4 threads"
            if args.search_workers
            else ""
        )
        + (f" (the table leaves out the first {warmup} s, until everyone has logged in)" if warmup else "")
        + "; "
        f"load average before the run {load}.",
        "",
        report.page_table(report.per_page([row for row in rows if row[0] >= started + warmup], seconds - warmup)),
    ]
    if args.faults:
        text += ["", report.fault_table(rows, started, schedule.phases, schedule.recovery)]
        text += ["", f"Mail server: {len(mail.message_ids)} messages received, {mail.duplicates()} duplicates."]
    reasons = report.failure_reasons(rows)
    if reasons:
        text += ["", "Most frequent failures: " + "; ".join(f"{why} ({n}×)" for why, n in reasons)]
    text += ["", f"`/health/` after the run: {health}"]
    body = "\n".join(text)
    print("\n" + body)
    kind = "faults" if args.faults else ("storm" if args.storm else "load")
    (RESULTS / f"{kind}.md").write_text(body + "\n")
    if args.update_docs:
        _update_docs(body, kind)
    return 0


def _gunicorn(env, port, workers, log):
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": str(workers)}
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "intranet.wsgi:application"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )


def _nginx(port, app_port, search_port):
    """nginx with deploy/nginx.conf.example in front: the search results page to `search_port`."""
    tmp = RESULTS / "nginx"
    tmp.mkdir(exist_ok=True)
    conf = tmp / "nginx.conf"
    conf.write_text(nginx.config(tmp, port, [app_port], tmp / "media", search_upstreams=[search_port]))
    return subprocess.Popen(
        nginx.command(tmp, conf),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=(tmp / "nginx-start.log").open("w"),
    )


def _create_database(server, name):
    import psycopg

    dsn = f"host={server.hostname} port={server.port or 5432} user={server.username or 'postgres'} dbname=postgres"
    with psycopg.connect(dsn, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def _worker_command():
    """The job worker, when this version of Plein has one (issue 17)."""
    commands = subprocess.run(
        [sys.executable, "manage.py", "help", "--commands"], cwd=ROOT, capture_output=True, text=True
    ).stdout.split()
    for name in ("run_worker", "db_worker"):
        if name in commands:
            return [name]
    return None


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback)
            return response.read().decode()
    except Exception as exc:  # the report says what /health/ answered, whatever it was
        return f"{exc.__class__.__name__}: {exc}"


def uptime():
    try:
        return " / ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def _commit():
    result = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)  # noqa: S607
    return result.stdout.strip() or "unknown"


def _update_docs(body, kind):
    start, end = START.replace("loadtest", f"loadtest-{kind}"), END.replace("loadtest", f"loadtest-{kind}")
    text = DOC.read_text()
    block = f"{start}\n{body}\n{end}"
    if start in text:
        text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: block, text, flags=re.S)
    else:
        title = "### Fault mode (latest run)" if kind == "faults" else "### Load (latest run)"
        text = text.rstrip() + f"\n\n{title}\n{block}\n"
    DOC.write_text(text)


if __name__ == "__main__":
    sys.exit(main())
