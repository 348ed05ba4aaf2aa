"""Every endpoint × every way to be refused: 401 or 403, always the API's JSON error shape."""

import datetime

import pytest
from django.utils import timezone

from tests.api.conftest import Caller, make_request, make_token

pytestmark = pytest.mark.django_db

# (method, path, the scope it needs); {ref} is an ICT request, {page} a live page, {person} a colleague.
ENDPOINTS = [
    ("get", "/api/v1/requests", "requests:read"),
    ("get", "/api/v1/requests/{ref}", "requests:read"),
    ("get", "/api/v1/requests/{ref}/attachments/1", "requests:read"),
    ("post", "/api/v1/requests/{ref}/responses", "requests:write:ICT"),
    ("put", "/api/v1/requests/{ref}/external-ticket", "requests:write:ICT"),
    ("get", "/api/v1/news", "news:read"),
    ("get", "/api/v1/news/{page}", "news:read"),
    ("get", "/api/v1/pages", "news:read"),
    ("get", "/api/v1/pages/{page}", "news:read"),
    ("get", "/api/v1/people", "people:read"),
    ("get", "/api/v1/people/{person}", "people:read"),
    ("get", "/api/v1/archive/2020", "archive:read"),
]
ALL_SCOPES = ["requests:read", "requests:write:ICT", "news:read", "people:read", "archive:read"]
BODIES = {"post": {"reply": "Hoi"}, "put": {"external_ticket": "T-1"}}


def _secret(how, scope, ict):
    if how == "none":
        return None
    if how == "expired":
        return make_token(ALL_SCOPES, [ict], expires_at=timezone.now() - datetime.timedelta(seconds=1))[1]
    token, secret = make_token(ALL_SCOPES if how == "revoked" else [s for s in ALL_SCOPES if s != scope], [ict])
    if how == "revoked":
        token.active = False
        token.save()
    return secret


@pytest.mark.parametrize(("how", "status"), [("none", 401), ("revoked", 401), ("expired", 401), ("no-scope", 403)])
@pytest.mark.parametrize(("method", "path", "scope"), ENDPOINTS, ids=[f"{m} {p}" for m, p, _s in ENDPOINTS])
def test_every_endpoint_refuses_in_the_json_shape(client, employee, ict, method, path, scope, how, status):
    request = make_request(employee, ict)
    url = path.format(ref=request.reference, page=ict.pk, person=employee.person.slug)
    secret = _secret(how, scope, ict)
    if secret is None:
        call = getattr(client, method)
        response = call(url, BODIES.get(method), content_type="application/json")
    else:
        response = getattr(Caller(client, secret), method)(url, BODIES.get(method))
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["status"] == status and body["detail"] and body["detail_en"] and body["detail"] != body["detail_en"]
    if status == 401:
        assert response["WWW-Authenticate"].startswith("Bearer")
    request.refresh_from_db()
    assert request.version == 1 and request.external_ticket == "" and not request.replies.exists()


@pytest.mark.parametrize("scopes", [["requests:read"], ["requests:write:ICT"]])
def test_a_token_that_may_not_write_learns_nothing_about_its_body(client, employee, ict, scopes):
    """The scope check comes before the body and If-Match are read: 403, never a 400 naming a field."""
    url = f"/api/v1/requests/{make_request(employee, ict).reference}"
    caller = Caller(client, make_token(scopes, [ict])[1])
    for response in (
        caller.post(f"{url}/responses", {"status": "klaar", "version": "drie"}),
        caller.put(f"{url}/external-ticket", {}, HTTP_IF_MATCH="versie"),
        caller.put("/api/v1/requests/ICT-0000-99999/external-ticket", {"external_ticket": "x" * 65}),
    ):
        assert response.status_code == 403 and "errors" not in response.json()
