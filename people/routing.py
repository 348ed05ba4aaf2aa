"""Where people live in the page tree, so any app can link to a profile without a query per link."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_slug_changed

_cached = {}
FALLBACK = "/mensen/"


def index_url():
    """The URL of the live people index page (one query, then remembered until the page changes)."""
    if "url" not in _cached:
        from people.pages import PeopleIndexPage

        page = PeopleIndexPage.objects.live().first()
        _cached["url"] = (page.get_url() if page else None) or FALLBACK
    return _cached["url"]


def profile_url(person):
    return f"{index_url()}{person.slug}/"


def edit_url(person):
    return f"{index_url()}{person.slug}/bewerken/"


def forget(**kwargs):
    _cached.clear()


def connect():
    from people.pages import PeopleIndexPage

    for signal in (post_save, post_delete):
        signal.connect(forget, sender=PeopleIndexPage, dispatch_uid=f"people-url-{signal}")
    receiver(page_slug_changed, dispatch_uid="people-url-slug")(forget)
