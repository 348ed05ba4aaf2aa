"""Issue 14: the admin's Content-Security-Policy. The browser check is tests/e2e/test_admin_csp.py."""

import pytest

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/", "/admin/images/multiple/add/", "/admin/inzichten/"])
def test_admin_policy_refuses_inline_handlers_and_keeps_the_fences(admin_client, url):
    response = admin_client.get(url)
    assert response.status_code == 200
    policy = directives(response)
    # Injected onclick=/onerror= attributes never run in the admin (Wagtail 8 uses none).
    assert policy["script-src-attr"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    # Nothing from another origin, and no eval.
    every_source = {source for sources in policy.values() for source in sources}
    assert every_source <= {"'self'", "'none'", "'unsafe-inline'", "data:", "blob:"}


def test_front_end_policy_still_allows_no_inline_script(employee_client):
    policy = directives(employee_client.get("/zoeken/"))
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy.get("script-src-attr", [])
