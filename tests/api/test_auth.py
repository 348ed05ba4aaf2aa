"""Tokens: hashed, shown once, revocable, expiring, scoped; the login wall lets only API views through."""

import datetime

import pytest
from django.utils import timezone

from api import tokens
from api.models import ApiCall, ApiToken
from tests.api.conftest import Caller, make_request, make_token

pytestmark = pytest.mark.django_db

ENDPOINTS = ["/api/v1/requests", "/api/v1/news", "/api/v1/pages", "/api/v1/people", "/api/v1/archive/2020-01"]


def test_the_secret_is_stored_only_as_a_hash(ict):
    token, secret = make_token(["requests:read"], [ict])
    stored = ApiToken.objects.get(pk=token.pk)
    assert secret.startswith(f"plein_{stored.prefix}_")
    assert secret not in {stored.secret_hash, stored.prefix, stored.scopes}
    assert stored.secret_hash == tokens.digest(secret)
    assert tokens.lookup(secret) == stored
    assert tokens.lookup(secret[:-1] + ("x" if secret[-1] != "x" else "y")) is None
    assert tokens.lookup("") is None and tokens.lookup("plein_zz_zz") is None


@pytest.mark.parametrize("path", ENDPOINTS)
def test_no_token_is_401_json_with_both_languages(client, path):
    response = client.get(path)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["status"] == 401
    assert body["detail"] != body["detail_en"]
    assert "token" in body["detail_en"].lower()
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("path", ENDPOINTS)
def test_a_wrong_token_is_401(client, path):
    assert Caller(client, "plein_deadbeef_nope").get(path).status_code == 401


def test_revoked_and_expired_tokens_are_401(client, ict):
    revoked, revoked_secret = make_token(["requests:read"], [ict])
    revoked.active = False
    revoked.save()
    assert revoked.revoked_at is not None
    revoked.active = True
    revoked.save()  # a revoked token stays revoked
    assert ApiToken.objects.get(pk=revoked.pk).active is False
    _expired, expired_secret = make_token(
        ["requests:read"], [ict], expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    for secret in (revoked_secret, expired_secret):
        assert Caller(client, secret).get("/api/v1/requests").status_code == 401


def test_a_missing_scope_is_403_for_every_endpoint(client, ict):
    _token, secret = make_token(["requests:write:ICT"], [ict])
    caller = Caller(client, secret)
    for path in ENDPOINTS:
        response = caller.get(path)
        assert response.status_code == 403, path
        assert response.json()["detail_en"].startswith("This token may not do this")


def test_write_without_the_departments_write_scope_is_403(client, employee, ict):
    request = make_request(employee, ict)
    _token, secret = make_token(["requests:read", "requests:write:PO"], [ict])
    response = Caller(client, secret).post(f"/api/v1/requests/{request.reference}/responses", {"reply": "Hoi"})
    assert response.status_code == 403
    request.refresh_from_db()
    assert request.version == 1 and not request.replies.exists()


def test_a_token_opens_no_other_url(client, ict_token):
    caller = Caller(client, ict_token[1])
    for path in ("/aanvragen/", "/admin/", "/zoeken/?q=x", "/api/v1/docs", "/api/v1/openapi.json"):
        response = caller.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/inloggen/"), path


def test_a_session_opens_only_the_read_endpoints_employees_see(employee_client, ict):
    assert employee_client.get("/api/v1/news").status_code == 200
    assert employee_client.get("/api/v1/people").status_code == 200
    assert employee_client.get("/api/v1/pages").status_code == 200
    assert employee_client.get("/api/v1/requests").status_code == 401
    assert employee_client.get("/api/v1/archive/2020-01").status_code == 401


def test_a_session_never_writes_even_with_a_csrf_token(client, superuser, employee, ict):
    request = make_request(employee, ict)
    client.force_login(superuser)
    url = f"/api/v1/requests/{request.reference}/responses"
    assert client.post(url, {"reply": "x"}, content_type="application/json").status_code == 401
    request.refresh_from_db()
    assert not request.replies.exists()


def test_docs_and_schema_need_login(client, employee):
    assert client.get("/api/v1/docs")["Location"].startswith("/inloggen/")
    assert client.get("/api/v1/openapi.json")["Location"].startswith("/inloggen/")
    client.force_login(employee)
    employee_client = client
    docs = employee_client.get("/api/v1/docs")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html and "cdn" not in html  # nothing leaves the intranet
    assert employee_client.get("/api/v1/openapi.json").json()["info"]["title"] == "Plein API"


def test_every_call_is_logged_without_bodies_and_last_used_is_set(client, ict_token, employee):
    token, secret = ict_token
    request = make_request(employee, ict_token[0].departments.first())
    Caller(client, secret).get(f"/api/v1/requests/{request.reference}")
    Caller(client, secret).get("/api/v1/requests/ICT-0000-99999")
    calls = list(ApiCall.objects.order_by("pk").values("token", "method", "path", "status"))
    assert calls == [
        {"token": token.pk, "method": "GET", "path": f"/api/v1/requests/{request.reference}", "status": 200},
        {"token": token.pk, "method": "GET", "path": "/api/v1/requests/ICT-0000-99999", "status": 404},
    ]
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_rate_limit_per_token_is_429(client, ict_token, settings):
    settings.THROTTLE_LIMITS = {"api": {"minute": 2}}
    caller = Caller(client, ict_token[1])
    assert [caller.get("/api/v1/requests").status_code for _ in range(3)] == [200, 200, 429]
    refused = caller.get("/api/v1/requests")
    body = refused.json()
    assert body["status"] == 429 and body["detail_en"].startswith("Too many calls")
    assert 1 <= int(refused["Retry-After"]) <= 60  # the minute window's rest
    # Another token has its own allowance.
    other = Caller(client, make_token(["news:read"])[1])
    assert other.get("/api/v1/news").status_code == 200


def test_unknown_scopes_are_refused(ict):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        make_token(["requests:delete"], [ict])


def test_pruning_drops_old_calls(ict_token, settings):
    from api.tasks import prune_logs

    old = ApiCall.objects.create(token=ict_token[0], method="GET", path="/x", status=200)
    ApiCall.objects.filter(pk=old.pk).update(at=timezone.now() - datetime.timedelta(days=settings.API_LOG_DAYS + 1))
    new = ApiCall.objects.create(token=ict_token[0], method="GET", path="/y", status=200)
    prune_logs.call()
    assert list(ApiCall.objects.values_list("pk", flat=True)) == [new.pk]


def test_calls_with_a_revoked_or_expired_token_are_logged_as_401(client, ict):
    revoked, revoked_secret = make_token(["requests:read"], [ict])
    revoked.active = False
    revoked.save()
    expired, expired_secret = make_token(
        ["requests:read"], [ict], expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    for secret in (revoked_secret, expired_secret):
        assert Caller(client, secret).get("/api/v1/requests").status_code == 401
    calls = list(ApiCall.objects.order_by("pk").values_list("token", "status"))
    assert calls == [(revoked.pk, 401), (expired.pk, 401)]
    revoked.refresh_from_db()
    assert revoked.last_used_at is None  # a refused call is not a use


def test_retry_after_names_the_longest_full_window(client, ict_token, settings):
    settings.THROTTLE_LIMITS = {"api": {"minute": 1, "hour": 1}}
    caller = Caller(client, ict_token[1])
    assert caller.get("/api/v1/requests").status_code == 200
    refused = caller.get("/api/v1/requests")
    assert refused.status_code == 429 and 3500 < int(refused["Retry-After"]) <= 3600


def test_session_reads_are_rate_limited_per_employee(client, employee, other_employee, settings):
    settings.THROTTLE_LIMITS = {"api": {"minute": 2}}
    client.force_login(employee)
    statuses = [client.get("/api/v1/news").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert client.get("/api/v1/people").json()["status"] == 429
    client.force_login(other_employee)
    assert client.get("/api/v1/news").status_code == 200  # each employee has their own allowance


def _revoked(ict):
    token, secret = make_token(["requests:read", "news:read"], [ict])
    token.active = False
    token.save()
    return token, secret


def test_a_revoked_token_beside_a_session_is_not_logged_as_the_caller(client, employee, ict):
    token, secret = _revoked(ict)
    client.force_login(employee)
    assert Caller(client, secret).get("/api/v1/news").status_code == 200  # the session reads, not the token
    assert Caller(client, secret).get("/api/v1/requests").status_code == 401  # a token-only endpoint
    calls = list(ApiCall.objects.order_by("pk").values_list("token", "user", "status"))
    assert calls == [(None, employee.pk, 200), (token.pk, None, 401)]


def test_a_revoked_token_is_throttled_and_does_not_flood_the_call_log(client, ict, settings):
    settings.THROTTLE_LIMITS = {"api": {"minute": 2}}
    token, secret = _revoked(ict)
    caller = Caller(client, secret)
    assert [caller.get("/api/v1/requests").status_code for _ in range(5)] == [401, 401, 429, 429, 429]
    assert list(ApiCall.objects.values_list("token", "status")) == [(token.pk, 401)] * 2


def test_an_unknown_api_path_is_a_json_404_for_every_method_also_with_csrf_checks(ict_token):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {ict_token[1]}")
    for method in ("post", "put", "delete", "get"):
        response = getattr(strict, method)("/api/v1/bestaat-niet")
        assert response.status_code == 404, method
        assert response.json()["status"] == 404


def test_a_stale_revoked_token_does_not_use_up_the_sessions_reads(client, ict, employee, settings):
    """A browser extension or script still sending an old token beside the employee's session: the
    token's refusals are counted apart, so the session keeps its own allowance."""
    settings.THROTTLE_LIMITS = {"api": {"minute": 3}}
    _token, secret = _revoked(ict)
    stale = [client.get("/api/v1/news", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code for _ in range(4)]
    assert stale == [401, 401, 401, 429]  # the token alone: refused, then limited
    client.force_login(employee)
    statuses = [client.get("/api/v1/news", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code for _ in range(3)]
    assert statuses == [200, 200, 200]  # the session's own three reads
