"""@mentions: a colleague is mentioned by their profile slug, e.g. "@jan-de-vries-12".

The text is stored as typed; links are added at render time after escaping, so nothing the user
wrote can become markup.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from people.models import Person

MENTION = re.compile(r"(?<![\w@])@([a-z0-9]+(?:-[a-z0-9]+)*)")


def slugs_in(text):
    return {match.group(1) for match in MENTION.finditer(text or "")}


def max_mentions():
    return getattr(settings, "MENTIONS_PER_TEXT", 10)


def mentioned_people(text):
    """Active colleagues mentioned in `text` (one query); refuses a text that mentions too many.

    Every path that notifies mentions comes through here, so a mass mention never notifies anyone;
    services call it while validating, so the message appears beside the field.
    """
    slugs = slugs_in(text)
    if not slugs:
        return []
    people = list(Person.objects.filter(slug__in=slugs, is_active=True).select_related("user"))
    if len(people) > max_mentions():
        raise ValidationError(
            _("Mention at most %(max)d colleagues in one message; this one mentions %(count)d.")
            % {"max": max_mentions(), "count": len(people)},
            code="too_many_mentions",
        )
    return people


def names_for(texts):
    """{slug: full name} for every existing person mentioned in any of `texts` (one query, or none)."""
    slugs = set()
    for text in texts:
        slugs |= slugs_in(text)
    if not slugs:
        return {}
    return {
        person.slug: person.full_name
        for person in Person.objects.filter(slug__in=slugs).only("slug", "first_name", "tussenvoegsel", "last_name")
    }


def profile_url(slug):
    try:
        return reverse("people:detail", kwargs={"slug": slug})
    except NoReverseMatch:
        return f"/mensen/{slug}/"


def render(text, names):
    """Escaped text with paragraphs, and known mentions as links to the profile."""
    escaped = escape(text)

    def link(match):
        slug = match.group(1)
        if slug not in names:
            return match.group(0)
        return f'<a class="mention" href="{escape(profile_url(slug))}">@{escape(names[slug])}</a>'

    return mark_safe(linebreaks(MENTION.sub(link, escaped), autoescape=False))  # noqa: S308 (escaped above)
