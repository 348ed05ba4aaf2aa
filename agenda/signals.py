"""An EventPage's room follows its publication: published books or moves it, unpublished or deleted frees it.
Every saved or deleted event or team retires the homepage block's shared lists (selectors.next_for_home)."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.signals import page_published, page_unpublished

from agenda import selectors, services
from agenda.models import EventPage, Signup, TeamEvent
from agenda.signups import signups_changed
from intranet import caching


def forget_home_lists(**kwargs):
    caching.bump(selectors.HOME_GENERATION)


def _signup_changed(sender, instance, **kwargs):
    signups_changed([instance.person])


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
    for signal in (post_save, post_delete):
        signal.connect(_signup_changed, sender=Signup, dispatch_uid=f"events_signup_{signal is post_save}")
    # A team's kind or state decides who sees its events. The team model by name, as TeamEvent's foreign
    # key names it (an allowed reference: intranet.layers.MODEL_REFERENCES); teams.models stays private.
    for sender in (EventPage, TeamEvent, apps.get_model("teams", "TeamPage")):
        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(forget_home_lists, sender=sender, dispatch_uid=f"events_home_{sender.__name__}_{name}")
