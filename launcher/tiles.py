"""The homepage's "My apps" tiles, rendered once per employee and kept until they pin, unpin or move
an app (their own generation), an app changes (the launcher generation) or people and units change
(the people generation: which unit's defaults apply), at most ten minutes. The tiles carry nothing of
the request (no forms, no CSRF token), so the HTML is the same for every visit of that employee."""

from django.template.loader import render_to_string
from django.utils.translation import get_language

from intranet import caching
from launcher import selectors
from people.signals import GENERATION as PEOPLE_GENERATION

APPS_GENERATION = "launcher"
TTL = 600


def _mine(user_id):
    return f"launcher-user-{user_id}"


def forget_user(user_id):
    caching.bump(_mine(user_id))


def forget_apps(**kwargs):
    caching.bump(APPS_GENERATION)


def home_slot(user, person, limit):
    parts = (getattr(person, "organisation_unit_id", None), limit, get_language())
    return caching.Slot(_mine(user.pk), parts, (APPS_GENERATION, PEOPLE_GENERATION))


def home_tiles(user, person, limit):
    def render():
        pinned, defaults = selectors.my_apps(user, person, limit=limit)
        context = {"pinned": pinned, "defaults": defaults, "next": "/", "tiles_only": True}
        return render_to_string("launcher/includes/my_apps.html", context)

    return caching.keep(home_slot(user, person, limit), render, ttl=TTL)
