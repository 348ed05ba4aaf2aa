"""README screenshots from the demo data: `make screenshots` (or `python -m tests.screenshots`).

Builds a small demo intranet in a throw-away SQLite file, serves it with Django's runserver on a free
port, and lets Playwright with Debian's Chromium photograph the homepage, a team, Direct regelen and
the admin, on a desktop and on a phone, into docs/screenshots/.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SHOTS = [
    # name, path, login
    ("home", "/", "medewerker"),
    ("team", "/teams/fotografie/", "medewerker"),
    ("direct-regelen", "/direct-regelen/", "medewerker"),
    ("admin", "/admin/", "beheerder"),
]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env, *args, **kwargs):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, **kwargs)


def _wait(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "health/", timeout=2)  # noqa: S310 (our own http://127.0.0.1)
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not start")


def _login(context, base, username):
    page = context.new_page()
    page.goto(base + "inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("plein-demo")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    return page


def main(employees=150):
    from playwright.sync_api import sync_playwright

    workdir = Path(tempfile.mkdtemp(prefix="plein-shots-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "intranet.settings.dev",
        "DATABASE_URL": f"sqlite:///{workdir / 'demo.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "REDIS_URL": "",
    }
    _manage(env, "migrate", "--no-input", stdout=subprocess.DEVNULL)
    _manage(env, "seed_demo", "--employees", str(employees), stdout=subprocess.DEVNULL)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        _wait(base)
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            for viewport_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
                for name, path, username in SHOTS:
                    context = browser.new_context(viewport=viewport, locale="nl-NL")
                    page = _login(context, base, username)
                    page.goto(base + path.lstrip("/"))
                    close_welcome = page.get_by_role("button", name="Sluiten, niet meer tonen")
                    if close_welcome.count():  # a returning colleague's homepage, not the first visit
                        close_welcome.click()
                        page.goto(base + path.lstrip("/"))
                    page.wait_for_load_state("networkidle")
                    page.screenshot(path=str(OUT / f"{name}-{viewport_name}.png"), full_page=viewport is DESKTOP)
                    context.close()
                    print(f"docs/screenshots/{name}-{viewport_name}.png")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
