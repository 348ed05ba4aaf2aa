"""Read queries for people pages, each with its joins and prefetches so a page's query count is fixed."""

from collections import Counter
from datetime import date, timedelta
from typing import TypedDict

from django.contrib.auth.models import User
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from wagtail.images import get_image_model

from intranet import caching
from people import cards, completeness
from people.models import ExpertiseTag, Location, OrganisationUnit, Person, TaggedExpertise
from people.signals import GENERATION  # bumped whenever anything on a card or in the menus changes

AVATAR_SPEC = "fill-256x256"
NEW_COLLEAGUE_DAYS = 30
PROFILE_REPORTS_SHOWN = 24
SEARCH_FIELDS = ("first_name", "tussenvoegsel", "last_name", "sort_name", "job_title")


def photo_prefetch() -> Prefetch:
    return Prefetch("photo", queryset=get_image_model().objects.prefetch_renditions(AVATAR_SPEC))


def with_cards(queryset: QuerySet[Person]) -> QuerySet[Person]:
    """People for person cards: unit and location joined. Photos, renditions and tags are loaded by
    people.cards (the {% person_cards %} tag) for the cards it does not find in the cache."""
    return queryset.select_related("organisation_unit", "location")


def cached_count(queryset: QuerySet[Person], *key: object) -> int:
    """queryset.count(), remembered per generation: COUNT(*) over 50,000 rows for every page view
    costs more than the page's other queries together. `key` must identify the queryset's filters."""
    return caching.remember(GENERATION, ("count", *key), queryset.count)


def active_people() -> QuerySet[Person]:
    return Person.objects.filter(is_active=True)


def search(queryset: QuerySet[Person], text: str) -> QuerySet[Person]:
    """Every word must match a name, the function or an expertise tag ("jan vries", "gis beleid")."""
    for word in text.split()[:8]:
        tagged = TaggedExpertise.objects.filter(content_object=OuterRef("pk"), tag__name__icontains=word)
        match = Q(Exists(tagged))
        for field in SEARCH_FIELDS:
            match |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(match)
    return queryset


def directory(
    *,
    text: str = "",
    unit: OrganisationUnit | None = None,
    location: Location | None = None,
    expertise: ExpertiseTag | None = None,
    letter: str = "",
) -> QuerySet[Person]:
    people = active_people()
    if text:
        people = search(people, text)
    if unit is not None:
        people = people.filter(organisation_unit__path__startswith=unit.path)
    if location is not None:
        people = people.filter(location=location)
    if expertise is not None:
        people = people.filter(tagged_expertise__tag=expertise)
    if letter:
        people = people.filter(sort_name__startswith=letter.lower())
    return with_cards(people.order_by("sort_name", "pk"))


def new_colleagues(today: date | None = None) -> QuerySet[Person]:
    today = today or timezone.localdate()
    since = today - timedelta(days=NEW_COLLEAGUE_DAYS)
    people = active_people().filter(start_date__gt=since, start_date__lte=today)
    return with_cards(people.order_by("-start_date", "sort_name"))


def ambassadors() -> QuerySet[Person]:
    return with_cards(active_people().filter(is_ambassador=True).order_by("sort_name"))


class FilterOptions(TypedDict):
    units: list[OrganisationUnit]
    locations: list[Location]
    expertise: list[ExpertiseTag]


def filter_options() -> FilterOptions:
    """Units (as an indented tree), locations and the expertise tags in use, for the filter form.

    The same for every reader and slow to count at 50,000 people: cached per generation."""
    return caching.remember(GENERATION, ("filter-options",), _filter_options)


def _filter_options() -> FilterOptions:
    return {
        "units": list(OrganisationUnit.objects.order_by("path").only("name", "slug", "depth", "path")),
        "locations": list(Location.objects.order_by("name")),
        "expertise": list(
            ExpertiseTag.objects.filter(tagged_people__content_object__is_active=True)
            .annotate(uses=Count("tagged_people"))
            .order_by("-uses", "name")[:200]
        ),
    }


def expertise_by_slug(slug: str) -> ExpertiseTag | None:
    return ExpertiseTag.objects.filter(slug=slug).first()


def profile(slug: str) -> Person:
    """The person with unit, location, manager, photo and tags, plus `active_reports` (the first
    PROFILE_REPORTS_SHOWN active direct reports, for cards) and `report_count` (all of them).

    The manager's and the reports' cards load their photos and tags themselves, only when they are
    not cached (people.cards)."""
    joined = Person.objects.select_related(
        "organisation_unit", "location", "manager__organisation_unit", "manager__location"
    )
    # The photo: only when its avatar is not cached ({% person_avatar %}). The tags: django-stubs does not
    # know taggit's TaggableManager as a relation, but it prefetches like one.
    queryset = joined.prefetch_related("expertise")  # type: ignore[misc]
    person = get_object_or_404(queryset, slug=slug)
    person.report_count, ids = direct_reports(person.pk)
    person.active_reports = cards.PeopleByIds(ids)  # loaded only for the cards not in the cache
    return person


def direct_reports(person_id: int) -> tuple[int, list[int]]:
    """(how many active direct reports, the ids of the first PROFILE_REPORTS_SHOWN in name order).

    A head of a large department has hundreds of reports: the profile shows the first ones and the
    count, so the page costs the same for everyone. Counting and sorting 1,600 reports costs several
    milliseconds at 50,000 people, so the answer is cached per generation."""

    def compute() -> tuple[int, list[int]]:
        reports = active_people().filter(manager_id=person_id)
        ids = list(reports.order_by("sort_name", "pk").values_list("pk", flat=True)[:PROFILE_REPORTS_SHOWN])
        return (len(ids) if len(ids) < PROFILE_REPORTS_SHOWN else reports.count()), ids

    return caching.remember(GENERATION, ("reports", person_id), compute)


def unit_ancestors(unit: OrganisationUnit | None) -> list[OrganisationUnit]:
    """The units above `unit`, top first (cached per generation: every profile shows its unit's path)."""
    if unit is None or unit.depth <= 1:
        return []
    return caching.remember(GENERATION, ("ancestors", unit.pk, unit.path), lambda: list(unit.get_ancestors()))


def head_counts() -> Counter[int]:
    """{unit id: active people in it and everything below}; one grouped query whatever the head count,
    and none while nothing about people changed (cached per generation)."""
    return caching.remember(GENERATION, ("head-counts",), _head_counts)


def _head_counts() -> Counter[int]:
    direct = Counter(
        dict(
            active_people()
            .exclude(organisation_unit=None)
            .values_list("organisation_unit")
            .annotate(n=Count("pk"))
            .values_list("organisation_unit", "n")
        )
    )
    units = list(OrganisationUnit.objects.order_by("path").values_list("pk", "path"))
    totals: Counter[int] = Counter()
    by_path = {path: pk for pk, path in units}
    steplen = OrganisationUnit.steplen
    for pk, path in units:
        count = direct.get(pk, 0)
        if count:
            for end in range(steplen, len(path) + 1, steplen):
                totals[by_path[path[:end]]] += count
    return totals


def org_level(unit: OrganisationUnit | None = None) -> tuple[list[tuple[OrganisationUnit, int]], int | None]:
    """The units one level below `unit` (the directorates for None) with their head counts."""
    children = OrganisationUnit.get_root_nodes() if unit is None else unit.get_children()
    totals = head_counts()
    return [(child, totals.get(child.pk, 0)) for child in children], totals.get(unit.pk, 0) if unit else None


def unit_members(unit: OrganisationUnit) -> QuerySet[Person]:
    return with_cards(active_people().filter(organisation_unit=unit).order_by("sort_name", "pk"))


def nudge_for(user: User, request: HttpRequest | None = None) -> tuple[Person | None, str | None]:
    """(person, missing field label) for the signed-in user's nudge; shares the request's person."""
    if request is not None:
        person = current_person(request)
    else:
        person = Person.objects.filter(user_id=user.pk).only(*NUDGE_FIELDS).first()
    if person is None:
        return None, None
    has_expertise = getattr(person, "expertise_exists", None)
    if has_expertise is None:
        return person, person.missing_field()
    return person, completeness.most_valuable_missing(person, has_expertise)


NUDGE_FIELDS = ("slug", "photo", "bio", "phone", "mobile", "location", "working_days", "completeness")


CURRENT_FIELDS = ("first_name", "tussenvoegsel", "last_name", *NUDGE_FIELDS)


def current_person_query(user_id: int) -> QuerySet[Person]:
    """The query behind current_person, for a page that loads the visitor's person itself (the homepage
    adds its own annotation) and hands it over with share_current_person."""
    return (
        Person.objects.filter(user_id=user_id)
        # For the nudge: whether any tags exist, in this query rather than one of its own.
        .annotate(expertise_exists=Exists(TaggedExpertise.objects.filter(content_object=OuterRef("pk"))))
        .prefetch_related(photo_prefetch())
    )


CURRENT = "_people_current"  # the request's attribute that holds its person (or None)


def share_current_person(request: HttpRequest, person: Person | None) -> None:
    setattr(request, CURRENT, person)


def current_person(request: HttpRequest) -> Person | None:
    """The signed-in user's person, loaded once per request for the header avatar and the nudge alike."""
    if not hasattr(request, CURRENT):
        person = (
            current_person_query(request.user.pk).only(*CURRENT_FIELDS).first()
            if request.user.is_authenticated
            else None
        )
        setattr(request, CURRENT, person)
    return getattr(request, CURRENT)


def avatar_for(user: User) -> Person | None:
    """The header avatar: the person with a prefetched photo rendition (a fixed three queries)."""
    return (
        Person.objects.filter(user_id=user.pk)
        .only("first_name", "last_name", "slug", "photo")
        .prefetch_related(photo_prefetch())
        .first()
    )
