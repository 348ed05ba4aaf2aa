"""Erasing a person ("recht op vergetelheid", and every leaver after the grace period).

Runs every app's declared erase functions in reverse INSTALLED_APPS order (feature apps first, the
account last) in one transaction, then logs who did it, when and which kinds with how many rows.
Irreversible: there is no undo, and the log holds no personal data.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from intranet import personal_data
from people.models import Person
from privacy.models import ErasureLog

logger = logging.getLogger(__name__)


def can_erase(user):
    return bool(user and user.is_authenticated and user.is_active and user.has_perm("privacy.erase_person"))


def preview(user):
    """What an erasure would touch, for the confirmation step: {kind: number of records}."""
    return {kind.name: len(kind.export(user).records) for kind in personal_data.kinds()}


@transaction.atomic
def erase(user, *, actor=None, via, reason, keep_content=None):
    """Erase `user` (an account) and everything declared about them; returns the ErasureLog."""
    if actor is not None and not can_erase(actor):
        raise PermissionDenied("Only administrators erase a person's data.")
    if actor is not None and actor.pk == user.pk:
        raise PermissionDenied("Nobody erases their own account here.")
    keep = settings.PRIVACY_KEEP_CONTENT if keep_content is None else keep_content
    erasure = personal_data.Erasure(user=user, person=personal_data.person_of(user), keep_content=keep)
    subject = f"account {user.pk}"
    counts = {}
    for _app, kinds in reversed(personal_data.app_kinds()):
        for kind in kinds:
            counts[kind.name] = kind.erase(user, erasure)
    entry = ErasureLog.objects.create(
        subject=subject, reason=reason, actor=actor, via=via, counts=counts, kept_content=keep
    )
    logger.info("Erased %s via %s by %s: %s", subject, via, actor.pk if actor else "the system", counts)
    return entry


def due_leavers(now=None):
    cutoff = (now or timezone.now()) - timedelta(days=settings.PRIVACY_LEAVER_GRACE_DAYS)
    return Person.objects.filter(is_active=False, deactivated_at__lte=cutoff).select_related("user")


def erase_due_leavers(now=None):
    """Erase every leaver whose grace period is over; one transaction each. Returns how many."""
    done = 0
    for person in due_leavers(now):
        User = get_user_model()
        with transaction.atomic():
            # Locked and checked again: a second run (another machine) finds them gone or returned.
            fresh = Person.objects.select_for_update().filter(pk=person.pk, is_active=False).first()
            if fresh is None:
                continue
            user = User.objects.get(pk=fresh.user_id)
            erase(user, via="leavers job", reason=ErasureLog.Reason.LEAVER)
        done += 1
    return done
