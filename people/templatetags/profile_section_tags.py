"""`{% profile_sections person as sections %}`: the (template, context) pairs other apps add to a profile
(people/profile_sections.py); the profile template includes each template with its context as `section`."""

from django import template

from people import profile_sections as registry

register = template.Library()


@register.simple_tag(takes_context=True)
def profile_sections(context, person):
    request = context.get("request")
    if request is None or person is None:
        return []
    return registry.sections(request, person)
