"""People in the one search box (owned by search/, issue 7): active colleagues only.

Names are matched on `sort_name` ("vries jan", accents folded) with prefix queries that PostgreSQL
answers from indexes (see search/migrations: a trigram index on sort_name), so suggestions stay fast
with 50,000 people. Typos fall back to trigram similarity on PostgreSQL.
"""

import logging

from django.db import connection
from django.db.models import Case, Q, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import SourceImageIOError

from intranet.plugins import SearchProvider, SearchResult
from people.models import Person, name_words
from people.selectors import AVATAR_SPEC, photo_prefetch

logger = logging.getLogger(__name__)

PHOTO_SPEC = AVATAR_SPEC  # the spec people's cards already render, so no new renditions


def _name_hit(word):
    """The word starts one of the words of the full name ("den" in "jan van den berg")."""
    return Q(search_name__startswith=word) | Q(search_name__contains=f" {word}")


def _function_hit(word):
    """The word starts a word of the function: "de" does not find every "Medewerker"."""
    return Q(job_title__istartswith=word) | Q(job_title__icontains=f" {word}") | Q(job_title__icontains=f"-{word}")


def _whole_word(word):
    return (
        Q(search_name=word)
        | Q(search_name__startswith=f"{word} ")
        | Q(search_name__endswith=f" {word}")
        | Q(search_name__contains=f" {word} ")
    )


def _misses(conditions):
    """How many of the conditions a person fails: 0 ranks first."""
    return sum((Case(When(condition, then=Value(0)), default=Value(1)) for condition in conditions), Value(0))


def _with_photos(queryset):
    return queryset.select_related("organisation_unit").prefetch_related(photo_prefetch())


def query_words(query):
    return name_words(query.text)[:8]


class PeopleProvider(SearchProvider):
    kind = "people"
    label = _("People")
    order = 10

    def matching(self, query, with_function):
        """Every word starts a word of the name as people write it ("in t veld", "berg van den"), or on
        the results page appears in the function. Names first: a person whose name holds every word
        comes before one found through the function ("jan de": Jan de Boer before Jan, Medewerker),
        whole words before prefixes, a fully typed last name first ("vries": De Vries above Vriesema)."""
        people = Person.objects.filter(is_active=True)
        words = query_words(query)
        for word in words:
            people = people.filter(_name_hit(word) | _function_hit(word) if with_function else _name_hit(word))
        rank = {
            "name_misses": _misses([_name_hit(word) for word in words]),
            "whole_misses": _misses([_whole_word(word) for word in words]),
            "last_name_misses": _misses([Q(sort_name__startswith=f"{word} ") for word in words]),
        }
        return people.annotate(**rank).order_by(*rank, "sort_name", "pk")

    def fuzzy(self, query, exclude, limit):
        """Typo tolerance on PostgreSQL: word similarity of the whole text against the full name."""
        text = " ".join(query_words(query))
        if connection.vendor != "postgresql" or len(text) < 3 or not limit:
            return []
        # Imported here: PostgreSQL only (psycopg), and an SQLite install may lack it.
        from django.contrib.postgres.search import TrigramWordSimilarity

        # `%>` (word similarity above pg_trgm's threshold, 0.6) is answered from the trigram index on
        # search_name; the similarity itself only orders the few candidates.
        people = (
            Person.objects.filter(is_active=True, search_name__trigram_word_similar=text)
            .exclude(pk__in=exclude)
            .annotate(similarity=TrigramWordSimilarity(text, "search_name"))
            .order_by("-similarity", "sort_name")
        )
        return list(_with_photos(people)[:limit])

    def to_result(self, person):
        unit = person.organisation_unit.name if person.organisation_unit_id else ""
        subtitle = " · ".join(part for part in (person.job_title, unit) if part)
        image = photo_url(person)
        return SearchResult(
            title=person.full_name,
            url=person.get_absolute_url(),
            kind=self.kind,
            subtitle=subtitle,
            image_url=image,
            initials=person.initials,
        )

    def visibility_key(self, user):
        return ""  # every colleague sees the same active people

    def search(self, query, user, limit, offset=0):
        if not query_words(query):
            return 0, []
        people = self.matching(query, with_function=True)
        found = list(_with_photos(people)[offset : offset + limit]) if limit else []
        total = offset + len(found) if limit and len(found) < limit and (found or not offset) else people.count()
        return total, [self.to_result(person) for person in found]

    def typo_search(self, query, user, limit, exclude_urls=()):
        results = [self.to_result(person) for person in self.fuzzy(query, exclude=[], limit=limit + len(exclude_urls))]
        results = [result for result in results if result.url not in exclude_urls][:limit]
        for result in results:
            result.typo = True
        return results

    def suggest(self, query, user, limit):
        """Names only and no count: one indexed query while typing (search/ adds typos when all is quiet)."""
        if not query_words(query):
            return []
        found = list(_with_photos(self.matching(query, with_function=False))[:limit])
        return [self.to_result(person) for person in found]


def providers():
    return [PeopleProvider()]


def photo_url(person):
    """The photo's rendition, or "" (the initials show) when its original file is gone: a lost file
    must not break search for everyone who types that name."""
    if not person.photo_id:
        return ""
    try:
        return person.photo.get_rendition(PHOTO_SPEC).url
    except SourceImageIOError:
        logger.warning("Photo %s of person %s has no original file", person.photo_id, person.pk)
        return ""
