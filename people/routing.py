"""Where people live in the page tree, so any app can link to a profile without a query per link."""

import time

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_slug_changed

from people.pages import PeopleIndexPage

_cached = {}
FALLBACK = "/mensen/"
# The signals below only reach the process that saved the page; other workers look again after this
# (PEOPLE_INDEX_KEEP_SECONDS: the tests, one process that gets every signal, keep it for good, so an
# expiry cannot fall between two requests whose queries a test compares).
KEEP_SECONDS = 60


def _keep_seconds():
    return getattr(settings, "PEOPLE_INDEX_KEEP_SECONDS", KEEP_SECONDS)


def index_url():
    """The URL of the live people index page (one query, then remembered for a minute per process,
    and forgotten at once in the process that changes the page)."""
    if "url" not in _cached or time.monotonic() - _cached["at"] > _keep_seconds():
        page = PeopleIndexPage.objects.live().first()
        _cached.update(url=(page.get_url() if page else None) or FALLBACK, at=time.monotonic())
    return _cached["url"]


def profile_url(person):
    return f"{index_url()}{person.slug}/"


def edit_url(person):
    return f"{index_url()}{person.slug}/bewerken/"


def forget(**kwargs):
    _cached.clear()


def connect():
    for signal in (post_save, post_delete):
        signal.connect(forget, sender=PeopleIndexPage, dispatch_uid=f"people-url-{signal}")
    receiver(page_slug_changed, dispatch_uid="people-url-slug")(forget)
