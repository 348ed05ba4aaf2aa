"""Read queries for people pages, each with its joins and prefetches so a page's query count is fixed."""

from collections import Counter
from datetime import timedelta

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from wagtail.images import get_image_model

from people.models import ExpertiseTag, Location, OrganisationUnit, Person, TaggedExpertise

AVATAR_SPEC = "fill-256x256"
NEW_COLLEAGUE_DAYS = 30
PROFILE_REPORTS_SHOWN = 24
SEARCH_FIELDS = ("first_name", "tussenvoegsel", "last_name", "sort_name", "job_title")


def _photos():
    return Prefetch("photo", queryset=get_image_model().objects.prefetch_renditions(AVATAR_SPEC))


def with_cards(queryset):
    """Everything a person card shows: photo rendition, unit, location and expertise, in fixed queries."""
    return queryset.select_related("organisation_unit", "location").prefetch_related(_photos(), "expertise")


def active_people():
    return Person.objects.filter(is_active=True)


def search(queryset, text):
    """Every word must match a name, the function or an expertise tag ("jan vries", "gis beleid")."""
    for word in text.split()[:8]:
        tagged = TaggedExpertise.objects.filter(content_object=OuterRef("pk"), tag__name__icontains=word)
        match = Q(Exists(tagged))
        for field in SEARCH_FIELDS:
            match |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(match)
    return queryset


def directory(*, text="", unit=None, location=None, expertise=None, letter=""):
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


def new_colleagues(today=None):
    today = today or timezone.localdate()
    since = today - timedelta(days=NEW_COLLEAGUE_DAYS)
    people = active_people().filter(start_date__gt=since, start_date__lte=today)
    return with_cards(people.order_by("-start_date", "sort_name"))


def ambassadors():
    return with_cards(active_people().filter(is_ambassador=True).order_by("sort_name"))


def filter_options():
    """Units (as an indented tree), locations and the expertise tags in use, for the filter form."""
    return {
        "units": list(OrganisationUnit.objects.order_by("path").only("name", "slug", "depth", "path")),
        "locations": list(Location.objects.order_by("name")),
        "expertise": list(
            ExpertiseTag.objects.filter(tagged_people__content_object__is_active=True)
            .annotate(uses=Count("tagged_people"))
            .order_by("-uses", "name")[:200]
        ),
    }


def expertise_by_slug(slug):
    return ExpertiseTag.objects.filter(slug=slug).first()


def profile(slug):
    queryset = (
        Person.objects.select_related(
            "organisation_unit", "location", "manager__organisation_unit", "manager__location"
        )
        .prefetch_related(
            _photos(),
            "expertise",
            "manager__expertise",
            Prefetch("manager__photo", queryset=get_image_model().objects.prefetch_renditions(AVATAR_SPEC)),
            # A head of a large department has hundreds of reports: the profile shows the first ones and the
            # count, so the page costs the same for everyone.
            Prefetch(
                "reports",
                queryset=with_cards(active_people().order_by("sort_name", "pk"))[:PROFILE_REPORTS_SHOWN],
                to_attr="active_reports",
            ),
        )
        .annotate(report_count=Count("reports", filter=Q(reports__is_active=True)))
    )
    return get_object_or_404(queryset, slug=slug)


def unit_ancestors(unit):
    return list(unit.get_ancestors()) if unit is not None and unit.depth > 1 else []


def head_counts():
    """{unit id: active people in it and everything below}; one grouped query whatever the head count."""
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
    totals = Counter()
    by_path = {path: pk for pk, path in units}
    steplen = OrganisationUnit.steplen
    for pk, path in units:
        count = direct.get(pk, 0)
        if count:
            for end in range(steplen, len(path) + 1, steplen):
                totals[by_path[path[:end]]] += count
    return totals


def org_level(unit=None):
    """The units one level below `unit` (the directorates for None) with their head counts."""
    children = OrganisationUnit.get_root_nodes() if unit is None else unit.get_children()
    totals = head_counts()
    return [(child, totals.get(child.pk, 0)) for child in children], totals.get(unit.pk, 0) if unit else None


def unit_members(unit):
    return with_cards(active_people().filter(organisation_unit=unit).order_by("sort_name", "pk"))


def nudge_for(user, request=None):
    """(person, missing field label) for the signed-in user's nudge; shares the request's person."""
    if request is not None:
        person = current_person(request)
    else:
        person = Person.objects.filter(user_id=user.pk).only(*NUDGE_FIELDS).first()
    if person is None:
        return None, None
    return person, person.missing_field()


NUDGE_FIELDS = ("slug", "photo", "bio", "phone", "mobile", "location", "working_days", "completeness")


CURRENT_FIELDS = ("first_name", "tussenvoegsel", "last_name", *NUDGE_FIELDS)


def current_person(request):
    """The signed-in user's person, loaded once per request for the header avatar and the nudge alike."""
    if not hasattr(request, "_people_current"):
        request._people_current = (
            Person.objects.filter(user_id=request.user.pk).only(*CURRENT_FIELDS).prefetch_related(_photos()).first()
            if request.user.is_authenticated
            else None
        )
    return request._people_current


def avatar_for(user):
    """The header avatar: the person with a prefetched photo rendition (a fixed three queries)."""
    return (
        Person.objects.filter(user_id=user.pk)
        .only("first_name", "last_name", "slug", "photo")
        .prefetch_related(_photos())
        .first()
    )
