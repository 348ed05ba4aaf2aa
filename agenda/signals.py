"""An EventPage's room follows its publication: published books or moves it, unpublished or deleted frees it.
Every saved or deleted event or team retires the homepage block's shared lists (selectors.next_for_home)."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from agenda import room_titles, selectors, services
from agenda.models import EventPage, Signup, TeamEvent
from agenda.signups import signups_changed, withdraw
from intranet import caching
from people.models import Person


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
    services.page_unpublished(instance)  # reads the booking from the database: the instance may be stale


def _team_saved(sender, instance, **kwargs):
    """A team turned closed or private: its events' bookings stop showing their titles in rooms."""
    room_titles.retitle_team(instance)


def _restriction_changed(sender, instance, **kwargs):
    """A section got (or lost) a view restriction: the event pages below it follow in rooms."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        room_titles.retitle_pages(page)


def _page_moved(sender, instance, **kwargs):
    """A page moved (into or out of a restricted section): the event pages at or below it follow."""
    room_titles.retitle_pages(instance)


def _person_deleted(sender, instance, **kwargs):
    """Their places go to the waiting lists before the cascade deletes the sign-ups without a word."""
    withdraw(instance)


def connect():
    page_published.connect(_published, sender=EventPage, dispatch_uid="events_page_published")
    page_unpublished.connect(_unpublished, sender=EventPage, dispatch_uid="events_page_unpublished")
    pre_delete.connect(_deleted, sender=EventPage, dispatch_uid="events_page_deleted")
    pre_delete.connect(_person_deleted, sender=Person, dispatch_uid="events_person_deleted")
    pre_delete.connect(_deleted, sender=TeamEvent, dispatch_uid="events_team_event_deleted")
    post_page_move.connect(_page_moved, dispatch_uid="events_page_moved")
    post_save.connect(_team_saved, sender=apps.get_model("teams", "TeamPage"), dispatch_uid="events_team_retitle")
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid=f"events_restriction_{name}")
    for signal in (post_save, post_delete):
        signal.connect(_signup_changed, sender=Signup, dispatch_uid=f"events_signup_{signal is post_save}")
    # A team's kind or state decides who sees its events. The team model by name, as TeamEvent's foreign
    # key names it (an allowed reference: intranet.layers.MODEL_REFERENCES); teams.models stays private.
    for sender in (EventPage, TeamEvent, apps.get_model("teams", "TeamPage")):
        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(forget_home_lists, sender=sender, dispatch_uid=f"events_home_{sender.__name__}_{name}")
