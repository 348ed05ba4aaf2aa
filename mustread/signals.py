"""Retire the homepage's cached must-read lists: everyone's when a must-read or its units change,
one reader's when they confirm (mustread.selectors.outstanding_for)."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from intranet import caching
from mustread.models import Confirmation, MustRead
from mustread.selectors import GENERATION


def must_reads_changed(**kwargs):
    caching.bump(GENERATION)


def confirmed(sender, instance, **kwargs):
    caching.forget_user(GENERATION, instance.user_id)


def connect():
    for signal in (post_save, post_delete):
        signal.connect(must_reads_changed, sender=MustRead, dispatch_uid="plein-mustread-changed")
        signal.connect(confirmed, sender=Confirmation, dispatch_uid="plein-mustread-confirmed")
    m2m_changed.connect(must_reads_changed, sender=MustRead.units.through, dispatch_uid="plein-mustread-units")
