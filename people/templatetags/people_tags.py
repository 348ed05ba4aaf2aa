from django import template

from people import routing, selectors

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
