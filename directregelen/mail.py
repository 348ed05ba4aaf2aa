"""E-mails of Direct regelen. A mail server that fails is logged and never undoes the request."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

logger = logging.getLogger(__name__)


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_safely(message):
    """True when the message went out; a failure is logged, not raised."""
    try:
        message.send(fail_silently=False)
    except Exception:  # any mail failure (SMTP, DNS, timeout) must not reach the user
        logger.exception("Direct regelen: sending mail %r to %s failed", message.subject, message.to)
        return False
    return True


def department_recipients(request):
    form_page = request.form_page
    if form_page is not None and form_page.to_address:
        return [address.strip() for address in form_page.to_address.split(",") if address.strip()]
    if request.department is not None and request.department.mailbox:
        return [request.department.mailbox]
    return []


def send_request_to_department(request_pk):
    from directregelen.models import Request

    request = (
        Request.objects.select_related("requester__person", "department", "form_page")
        .prefetch_related("attachments")
        .get(pk=request_pk)
    )
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
    if send_safely(message):
        type(request).objects.filter(pk=request.pk).update(mailed_at=timezone.now())
        return True
    return False


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
    return send_safely(EmailMessage(subject=subject, body=body, to=[requester.email]))


def _display_name(user):
    if user is None:
        return ""
    person = getattr(user, "person", None)
    return person.full_name if person is not None else user.get_full_name() or user.get_username()
