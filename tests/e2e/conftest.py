"""Browser tests: Playwright for Python driving Debian's Chromium, headless.

Without Chromium they are skipped with a reason; with CI=true a missing browser is a failure, so CI
can never pass by skipping them.
"""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls our tests make around it are
# still plain synchronous calls, so Django's async guard must stand aside here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def chromium_path():
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # Live-server tests need real transactions; serialized rollback brings back what the
            # migrations made (Wagtail's root, the homepage, the site) after each test's flush.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True), append=False)


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        message = "Chromium not found (install Debian's 'chromium' package) — browser tests need it"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + "; in CI they are mandatory.")
        pytest.skip(message)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover
        pytest.fail("playwright is missing: run `make test` so that requirements-test.txt is installed")
    from django.db import connections

    # Playwright's loop gives the tests after it a new context, and with it new database wrappers:
    # carry over the snapshot that serialized rollback restores, or the second test finds an empty DB.
    snapshot = getattr(connections["default"], "_test_serialized_contents", None)
    with sync_playwright() as playwright:
        if snapshot is not None and not hasattr(connections["default"], "_test_serialized_contents"):
            connections["default"]._test_serialized_contents = snapshot
        chromium = playwright.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser, live_server):
    """new_page(user=None, viewport=DESKTOP): a fresh browser tab, logged in as `user` when given."""
    contexts = []

    def make(user=None, viewport=DESKTOP):
        context = browser.new_context(viewport=viewport, base_url=live_server.url, locale="nl-NL")
        context.set_default_timeout(15_000)
        if user is not None:
            context.add_cookies([_session_cookie(user, live_server.url)])
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def _session_cookie(user, url):
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": url,
    }


@pytest.fixture
def assert_accessible():
    """assert_accessible(page): axe-core finds no WCAG 2.1 A/AA violation on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        results = axe.run(
            page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
        )
        violations = results.response["violations"]
        details = [
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}" for v in violations
        ]
        assert not violations, f"axe-core violations on {page.url}:\n" + "\n".join(details)
        return results

    return check
