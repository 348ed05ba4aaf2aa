"""Direct regelen requests for a department's own system: list, read, respond, external ticket number.

Every lookup is limited to the token's departments first, so another department's request is a 404,
like a request that does not exist. Changes go through directregelen.services, as the admin's do:
the same checks, the same notification to the employee, the same version bump.
"""

import datetime
from typing import Literal

from django.db.models import Prefetch
from django.http import FileResponse, HttpResponse
from django.utils.translation import gettext_lazy as _
from ninja import Field, Router, Schema
from ninja.pagination import CursorPagination, paginate

from api.auth import TokenAuth, require, token_only
from api.errors import ApiError, binary, documented, first_or_404
from directregelen import services
from directregelen.models import Request, RequestReply
from intranet import throttle
from intranet.media_headers import secure_file_response

router = Router(auth=token_only, tags=["requests"])

Status = Literal["ontvangen", "in_behandeling", "afgerond"]


class Answer(Schema):
    name: str = ""
    label: str
    value: str | int | float | bool | None = None


class Requester(Schema):
    name: str
    email: str


class Reply(Schema):
    body: str
    new_status: str
    created_at: datetime.datetime
    by_integration: bool


class Attachment(Schema):
    id: int
    name: str
    content_type: str
    size: int


class RequestOut(Schema):
    reference: str
    title: str
    department: str | None = Field(None, description="The department's reference prefix, e.g. ICT.")
    status: Status
    version: int = Field(description="Send it back in If-Match (or `version`) to refuse lost updates.")
    external_ticket: str
    submitted_at: datetime.datetime
    first_response_at: datetime.datetime | None
    done_at: datetime.datetime | None
    requester: Requester | None
    answers: list[Answer]
    replies: list[Reply]
    attachments: list[Attachment]

    @staticmethod
    def resolve_department(obj):
        return obj.department.reference_prefix if obj.department_id else None

    @staticmethod
    def resolve_requester(obj):
        user = obj.requester
        if user is None:
            return None
        person = getattr(user, "person", None)
        return {"name": person.full_name if person else user.get_username(), "email": user.email}

    @staticmethod
    def resolve_answers(obj):
        return [answer for answer in obj.data if isinstance(answer, dict)]

    @staticmethod
    def resolve_replies(obj):
        return [
            {
                "body": r.body,
                "new_status": r.new_status,
                "created_at": r.created_at,
                "by_integration": r.author_id is None,
            }
            for r in obj.replies.all()
        ]

    @staticmethod
    def resolve_attachments(obj):
        return [
            {"id": a.pk, "name": a.original_name, "content_type": a.content_type, "size": a.size}
            for a in obj.attachments.all()
        ]


class RespondIn(Schema):
    status: Status | None = Field(None, description="The new status; leave out to only reply.")
    reply: str = Field("", max_length=5000, description="Sent to the employee, shown under Mijn aanvragen.")
    version: int | None = Field(None, description="The version you read; the If-Match header does the same.")


class TicketIn(Schema):
    external_ticket: str = Field(max_length=64)
    version: int | None = None


def in_scope(token):
    """The token's departments' requests, with everything RequestOut reads: a fixed number of queries."""
    return (
        Request.objects.filter(department__in=token.department_ids())
        .select_related("department", "requester__person")
        .prefetch_related(
            Prefetch("replies", queryset=RequestReply.objects.order_by("created_at", "pk")), "attachments"
        )
    )


def _one(request, reference):
    return first_or_404(in_scope(request.auth).filter(reference=reference))


def _with_etag(response, item):
    response["ETag"] = f'"{item.version}"'
    return item


def expected_version(request, body_version):
    """The version the caller read: If-Match ("3", W/"3" or 3) or the body's `version`; None when neither."""
    header = request.headers.get("If-Match", "").strip()
    if header and header != "*":
        value = header.removeprefix("W/").strip('"')
        if not value.isdigit():
            raise ApiError(400, errors={"If-Match": [_('Send the version number you read, e.g. "3".')]})
        return int(value)
    return body_version


def _may_write_somewhere(token):
    """Before the body is read and any lookup (TokenAuth's check), so a token that may not write learns
    nothing: not whether its body or If-Match is valid (400), nor which references exist (404).

    The answer is the whole request (answers, the requester's e-mail), so writing needs requests:read too."""
    if not any(scope.startswith("requests:write:") for scope in token.scope_set):
        missing = "requests:write:…"
    elif "requests:read" not in token.scope_set:
        missing = "requests:read"
    else:
        return
    raise ApiError(403, _("This token may not do this: it lacks the scope %(scope)s."), params={"scope": missing})


write_auth = [TokenAuth(check=_may_write_somewhere)]


def _write(request, reference, action):
    item = _one(request, reference)
    if not request.auth.handles(item.department):
        raise ApiError(403, _("This token may not change this department's requests."))
    try:
        action(item)
    except services.VersionConflict as conflict:
        raise ApiError(409, headers={"ETag": f'"{conflict.current}"'}) from conflict
    return _one(request, reference)


@router.get(
    "/requests", response=documented(list[RequestOut], 400, 403), summary="List the requests of the token's departments"
)
@paginate(CursorPagination, ordering=("-pk",), page_size=50, max_page_size=200)
def list_requests(
    request,
    status: Status | None = None,
    since: datetime.datetime | None = None,
    department: str | None = None,
):
    """Newest first. `since`: submitted at or after (ISO 8601); `department`: a reference prefix."""
    require(request, "requests:read")
    queryset = in_scope(request.auth)
    if status:
        queryset = queryset.filter(status=status)
    if since:
        queryset = queryset.filter(submitted_at__gte=since)
    if department:
        queryset = queryset.filter(department__reference_prefix=department.upper())
    return queryset


@router.get("/requests/{reference}", response=documented(RequestOut, 403, 404), summary="Read one request")
def read_request(request, reference: str, response: HttpResponse):
    require(request, "requests:read")
    return _with_etag(response, _one(request, reference))


@router.post(
    "/requests/{reference}/responses",
    response=documented(RequestOut, 400, 403, 404, 409),
    summary="Change the status and/or reply",
    auth=write_auth,
)
def respond(request, reference: str, payload: RespondIn, response: HttpResponse):
    """As the admin's queue does: the employee is notified by mail and sees it under Mijn aanvragen."""
    version = expected_version(request, payload.version)

    def answer(item):
        # Each answer mails the employee: its own limit per token, below the API's general one (429).
        # Counted only once the token may write here, so refused calls do not spend it.
        throttle.hit(request.auth, "api_request_reply")
        services.respond(request.auth, item, status=payload.status or "", body=payload.reply, expected_version=version)

    return _with_etag(response, _write(request, reference, answer))


@router.put(
    "/requests/{reference}/external-ticket",
    response=documented(RequestOut, 400, 403, 404, 409),
    summary="Set the external ticket number",
    auth=write_auth,
)
def set_external_ticket(request, reference: str, payload: TicketIn, response: HttpResponse):
    version = expected_version(request, payload.version)
    item = _write(
        request,
        reference,
        lambda item: services.set_external_ticket(
            request.auth, item, payload.external_ticket, expected_version=version
        ),
    )
    return _with_etag(response, item)


@router.get(
    "/requests/{reference}/attachments/{attachment_id}",
    response=documented(None, 403, 404),
    openapi_extra=binary("application/octet-stream", "The file as sent"),
    summary="Download an attachment",
)
def attachment(request, reference: str, attachment_id: int):
    require(request, "requests:read")
    item = _one(request, reference)
    found = next((a for a in item.attachments.all() if a.pk == attachment_id), None)
    if found is None:
        raise ApiError(404)
    response = FileResponse(found.file.open("rb"))
    response["Cache-Control"] = "private, no-store"
    return secure_file_response(response, found.file.name, found.original_name)
