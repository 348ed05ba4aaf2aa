"""Issue 14: the Wagtail admin works under its Content-Security-Policy without 'unsafe-inline' script.

Every key admin page is opened in Chromium; any script, style or other resource the policy blocks is
reported by the browser as a `securitypolicyviolation` event, which the test collects and fails on.
"""

import pytest
from django.contrib.auth.models import Permission

from news.models import NewsIndexPage, NewsPage
from tests.e2e.test_directregelen_request import ensure_home
from tests.factories import PersonFactory

# Runs in every page before its own scripts (Playwright's init scripts are not subject to the CSP).
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} ` +
        `at ${event.sourceFile}:${event.lineNumber} «${(event.sample || '').slice(0, 80)}»`);
});
"""


@pytest.fixture
def admin_user(transactional_db):
    user = PersonFactory(first_name="Rob", last_name="Kuipers", user__username="beheer").user
    user.is_staff = user.is_superuser = True
    user.save()
    user.user_permissions.add(Permission.objects.get(codename="view_insights"))
    return user


@pytest.fixture
def news_page(transactional_db):
    home = ensure_home()
    index = home.add_child(instance=NewsIndexPage(title="Nieuws", slug="nieuws"))
    page = index.add_child(instance=NewsPage(title="Nieuw beleid", slug="nieuw-beleid", intro="Kort"))
    page.save_revision().publish()
    return page


def open_and_collect(page, url, ready):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(url)
    page.locator(ready).first.wait_for()
    page.wait_for_load_state("networkidle")
    return page.evaluate("window.__cspViolations") + [e for e in errors if "Content Security Policy" in e]


def test_key_admin_pages_run_without_csp_violations(new_page, admin_user, news_page):
    page = new_page(admin_user)
    page.add_init_script(COLLECT_VIOLATIONS)
    checks = {
        "/admin/": "main",
        f"/admin/pages/{news_page.pk}/edit/": "form#page-edit-form",
        f"/admin/pages/add/news/newspage/{news_page.get_parent().pk}/": "form#page-edit-form",
        "/admin/images/multiple/add/": "main",
        "/admin/inzichten/": "main",
        "/admin/inzichten/moderatie/": "main",
        "/admin/users/": "main",
    }
    found = {url: open_and_collect(page, url, ready) for url, ready in checks.items()}
    assert {url: v for url, v in found.items() if v} == {}


def test_inline_boot_scripts_run_but_inline_event_handlers_do_not(new_page, admin_user, news_page):
    """Wagtail's inline boot scripts really run (not just: no error); an injected handler does not."""
    page = new_page(admin_user)
    page.add_init_script(COLLECT_VIOLATIONS)
    violations = open_and_collect(page, f"/admin/pages/{news_page.pk}/edit/", "form#page-edit-form")
    assert violations == []
    # The date/time picker is set up by its inline boot script; an injected inline handler is refused.
    assert page.evaluate("!!window.jQuery('#id_date').data('xdsoft_datetimepicker')")
    page.evaluate(
        "() => { const b = document.createElement('button'); b.id = 'evil';"
        " b.setAttribute('onclick', 'window.__ran = true'); document.body.append(b); }"
    )
    page.evaluate("document.getElementById('evil').click()")
    assert page.evaluate("window.__ran") is None
    assert any("script-src-attr" in violation for violation in page.evaluate("window.__cspViolations"))
