"""People in the one search box (owned by search/, issue 7): active colleagues only.

Names are matched on `sort_name` ("vries jan", accents folded) with prefix queries that PostgreSQL
answers from indexes (see search/migrations: a trigram index on sort_name), so suggestions stay fast
with 50,000 people. Typos fall back to trigram similarity on PostgreSQL.
"""

from django.db import connection
from django.db.models import Case, Q, Value, When

from people.models import Person
from people.selectors import AVATAR_SPEC, photo_prefetch
from search.registry import KIND_LABELS, SearchProvider, SearchResult

PHOTO_SPEC = AVATAR_SPEC  # the spec people's cards already render, so no new renditions
FEW_RESULTS = 3


# Words that can start a tussenvoegsel: only these are compared with that (unindexed) column.
TUSSENVOEGSEL_WORDS = {"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "op", "uit", "von", "la", "le", "du"}


def _word_match(word, with_function):
    match = Q(sort_name__startswith=word) | Q(sort_name__contains=f" {word}")
    if any(candidate.startswith(word) for candidate in TUSSENVOEGSEL_WORDS):
        match |= Q(tussenvoegsel__istartswith=word)
    if with_function:
        match |= Q(job_title__icontains=word)
    return match


def _with_photos(queryset):
    return queryset.select_related("organisation_unit").prefetch_related(photo_prefetch())


class PeopleProvider(SearchProvider):
    kind = "people"
    label = KIND_LABELS["people"]
    order = 10

    def matching(self, query, with_function):
        people = Person.objects.filter(is_active=True)
        words = query.words
        for word in words:
            people = people.filter(_word_match(word, with_function))
        # A last name typed in full ranks first: "vries" puts Jan de Vries above Vriesema.
        rank = sum(
            (Case(When(sort_name__startswith=f"{word} ", then=Value(0)), default=Value(1)) for word in words),
            Value(0),
        )
        return people.annotate(search_rank=rank).order_by("search_rank", "sort_name", "pk")

    def fuzzy(self, query, exclude, limit):
        """Typo tolerance on PostgreSQL: word similarity of the whole text against sort_name."""
        if connection.vendor != "postgresql" or len(query.normalised) < 3:
            return []
        from django.contrib.postgres.search import TrigramWordSimilarity

        text = " ".join(query.words)
        # `%>` (word similarity above pg_trgm's threshold, 0.6) is answered from the trigram index on
        # sort_name; the similarity itself only orders the few candidates.
        people = (
            Person.objects.filter(is_active=True, sort_name__trigram_word_similar=text)
            .exclude(pk__in=exclude)
            .annotate(similarity=TrigramWordSimilarity(text, "sort_name"))
            .order_by("-similarity", "sort_name")
        )
        return list(_with_photos(people)[:limit])

    def to_result(self, person):
        unit = person.organisation_unit.name if person.organisation_unit_id else ""
        subtitle = " · ".join(part for part in (person.job_title, unit) if part)
        image = person.photo.get_rendition(PHOTO_SPEC).url if person.photo_id else ""
        return SearchResult(
            title=person.full_name,
            url=person.get_absolute_url(),
            kind=self.kind,
            subtitle=subtitle,
            image_url=image,
            initials=person.initials,
        )

    def search(self, query, user, limit, offset=0):
        if not query.words:
            return 0, []
        people = self.matching(query, with_function=True)
        total = people.count()
        found = list(_with_photos(people)[offset : offset + limit]) if limit else []
        if total < FEW_RESULTS and offset == 0:
            extra = self.fuzzy(query, exclude=[p.pk for p in people[:FEW_RESULTS]], limit=FEW_RESULTS)
            total += len(extra)
            found = (found + extra)[:limit]
        return total, [self.to_result(person) for person in found]

    def suggest(self, query, user, limit):
        """Names only and no count: one indexed query while typing (plus the typo fallback when empty)."""
        if not query.words:
            return []
        found = list(_with_photos(self.matching(query, with_function=False))[:limit])
        if len(found) < min(limit, FEW_RESULTS):
            found += self.fuzzy(query, exclude=[p.pk for p in found], limit=limit - len(found))
        return [self.to_result(person) for person in found]


def providers():
    return [PeopleProvider()]
