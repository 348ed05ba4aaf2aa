from django import template

from intranet import caching
from people import cards, routing, selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def header_avatar(context):
    """The signed-in user's person for the header avatar, loaded once per request in fixed queries."""
    request = context.get("request")
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return None
    if request is not None:
        return selectors.current_person(request)
    return selectors.avatar_for(user)


@register.filter
def profile_url(person):
    return routing.profile_url(person)


@register.simple_tag(takes_context=True)
def person_cards(context, people):
    """The person cards (<li>) of `people`, from the cache where possible (see people.cards)."""
    return cards.render_cards(people, context.get("people_url") or routing.index_url())


@register.simple_tag(takes_context=True)
def person_card(context, person):
    return person_cards(context, [person])


@register.simple_tag
def people_generation():
    """For {% cache %} keys of fragments that show people: changes whenever people data changes."""
    return caching.generation(selectors.GENERATION)


@register.simple_tag
def person_avatar(person, size="", described=False):
    """The avatar of `person` (people/includes/avatar.html), from the cache where possible."""
    return cards.render_avatar(person, size, described)
