import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db
PROJECT = Path(__file__).resolve().parents[2]


def _csp(response):
    return dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";") if part.strip())


def test_front_end_allows_no_inline_script(employee_client):
    response = employee_client.get("/")
    policy = _csp(response)
    assert policy["script-src"] == "'self'"
    assert "unsafe-inline" not in policy["style-src"]
    assert "'nonce-" in policy["style-src"]
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"
    # The one inline style block carries the nonce of this very response.
    nonce = policy["style-src"].split("'nonce-")[1].split("'")[0]
    assert f'<style nonce="{nonce}">' in response.content.decode()


def test_front_end_pages_contain_no_inline_script(employee_client, client):
    for response in (employee_client.get("/"), employee_client.get("/zoeken/?q=x"), client.get("/inloggen/")):
        html = response.content.decode()
        assert "<script>" not in html
        assert " onclick=" not in html
        assert " style=" not in html


def test_admin_gets_its_own_policy(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    policy = _csp(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["default-src"] == "'self'"
    assert "http" not in response["Content-Security-Policy"]  # still nothing from other origins


def test_security_headers(employee_client):
    response = employee_client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_no_request_leaves_the_intranet(employee_client, admin_client):
    for html in (employee_client.get("/").content.decode(), admin_client.get("/admin/").content.decode()):
        for outside in ("gravatar.com", "googleapis", "cdn.", "unpkg", "jsdelivr", "releases.wagtail.org"):
            assert outside not in html


def test_csrf_is_enforced(employee):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(employee)
    assert strict.post("/uitloggen/").status_code == 403


def _clean_environment():
    # The browser tests relax Django's async guard for this process; a deployment never does.
    return {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}


def _run_manage(*args, **env):
    environment = {**_clean_environment(), **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT, env=environment, capture_output=True, text=True, timeout=300
    )


def test_production_settings_pass_check_deploy():
    result = _run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="intranet.settings.production",
        SECRET_KEY="a-long-random-test-secret-key-that-is-only-used-for-this-check-0123456789",
        REDIS_URL="redis://127.0.0.1:6379/0",  # production shares its cache between processes (plein.W001)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    environment = {k: v for k, v in _clean_environment().items() if k != "SECRET_KEY"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=PROJECT,
        env={**environment, "DJANGO_SETTINGS_MODULE": "intranet.settings.production"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_are_strict():
    result = _run_manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_SSL_REDIRECT, s.WAGTAIL_ENABLE_UPDATE_CHECK, "
        "s.WAGTAIL_GRAVATAR_PROVIDER_URL)",
        DJANGO_SETTINGS_MODULE="intranet.settings.production",
        SECRET_KEY="a-long-random-test-secret-key-that-is-only-used-for-this-check-0123456789",
    )
    assert result.stdout.strip().splitlines()[-1] == "False True True True True False None"


def test_admin_link_only_for_people_who_may_use_the_admin(employee_client, employee, superuser):
    from django.contrib.auth.models import Group
    from django.core.cache import cache
    from django.test import Client

    assert "/admin/" not in employee_client.get("/").content.decode()
    admin_client = Client()
    admin_client.force_login(superuser)
    assert 'href="/admin/"' in admin_client.get("/").content.decode()
    employee.groups.add(Group.objects.get(name="Moderators"))  # Wagtail's default group may use the admin
    stamp = int(employee.last_login.timestamp())
    cache.delete(f"plein:shown-perm:wagtailadmin.access_admin:{employee.pk}:{stamp}")  # shown 5 minutes late
    assert 'href="/admin/"' in employee_client.get("/").content.decode()
