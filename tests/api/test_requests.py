"""Direct regelen requests through the API: the token's departments only, the admin's services, versions."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from directregelen.models import Request
from directregelen.services import respond
from tests.api.conftest import Caller, count_queries, make_request, make_token
from tests.directregelen.conftest import photo

pytestmark = pytest.mark.django_db


def test_list_shows_only_the_tokens_departments(ict_api, employee, ict, po):
    mine = make_request(employee, ict)
    theirs = make_request(employee, po, title="Verlof")
    body = ict_api.get("/api/v1/requests").json()
    references = [item["reference"] for item in body["results"]]
    assert references == [mine.reference]
    assert theirs.reference not in str(body)
    item = body["results"][0]
    assert item["department"] == "ICT" and item["status"] == "ontvangen" and item["version"] == 1
    assert item["answers"] == [{"name": "omschrijving", "label": "Omschrijving", "value": "Aanvraag 1"}]
    assert item["requester"]["email"] == employee.email


def test_another_departments_request_is_404_for_read_and_write(ict_api, employee, po):
    theirs = make_request(employee, po)
    assert ict_api.get(f"/api/v1/requests/{theirs.reference}").status_code == 404
    response = ict_api.post(f"/api/v1/requests/{theirs.reference}/responses", {"status": "afgerond"})
    assert response.status_code == 404
    assert (
        ict_api.put(f"/api/v1/requests/{theirs.reference}/external-ticket", {"external_ticket": "T1"}).status_code
        == 404
    )
    theirs.refresh_from_db()
    assert theirs.status == "ontvangen" and theirs.external_ticket == ""


def test_filters_status_and_since(ict_api, employee, ict):
    old = make_request(employee, ict, submitted_at=timezone.now() - datetime.timedelta(days=3))
    new = make_request(employee, ict)
    Request.objects.filter(pk=old.pk).update(status="afgerond")
    done = ict_api.get("/api/v1/requests", {"status": "afgerond"}).json()["results"]
    assert [r["reference"] for r in done] == [old.reference]
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    recent = ict_api.get("/api/v1/requests", {"since": since}).json()["results"]
    assert [r["reference"] for r in recent] == [new.reference]


def test_bad_filters_are_400_with_field_errors(ict_api):
    response = ict_api.get("/api/v1/requests", {"status": "weg", "since": "gisteren"})
    assert response.status_code == 400
    body = response.json()
    assert set(body["errors"]) >= {"status", "since"}
    assert body["detail"] and body["detail_en"]


def test_cursor_pagination_walks_every_request_once(ict_api, employee, ict):
    made = [make_request(employee, ict).reference for _ in range(5)]
    seen, url = [], "/api/v1/requests?page_size=2"
    while url:
        body = ict_api.get(url).json()
        seen += [r["reference"] for r in body["results"]]
        url = body["next"]
    assert sorted(seen) == sorted(made) and len(seen) == 5


def test_respond_uses_the_admins_service_and_the_employee_sees_it(
    ict_api, client, employee, ict, django_capture_on_commit_callbacks
):
    request = make_request(employee, ict)
    with django_capture_on_commit_callbacks(execute=True):
        response = ict_api.post(
            f"/api/v1/requests/{request.reference}/responses",
            {"status": "in_behandeling", "reply": "We kijken <morgen>."},
            HTTP_IF_MATCH='"1"',
        )
    assert response.status_code == 200, response.content
    assert response["ETag"] == '"2"'
    assert response.json()["status"] == "in_behandeling"
    assert response.json()["replies"][0]["by_integration"] is True
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [employee.email]
    assert "We kijken <morgen>." in mail.outbox[0].body
    client.force_login(employee)
    html = client.get(f"/aanvragen/{request.reference}/").content.decode()
    assert "In behandeling" in html and "We kijken &lt;morgen&gt;." in html


def test_a_stale_version_is_409_and_changes_nothing(ict_api, employee, ict, ict_staff):
    request = make_request(employee, ict)
    respond(ict_staff, request, status="in_behandeling")  # someone in the admin was first: version 2
    response = ict_api.post(
        f"/api/v1/requests/{request.reference}/responses", {"status": "afgerond"}, HTTP_IF_MATCH='"1"'
    )
    assert response.status_code == 409
    assert response["ETag"] == '"2"'
    assert response.json()["detail_en"].startswith("The request was changed")
    # The version in the body works the same way.
    assert (
        ict_api.post(
            f"/api/v1/requests/{request.reference}/responses", {"status": "afgerond", "version": 1}
        ).status_code
        == 409
    )
    request.refresh_from_db()
    assert request.status == "in_behandeling" and request.replies.count() == 1
    ok = ict_api.post(f"/api/v1/requests/{request.reference}/responses", {"status": "afgerond"}, HTTP_IF_MATCH='W/"2"')
    assert ok.status_code == 200 and ok.json()["version"] == 3


def test_an_empty_response_is_400_with_the_services_field_error(ict_api, employee, ict):
    request = make_request(employee, ict)
    response = ict_api.post(f"/api/v1/requests/{request.reference}/responses", {"reply": "  "})
    assert response.status_code == 400
    assert "body" in response.json()["errors"]
    bad = ict_api.post(f"/api/v1/requests/{request.reference}/responses", {"status": "klaar"})
    assert bad.status_code == 400 and "status" in bad.json()["errors"]
    assert (
        ict_api.post(
            f"/api/v1/requests/{request.reference}/responses", {"reply": "x"}, HTTP_IF_MATCH="twee"
        ).status_code
        == 400
    )


def test_external_ticket_number(ict_api, employee, ict):
    request = make_request(employee, ict)
    response = ict_api.put(f"/api/v1/requests/{request.reference}/external-ticket", {"external_ticket": "I2612-0042"})
    assert response.status_code == 200
    assert response.json()["external_ticket"] == "I2612-0042" and response.json()["version"] == 2
    request.refresh_from_db()
    assert request.external_ticket == "I2612-0042"
    too_long = ict_api.put(f"/api/v1/requests/{request.reference}/external-ticket", {"external_ticket": "x" * 65})
    assert too_long.status_code == 400 and "external_ticket" in too_long.json()["errors"]


def test_read_only_token_cannot_write(client, employee, ict):
    request = make_request(employee, ict)
    caller = Caller(client, make_token(["requests:read"], [ict])[1])
    assert caller.get(f"/api/v1/requests/{request.reference}").status_code == 200
    assert caller.post(f"/api/v1/requests/{request.reference}/responses", {"reply": "x"}).status_code == 403
    assert (
        caller.put(f"/api/v1/requests/{request.reference}/external-ticket", {"external_ticket": "x"}).status_code == 403
    )


def test_attachment_download_within_scope(ict_api, client, employee, ict, po):
    from directregelen.models import RequestAttachment

    request = make_request(employee, ict)
    attachment = RequestAttachment.objects.create(
        request=request, field_name="foto", file=photo(), original_name="foto.png", content_type="image/png", size=72
    )
    response = ict_api.get(f"/api/v1/requests/{request.reference}/attachments/{attachment.pk}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert ict_api.get(f"/api/v1/requests/{request.reference}/attachments/{attachment.pk + 1}").status_code == 404
    other = make_request(employee, po)
    assert ict_api.get(f"/api/v1/requests/{other.reference}/attachments/{attachment.pk}").status_code == 404


def test_list_query_count_is_fixed(ict_api, employee, ict, ict_staff):
    from directregelen.models import RequestAttachment

    def add(n):
        for _ in range(n):
            request = make_request(employee, ict)
            respond(ict_staff, request, body="Antwoord")
            RequestAttachment.objects.create(
                request=request,
                field_name="foto",
                file=photo(),
                original_name="f.png",
                content_type="image/png",
                size=72,
            )

    add(1)
    few = count_queries(ict_api, "/api/v1/requests")
    add(12)
    assert count_queries(ict_api, "/api/v1/requests") == few


def test_replies_through_the_api_have_their_own_limit_per_token(ict_api, employee, ict, settings):
    """Each answer mails the employee: a runaway integration is stopped at 429 before it floods them."""
    settings.THROTTLE_LIMITS = {**settings.THROTTLE_LIMITS, "api_request_reply": {"minute": 2, "hour": 2}}
    request = make_request(employee, ict)
    answers = [
        ict_api.post(f"/api/v1/requests/{request.reference}/responses", {"reply": f"Antwoord {n}"}).status_code
        for n in range(3)
    ]
    assert answers == [200, 200, 429]
    assert request.replies.count() == 2


@pytest.mark.parametrize(
    ("sent_as", "served_as", "disposition"),
    [("x.html", "application/octet-stream", "attachment"), ("x.jpg", "image/jpeg", "inline")],
)
def test_a_polyglot_attachment_is_never_served_as_a_page(ict_api, employee, ict, sent_as, served_as, disposition):
    """A file that is both a real JPEG and a web page, stored under a random name: the API serves it with
    the type of its stored name from the allow-list, nosniff and a sandbox, never as HTML."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from directregelen.models import RequestAttachment
    from tests.security.test_uploads import SANDBOX, polyglot

    request = make_request(employee, ict)
    attachment = RequestAttachment.objects.create(
        request=request,
        field_name="foto",
        file=SimpleUploadedFile(sent_as, polyglot(), content_type="text/html"),
        original_name=sent_as,
        content_type="image/jpeg",
        size=len(polyglot()),
    )
    assert re.fullmatch(r"aanvragen/\d{4}/\d{2}/[0-9a-f]{32}\.\w+", attachment.file.name)
    response = ict_api.get(f"/api/v1/requests/{request.reference}/attachments/{attachment.pk}")
    assert response.status_code == 200
    assert response["Content-Type"] == served_as and "html" not in response["Content-Type"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith(SANDBOX)
    assert response["Content-Disposition"].startswith(disposition)


@pytest.mark.parametrize(
    "scopes", [["news:read"], ["requests:read"], ["requests:write:ICT"]], ids=["other", "read-only", "write-only"]
)
@pytest.mark.parametrize("method", ["post", "put"])
def test_writes_need_a_write_scope_and_requests_read_before_any_lookup(api_client, employee, ict, scopes, method):
    """403 for an existing and an unknown reference alike: no probing which references exist, and no
    request body (answers, the requester's e-mail) for a token that may not read requests."""
    request = make_request(employee, ict)
    caller = api_client(scopes, [ict])
    tail = "responses" if method == "post" else "external-ticket"
    body = {"reply": "Hoi"} if method == "post" else {"external_ticket": "T-1"}
    for reference in (request.reference, "ICT-0000-99999"):
        response = getattr(caller, method)(f"/api/v1/requests/{reference}/{tail}", body)
        assert response.status_code == 403, reference
        assert "requester" not in response.json()
    request.refresh_from_db()
    assert request.version == 1 and request.external_ticket == ""


def test_refused_replies_do_not_spend_the_reply_limit(api_client, employee, ict, po, settings):
    settings.THROTTLE_LIMITS = {**settings.THROTTLE_LIMITS, "api_request_reply": {"minute": 1, "hour": 1}}
    caller = api_client(["requests:read", "requests:write:ICT"], [ict, po])
    other, mine = make_request(employee, po), make_request(employee, ict)
    # A department it may read but not write (403) and an unknown reference (404) …
    assert caller.post(f"/api/v1/requests/{other.reference}/responses", {"reply": "x"}).status_code == 403
    assert caller.post("/api/v1/requests/ICT-0000-99999/responses", {"reply": "x"}).status_code == 404
    # … leave the token its one reply.
    assert caller.post(f"/api/v1/requests/{mine.reference}/responses", {"reply": "Antwoord"}).status_code == 200
    assert caller.post(f"/api/v1/requests/{mine.reference}/responses", {"reply": "Nog een"}).status_code == 429
