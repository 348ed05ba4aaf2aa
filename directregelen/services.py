"""The actions of Direct regelen: submit a request, work on it, count service use.

Every change goes through here (views, the admin queue, seeds and tests alike), with its permission
check and transaction. Mail is sent after commit and may fail without losing anything.
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from directregelen import signals, tasks
from directregelen.models import (
    DepartmentPage,
    ReferenceCounter,
    Request,
    RequestAttachment,
    RequestReply,
)
from directregelen.uploads import UploadField
from intranet import page_views, throttle
from intranet.jobs import enqueue

logger = logging.getLogger(__name__)

DEFAULT_PREFIX = "DR"


def next_reference(prefix, year):
    """The next free number for prefix and year, e.g. ICT-2026-00042, safe under concurrent submits.

    The UPDATE takes the counter row's lock until the surrounding transaction ends, so two
    submissions can never read the same number; the unique reference is the last guard.
    """
    with transaction.atomic():
        counter, _created = ReferenceCounter.objects.get_or_create(prefix=prefix, year=year)
        ReferenceCounter.objects.filter(pk=counter.pk).update(last_number=F("last_number") + 1)
        counter.refresh_from_db(fields=["last_number"])
    return f"{prefix}-{year}-{counter.last_number:05d}"


def _answers(form):
    """The form's answers as [{"name", "label", "value"}] in form order, with files set apart."""
    answers, files = [], []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if isinstance(field, UploadField):
            if value:
                files.append((name, value))
            value = value.name if value else ""
        elif isinstance(value, list | tuple):
            value = ", ".join(str(item) for item in value)
        elif isinstance(value, bool):
            value = _("Yes") if value else _("No")
        answers.append({"name": name, "label": str(field.label), "value": value})
    return answers, files


def submit_request(user, form_page, form):
    """Store a valid request form as a numbered Request and mail it to its department after commit."""
    if not user or not user.is_authenticated:
        raise PermissionDenied
    department = DepartmentPage.objects.ancestor_of(form_page).first()
    prefix = department.reference_prefix if department else DEFAULT_PREFIX
    answers, files = _answers(form)
    # Every request mails a department: a script must not fill its mailbox.
    throttle.hit(
        user,
        "request",
        message=_("You are sending very many requests. Wait a while and try again; your answers have been kept."),
    )
    now = timezone.now()
    with transaction.atomic():
        request = Request.objects.create(
            reference=next_reference(prefix, timezone.localdate(now).year),
            requester=user,
            department=department,
            form_page=form_page,
            title=form_page.title,
            data=answers,
            submitted_at=now,
        )
        for name, upload in files:
            RequestAttachment.objects.create(
                request=request,
                field_name=name,
                file=upload,
                original_name=upload.name[:255],
                content_type=upload.checked_content_type,
                size=upload.size,
            )
        enqueue(tasks.mail_request_to_department, request.pk)
        signals.request_changed.send(sender=Request, request=request, event=signals.CREATED)
    return request


def _group_ids(user):
    """The user's group ids, remembered on the user object so a queue listing asks only once."""
    if not hasattr(user, "_directregelen_group_ids"):
        user._directregelen_group_ids = set(user.groups.values_list("pk", flat=True))
    return user._directregelen_group_ids


class VersionConflict(Exception):
    """The request changed since the caller read it (the API's If-Match): nothing was saved."""

    def __init__(self, current):
        super().__init__(f"request is at version {current}")
        self.current = current


def can_handle(user, department):
    """Department staff (its editor and lead editor groups) and superusers work a department's queue.

    An integration (an API token, `is_integration`) works the departments its scope names, no others."""
    if getattr(user, "is_integration", False):
        return department is not None and user.handles(department)
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if department is None:
        return False
    return bool({department.editors_group_id, department.lead_editors_group_id} & _group_ids(user))


def handled_departments(user):
    """The departments whose queue the user works."""
    departments = DepartmentPage.objects.all()
    if user.is_superuser:
        return departments
    group_ids = _group_ids(user)
    return departments.filter(editors_group__in=group_ids) | departments.filter(lead_editors_group__in=group_ids)


def can_view(user, request):
    """The requester and the department's staff; nobody else learns the request exists."""
    if user.is_authenticated and request.requester_id == user.pk:
        return True
    return can_handle(user, request.department)


def _lock_for(actor, request, expected_version):
    locked = Request.objects.select_for_update(of=("self",)).select_related("department").get(pk=request.pk)
    if not can_handle(actor, locked.department):
        raise PermissionDenied
    if expected_version is not None and locked.version != expected_version:
        raise VersionConflict(locked.version)
    return locked


def respond(actor, request, *, status="", body="", expected_version=None):
    """Change a request's status and/or reply to it; the requester is notified after commit.

    `actor` is a staff member or an integration (can_handle); with `expected_version` a request that
    changed meanwhile raises VersionConflict instead of overwriting what someone else did."""
    body = (body or "").strip()
    if status and status not in Request.Status.values:
        raise ValidationError({"status": _("Choose a valid status.")})
    with transaction.atomic():
        locked = _lock_for(actor, request, expected_version)
        changed = bool(status) and status != locked.status
        if not changed and not body:
            raise ValidationError({"body": _("Write a reply or choose another status.")})
        now = timezone.now()
        if locked.first_response_at is None:
            locked.first_response_at = now
        if changed:
            locked.status = status
            locked.done_at = now if status == Request.Status.DONE else None
        locked.version += 1
        locked.save(update_fields=["status", "first_response_at", "done_at", "version"])
        author = None if getattr(actor, "is_integration", False) else actor
        reply = RequestReply.objects.create(
            request=locked, author=author, body=body, new_status=status if changed else "", created_at=now
        )
        enqueue(tasks.mail_reply_to_requester, reply.pk)
        event = signals.STATUS_CHANGED if changed else signals.REPLIED
        signals.request_changed.send(sender=Request, request=locked, event=event)
    request.status, request.version = locked.status, locked.version
    return reply


def set_external_ticket(actor, request, ticket, *, expected_version=None):
    """Record the number the department's own system gave the request (not shown to the requester)."""
    ticket = (ticket or "").strip()
    if len(ticket) > Request._meta.get_field("external_ticket").max_length:
        raise ValidationError({"external_ticket": _("Use at most 64 characters.")})
    with transaction.atomic():
        locked = _lock_for(actor, request, expected_version)
        locked.external_ticket = ticket
        locked.version += 1
        locked.save(update_fields=["external_ticket", "version"])
    return locked


def record_service_view(page, day=None, user=None):
    """Count one opening of a service page for today: an aggregate per page and day, nobody's trail.

    A person counts once per page and day (intranet.page_views), so reloading cannot push a service up
    the portal's "most used" list, and insights' middleware, counting the same view, adds nothing.
    """
    page_views.count(page.pk, user, day)
