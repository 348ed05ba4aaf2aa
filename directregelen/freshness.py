"""Freshness of service pages: who must review what, and the reminder mail to owners."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from directregelen.mail import absolute
from directregelen.models import ServicePage
from intranet.mail import send_batch


def pages_to_review(today=None, days_ahead=0):
    """Live service pages whose review-by date has passed (or falls within `days_ahead` days)."""
    today = today or timezone.localdate()
    return (
        ServicePage.objects.live()
        .filter(review_by__lt=today + datetime.timedelta(days=days_ahead))
        .select_related("content_owner", "owner")
        .order_by("review_by", "title")
    )


def responsible(page):
    """(name, e-mail, user) of whoever keeps the page fresh: its owner, else the editor who created it."""
    if page.content_owner is not None and page.content_owner.email:
        return page.content_owner.first_name, page.content_owner.email, page.content_owner.user
    if page.owner is not None and page.owner.email:
        return page.owner.first_name or page.owner.get_username(), page.owner.email, page.owner
    return None, None, None


def may_edit(page, user):
    return user is not None and user.is_active and page.permissions_for_user(user).can_edit()


def action_url(page, user):
    """Where the owner can act: the editor when they may edit the page, else the page itself.

    An owner without admin rights who followed an admin link used to land in a redirect loop.
    """
    if may_edit(page, user):
        return absolute(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return page.get_full_url() or absolute(page.url or "/")


def remind_owners(today=None, days_ahead=0, dry_run=False, done=()):
    """One mail per owner listing their pages; returns (mails sent, pages without an owner's address).

    Over one SMTP connection; a failure raises PartlyDone naming the addresses already reminded
    (`done`), which the job's retry skips."""
    by_email = defaultdict(list)
    names, users = {}, {}
    orphans = []
    for page in pages_to_review(today, days_ahead):
        name, email, user = responsible(page)
        if email:
            by_email[email].append(page)
            names.setdefault(email, name)
            users.setdefault(email, user)
        else:
            orphans.append(page)
    messages = []
    for email, pages in sorted(by_email.items()):
        user = users[email]
        links = [(page, action_url(page, user)) for page in pages]
        editor = any(may_edit(page, user) for page in pages)
        with translation.override(settings.LANGUAGE_CODE):
            body = render_to_string(
                "directregelen/mail/review_reminder.txt",
                {
                    "name": names[email],
                    "pages": links,
                    "report_url": absolute(reverse("directregelen_overdue")) if editor else "",
                },
            )
            subject = _("Please review your Direct regelen pages")
        messages.append((email, EmailMessage(subject=subject, body=body, to=[email])))
    if dry_run:
        return len(messages), orphans
    return send_batch(messages, done=done), orphans
