"""The must-read actions: marking a page, confirming it, and the reminder before the deadline."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mustread import access
from mustread.audience import employee, page_type_opted_in
from mustread.models import Confirmation, MustRead
from mustread.selectors import applicable, not_confirmed
from social.notifications import notify

NOTICE = "notice"  # a notification whose title is the whole message (social/notification_text.html)


def mark(user, page, *, active=True, units=(), deadline=None, ask_again=False):
    """Make `page` a must-read (or change or stop it). `ask_again`: the change is material, everyone
    confirms the page's live revision again; earlier confirmations stay as records."""
    if not access.can_edit(user, page):
        raise PermissionDenied(_("Only editors who may publish this page can mark it as must-read."))
    if not page_type_opted_in(page):
        raise ValidationError(_("Pages of this type cannot be marked as must-read."))
    if active and not page.live:
        raise ValidationError(_("Publish the page first: only a published page can be a must-read."))
    with transaction.atomic():
        must_read, created = MustRead.objects.select_for_update().get_or_create(
            page=page, defaults={"created_by": user, "revision_id": page.live_revision_id}
        )
        must_read.active = active
        must_read.deadline = deadline
        if ask_again and not created:
            must_read.version = F("version") + 1
            must_read.revision_id = page.live_revision_id
            must_read.version_started_at = timezone.now()
        must_read.save()
        must_read.units.set(units)
    must_read.refresh_from_db()
    return must_read


def confirm(user, page):
    """ "Gelezen en begrepen" for the current version of the must-read on `page`; twice is once."""
    person = employee(user)
    found = applicable(user, person)
    must_read = found.filter(page_id=page.pk).first() if found is not None else None
    if must_read is None:
        raise PermissionDenied(_("This page asks nothing of you to confirm."))
    record = {
        "page_title": page.title[:255],
        "revision_id": must_read.revision_id,
        "page_ref": must_read.page_id,
        "name": person.full_name,
        "employee_number": person.employee_number,
        "unit_name": person.organisation_unit.name if person.organisation_unit else "",
    }
    try:
        with transaction.atomic():
            confirmation, _created = Confirmation.objects.get_or_create(
                must_read=must_read, user=user, version=must_read.version, defaults=record
            )
    except IntegrityError:  # a second click at the same moment: the first one counts
        confirmation = Confirmation.objects.get(must_read=must_read, user=user, version=must_read.version)
    return confirmation


def due_for_reminder(today=None):
    """Active must-reads whose deadline is within MUSTREAD_REMINDER_DAYS and whose version had no reminder."""
    today = today or timezone.localdate()
    until = today + datetime.timedelta(days=settings.MUSTREAD_REMINDER_DAYS)
    return MustRead.objects.filter(
        active=True, page__live=True, deadline__gte=today, deadline__lte=until, reminded_version__lt=F("version")
    )


def send_reminders(today=None):
    """Remind everyone who has not confirmed yet, once per must-read version, through the notifications
    (and so through each person's mail preference). Safe to run twice or at once: each must-read is
    claimed with one conditional update before anyone is notified. Returns how many were notified."""
    sent = 0
    for must_read in due_for_reminder(today).select_related("page"):
        with transaction.atomic():
            claimed = MustRead.objects.filter(pk=must_read.pk, reminded_version__lt=must_read.version).update(
                reminded_version=must_read.version
            )
            if not claimed:
                continue
            page = must_read.page.specific
            users = [person.user for person in not_confirmed(must_read).select_related("user")]
            with translation.override(settings.LANGUAGE_CODE):
                text = _("Reminder: read and confirm “%(title)s” before %(date)s.") % {
                    "title": page.title,
                    "date": must_read.deadline.strftime("%d-%m-%Y"),
                }
            sent += len(notify(users, verb=NOTICE, actor=None, target=page, title=text, url=page.url or ""))
    return sent
