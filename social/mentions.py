"""@mentions: a colleague is mentioned by their profile slug, e.g. "@jan-de-vries-12".

The text is stored as typed; links are added at render time after escaping, so nothing the user
wrote can become markup.
"""

import re

from django.urls import NoReverseMatch, reverse
from django.utils.html import escape, linebreaks
from django.utils.safestring import mark_safe

from people.models import Person

MENTION = re.compile(r"(?<![\w@])@([a-z0-9]+(?:-[a-z0-9]+)*)")


def slugs_in(text):
    return {match.group(1) for match in MENTION.finditer(text or "")}


def mentioned_people(text):
    """Active colleagues mentioned in `text` (one query)."""
    slugs = slugs_in(text)
    if not slugs:
        return []
    return list(Person.objects.filter(slug__in=slugs, is_active=True).select_related("user"))


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
