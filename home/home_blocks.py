"""The homepage's own blocks: new colleagues and the header photo of the month."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from home import selectors
from intranet import caching
from intranet.plugins import HomeBlock
from people.signals import GENERATION as PEOPLE_GENERATION

COLLEAGUES_SECONDS = 600


def _colleagues_slot():
    # Per day (who counts as new) and language, until a person changes.
    return caching.Slot(PEOPLE_GENERATION, ("home-new-colleagues", timezone.localdate().isoformat(), get_language()))


def cache_slots(request):
    return [_colleagues_slot()]


def _new_colleagues_html(request):
    def render():
        context = {"block": {"people": selectors.new_colleagues()}}
        return render_to_string("home/blocks/new_colleagues_body.html", context, request=request)

    # The output of an autoescaping template, kept as rendered: no user text reaches it unescaped.
    return mark_safe(caching.keep(_colleagues_slot(), render, ttl=COLLEAGUES_SECONDS))  # noqa: S308


def blocks(request):
    if not request.user.is_authenticated:
        return []
    return [
        HomeBlock(
            key="home.new_colleagues",
            template="home/blocks/new_colleagues.html",
            context={"html": _new_colleagues_html(request)},
            order=50,
        ),
        HomeBlock(key="home.header_photo", template="home/blocks/header_photo.html", order=60),
    ]
