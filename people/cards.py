"""Person cards, rendered once and served from the cache until anything on them changes.

A directory page shows 24 cards; each renders an avatar (a Wagtail rendition lookup), the unit,
location and up to four expertise tags. That rendering is most of the page's time, and a card is the
same for every reader. So the HTML of each card is cached under the "people" generation (bumped by
people/signals.py and by the bulk write paths whenever a person, tag, unit, location or photo
changes) with the language and the people page's URL in the key. The photos, renditions and tags
are only loaded for the cards that are not in the cache, in the same fixed three queries as before.
"""

from collections.abc import Sequence

from django.db.models import prefetch_related_objects
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from intranet import caching
from people.models import Person
from people.signals import GENERATION

CARD_TEMPLATE = "people/includes/person_card.html"
AVATAR_TEMPLATE = "people/includes/avatar.html"
CARD_TTL = 900


def card_prefetches():
    # Imported here: at the top it makes an import cycle (people.selectors needs this module loaded first).
    from people.selectors import photo_prefetch

    return [photo_prefetch(), "expertise"]


def _load(ids):
    """{pk: Person} with what a card shows, for the people whose card is not cached."""
    # Imported here: at the top it makes an import cycle (people.selectors needs this module loaded first).
    from people.selectors import with_cards

    return {person.pk: person for person in with_cards(Person.objects.filter(pk__in=ids).order_by())}


class PeopleByIds(Sequence):
    """People known by id, in order, loaded as Person instances only when someone iterates them.

    The cards tag needs just the ids for the cards it finds in the cache, so a list of reports costs
    no query at all once its cards are cached."""

    def __init__(self, ids):
        self.ids = list(ids)
        self._people = None

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        if self._people is None:
            found = _load(self.ids)
            self._people = [found[pk] for pk in self.ids if pk in found]
        return self._people[index]


def render_cards(people, people_url):
    """The cards of `people` (Person instances in display order, or PeopleByIds) as one safe HTML string."""
    if isinstance(people, PeopleByIds) and people._people is None:
        ids, loaded = people.ids, None
    else:
        loaded = {person.pk: person for person in people if person is not None}
        ids = list(loaded)
    if not ids:
        return ""
    prefix = caching.versioned_key(GENERATION, "card", get_language() or "", people_url)
    keys = {pk: f"{prefix}:{pk}" for pk in ids}
    pk_of = {key: pk for pk, key in keys.items()}

    def render(missing_keys):
        missing_ids = [pk_of[key] for key in missing_keys]
        missing = [loaded[pk] for pk in missing_ids] if loaded is not None else list(_load(missing_ids).values())
        # Django skips what a caller already prefetched (or select_related) for these people.
        prefetch_related_objects(missing, *card_prefetches())
        template = get_template(CARD_TEMPLATE)
        return {keys[p.pk]: template.render({"person": p, "people_url": people_url}) for p in missing}

    found = caching.remember_many(keys.values(), render, CARD_TTL)
    # Each piece is the output of the (autoescaping) card template, cached as rendered: no user text
    # reaches this join unescaped. A person gone since (deleted) is simply left out.
    return mark_safe("".join(found[keys[pk]] for pk in ids if keys[pk] in found))  # noqa: S308


def render_avatars(people, size=""):
    """{person pk: avatar HTML} for many people with one cache read (the keys of render_avatar);
    the misses are rendered (their photos and renditions loaded in two queries) and stored together.
    For lists such as a page of comments: no rendition lookup, and no cache write, per avatar."""
    people = {person.pk: person for person in people if person is not None}
    if not people:
        return {}
    prefix = caching.versioned_key(GENERATION, "avatar", size)
    keys = {pk: f"{prefix}:{pk}" for pk in people}
    contexts = {keys[pk]: {"person": person, "size": size} for pk, person in people.items()}

    def prepare(missing_keys):
        prefetch_related_objects([contexts[key]["person"] for key in missing_keys], card_prefetches()[0])

    found = caching.remember_rendered(AVATAR_TEMPLATE, contexts, CARD_TTL, prepare)
    return {pk: found[key] for pk, key in keys.items()}


def give_small_avatars(people):
    """Give each person `small_avatar`, the small avatar HTML, from one cache read (render_avatars):
    team pages, the members page and timeline posts show many at once."""
    people = [person for person in people if person is not None]
    avatars = render_avatars(people, "small")
    for person in people:
        person.small_avatar = avatars[person.pk]


def render_avatar(person, size="", described=False):
    """One avatar (the photo's rendition, or the initials), cached like the cards: the photo and its
    rendition are only loaded when the avatar is not in the cache. Beside a name the photo is decorative
    (alt=""); `described` (the profile page) gives it the owner's description as its alt text."""

    def render():
        prefetch_related_objects([person], card_prefetches()[0])
        return get_template(AVATAR_TEMPLATE).render({"person": person, "size": size, "described": described})

    key = ("avatar", size, person.pk, get_language()) if described else ("avatar", size, person.pk)
    html = caching.remember(GENERATION, key, render, ttl=CARD_TTL)
    return mark_safe(html)  # noqa: S308  (the autoescaping avatar template's own output)
