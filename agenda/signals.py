"""An EventPage's room follows its publication: published books or moves it, unpublished or deleted frees it."""

from django.db.models.signals import pre_delete
from wagtail.signals import page_published, page_unpublished

from agenda import services
from agenda.models import EventPage, TeamEvent


def _published(sender, instance, revision=None, **kwargs):
    user = getattr(revision, "user", None) if revision is not None else None
    services.page_published(instance, user)


def _unpublished(sender, instance, **kwargs):
    services.page_unpublished(instance)


def _deleted(sender, instance, **kwargs):
    if instance.booking_id:
        services.page_unpublished(instance)


def connect():
    page_published.connect(_published, sender=EventPage, dispatch_uid="events_page_published")
    page_unpublished.connect(_unpublished, sender=EventPage, dispatch_uid="events_page_unpublished")
    pre_delete.connect(_deleted, sender=EventPage, dispatch_uid="events_page_deleted")
    pre_delete.connect(_deleted, sender=TeamEvent, dispatch_uid="events_team_event_deleted")
