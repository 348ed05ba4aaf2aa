"""E-mails of Direct regelen, sent by background jobs (directregelen.tasks).

A mail server that fails never undoes the request: the job raises, is recorded with its error and
retried with back-off (intranet.jobs). `mailed_at` is set only once the department's mail went out,
and a retry of a request that was mailed sends nothing.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from directregelen.models import Request
from intranet.mail import send_batch

logger = logging.getLogger(__name__)


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def department_recipients(request):
    form_page = request.form_page
    if form_page is not None and form_page.to_address:
        return [address.strip() for address in form_page.to_address.split(",") if address.strip()]
    if request.department is not None and request.department.mailbox:
        return [request.department.mailbox]
    return []


def send_request_to_department(request_pk):
    """Mail the request to its department; True when it went out now, False when there was nothing to do."""
    request = (
        Request.objects.select_related("requester__person", "department", "form_page")
        .prefetch_related("attachments")
        .get(pk=request_pk)
    )
    if request.mailed_at is not None:
        return False
    recipients = department_recipients(request)
    if not recipients:
        logger.warning("Direct regelen: request %s has no mailbox to go to", request.reference)
        return False
    requester = request.requester
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            "directregelen/mail/request_to_department.txt",
            {
                "request": request,
                "requester_name": _display_name(requester),
                "queue_url": absolute(reverse("directregelen_request_modeladmin_edit", args=[request.pk])),
            },
        )
    subject = f"[{request.reference}] {request.title}"
    if request.form_page is not None and request.form_page.subject:
        subject = f"[{request.reference}] {request.form_page.subject}"
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=(request.form_page.from_address if request.form_page else "") or settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        reply_to=[requester.email] if requester is not None and requester.email else None,
    )
    send_batch([(request.pk, message)])
    type(request).objects.filter(pk=request.pk).update(mailed_at=timezone.now())
    return True


def send_reply_to_requester(reply):
    request = reply.request
    requester = request.requester
    if requester is None or not requester.email:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            "directregelen/mail/reply_to_requester.txt",
            {
                "request": request,
                "reply": reply,
                "requester_name": _display_name(requester),
                "detail_url": absolute(reverse("directregelen:request_detail", args=[request.reference])),
            },
        )
        subject = f"[{request.reference}] {request.title}: {request.get_status_display()}"
    send_batch([(reply.pk, EmailMessage(subject=subject, body=body, to=[requester.email]))])
    return True


def _display_name(user):
    if user is None:
        return ""
    person = getattr(user, "person", None)
    return person.full_name if person is not None else user.get_full_name() or user.get_username()
