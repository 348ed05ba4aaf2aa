"""The archive export for the document management system (Archiefwet): one ZIP per period (docs/api.md).

Closed requests of the token's departments (done in the period) with answers, replies and attachments,
and the content of open teams archived in the period. Closed and private teams' timelines are for
their members only and are never exported here. The package is built the same way every time (sorted
entries, fixed timestamps, no generation time), so fetching a finished period again gives the same
bytes and the same ETag; a period that has not ended yet is refused.
"""

import calendar
import datetime
import hashlib
import json
import re
import tempfile
import zipfile

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch
from django.http import FileResponse, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment
from ninja import Router

from api.auth import require, token_only
from api.errors import ApiError, binary, documented
from directregelen.models import Request, RequestReply
from intranet import throttle
from intranet.media_headers import safe_download_name
from teams.models import Kind, TeamPage, TeamPost

router = Router(auth=token_only, tags=["archive"])

FORMAT = "plein-archive"
FORMAT_VERSION = 1
FIRST_YEAR = 1980  # ZIP timestamps start in 1980 (and nothing in Plein is older)
PERIOD = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def period_bounds(period):
    """ "2026" or "2026-11" → (start, end) as aware datetimes in local time; None when malformed."""
    match = PERIOD.match(period or "")
    if not match:
        return None
    year, month = int(match.group(1)), match.group(2)
    if not FIRST_YEAR <= year <= 9998 or (month is not None and not 1 <= int(month) <= 12):
        return None  # the year 9999 has no end in datetime; a ZIP cannot date its entries before 1980
    tz = timezone.get_current_timezone()
    if month is None:
        start, end = datetime.datetime(year, 1, 1), datetime.datetime(year + 1, 1, 1)
    else:
        month = int(month)
        start = datetime.datetime(year, month, 1)
        end = start + datetime.timedelta(days=calendar.monthrange(year, month)[1])
    return start.replace(tzinfo=tz), end.replace(tzinfo=tz)


def _iso(value):
    return value.isoformat() if value else None


def _name(user):
    if user is None:
        return None
    person = getattr(user, "person", None)
    return person.full_name if person is not None else user.get_username()


def closed_requests(token, start, end):
    return (
        Request.objects.filter(
            department__in=token.department_ids(), status=Request.Status.DONE, done_at__gte=start, done_at__lt=end
        )
        .select_related("department", "requester__person")
        .prefetch_related(
            Prefetch("replies", queryset=RequestReply.objects.order_by("created_at", "pk")), "attachments"
        )
        .order_by("reference")
    )


def _request_records(token, start, end):
    records, files = [], []
    for item in closed_requests(token, start, end):
        attachments = []
        for attachment in item.attachments.all():
            name = safe_download_name(attachment.original_name, attachment.file.name)
            path = f"files/requests/{item.reference}/{attachment.pk}-{name}"
            attachments.append({"id": attachment.pk, "name": attachment.original_name, "file": path})
            files.append((path, attachment.file))
        records.append(
            {
                "reference": item.reference,
                "department": item.department.reference_prefix if item.department else None,
                "title": item.title,
                "requester": _name(item.requester),
                "answers": item.data,
                "external_ticket": item.external_ticket,
                "submitted_at": _iso(item.submitted_at),
                "done_at": _iso(item.done_at),
                "replies": [
                    {"body": r.body, "new_status": r.new_status, "at": _iso(r.created_at)} for r in item.replies.all()
                ],
                "attachments": attachments,
            }
        )
    return records, files


def archived_open_teams(start, end):
    return TeamPage.objects.filter(kind=Kind.OPEN, archived_at__gte=start, archived_at__lt=end).order_by("pk")


def _team_records(start, end):
    teams = list(archived_open_teams(start, end))
    posts = list(
        TeamPost.objects.filter(team__in=teams).select_related("author__person").order_by("team_id", "created_at", "pk")
    )
    comments = {}
    post_type = ContentType.objects.get_for_model(TeamPost)
    rows = XtdComment.objects.filter(
        content_type=post_type, object_pk__in=[str(p.pk) for p in posts], is_public=True, is_removed=False
    ).select_related("user__person")
    for comment in rows.order_by("submit_date", "pk"):
        comments.setdefault(comment.object_pk, []).append(
            {
                "author": _name(comment.user) or comment.user_name,
                "text": comment.comment,
                "at": _iso(comment.submit_date),
            }
        )
    records, files, by_team = [], [], {}
    for post in posts:
        record = {
            "id": post.pk,
            "author": _name(post.author),
            "text": post.text,
            "link": post.link,
            "question": post.is_question,
            "created_at": _iso(post.created_at),
            "comments": comments.get(str(post.pk), []),
            "files": [],
        }
        for field in (post.image, post.document):
            if field:
                path = f"files/teams/{post.team_id}/{post.pk}-{field.name.rsplit('/', 1)[-1]}"
                record["files"].append(path)
                files.append((path, field))
        by_team.setdefault(post.team_id, []).append(record)
    for team in teams:
        records.append(
            {
                "id": team.pk,
                "title": team.title,
                "description": team.description,
                "archived_at": _iso(team.archived_at),
                "posts": by_team.get(team.pk, []),
            }
        )
    return records, files


def build(token, period):
    """(a temporary file with the ZIP, its SHA-256): the same bytes for the same period and data."""
    start, end = period_bounds(period)
    requests, request_files = _request_records(token, start, end)
    teams, team_files = _team_records(start, end)
    stamp = (start.year, start.month, start.day, 0, 0, 0)
    spool = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)
    listed = []
    with zipfile.ZipFile(spool, "w", zipfile.ZIP_DEFLATED) as package:
        for path, stored in sorted(request_files + team_files, key=lambda pair: pair[0]):
            with stored.open("rb") as handle:
                data = handle.read()
            package.writestr(zipfile.ZipInfo(path, date_time=stamp), data, zipfile.ZIP_DEFLATED)
            listed.append({"path": path, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "period": {"name": period, "start": _iso(start), "end": _iso(end)},
            "departments": sorted(token.departments.values_list("reference_prefix", flat=True)),
            "requests": requests,
            "teams": teams,
            "files": listed,
        }
        text = json.dumps(manifest, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1, sort_keys=True)
        package.writestr(zipfile.ZipInfo("manifest.json", date_time=stamp), text.encode(), zipfile.ZIP_DEFLATED)
    spool.seek(0)
    digest = hashlib.sha256()
    for chunk in iter(lambda: spool.read(65536), b""):
        digest.update(chunk)
    spool.seek(0)
    return spool, digest.hexdigest()


@router.get(
    "/archive/{period}",
    response=documented(None, 400, 403),
    openapi_extra=binary("application/zip", "The archive package"),
    summary="The archive package (ZIP) of a finished month or year",
)
def export(request, period: str):
    """`period`: `2026` or `2026-11`. The ZIP holds `manifest.json` and `files/…` (docs/api.md)."""
    require(request, "archive:read")
    bounds = period_bounds(period)
    if bounds is None:
        raise ApiError(400, errors={"period": [_("Use a year (2026) or a month (2026-11), from 1980 on.")]})
    if bounds[1] > timezone.now():
        raise ApiError(400, errors={"period": [_("This period has not ended yet; its package could still change.")]})
    # Each package is built in memory and on disk: its own, lower limit per token (429).
    throttle.hit(request.auth, "api_archive")
    spool, etag = build(request.auth, period)
    if request.headers.get("If-None-Match", "").strip('"') == etag:
        spool.close()
        response = HttpResponse(status=304)
    else:
        response = FileResponse(spool, content_type="application/zip", as_attachment=True)
        response["Content-Disposition"] = f'attachment; filename="plein-archief-{period}.zip"'
    response["ETag"] = f'"{etag}"'
    response["Cache-Control"] = "private, no-store"
    return response
