"""Who a must-read is for: the targeted organisation units (with every unit below them) and, always, only
people who may open the page. Both as SQL, so lists and counts cost the same for 10 or 50,000 people."""

from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from wagtail.models import PageViewRestriction

from mustread.models import MustRead
from people.models import Person

STEPLEN = 4  # treebeard's path step, for both the page tree and the organisation tree


def ancestor_paths(path):
    """A materialised path and every ancestor's: "000100020003" -> ["0001", "00010002", "000100020003"]."""
    return [path[:end] for end in range(STEPLEN, len(path) + 1, STEPLEN)]


def page_type_opted_in(page):
    """Whether editors may mark pages of this type (settings.MUSTREAD_PAGE_TYPES, e.g. "news.NewsPage")."""
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    return model is not None and model._meta.label in settings.MUSTREAD_PAGE_TYPES


def employee(user):
    """The user's active Person with their unit loaded, or None (accounts without a profile read nothing).
    A person the page already loaded with its unit (the homepage's visitor) is used as it is."""
    if not (user and user.is_authenticated and user.is_active):
        return None
    descriptor = get_user_model().person
    if descriptor.is_cached(user):
        person = descriptor.related.get_cached_value(user)  # None: known to have no person
        if person is None or not person.is_active:
            return None
        if Person.organisation_unit.is_cached(person):
            return person
    return Person.objects.select_related("organisation_unit").filter(user=user, is_active=True).first()


def targeted_q(person):
    """Must-reads for everyone, or for one of the units the person works in or below."""
    through = MustRead.units.through
    has_units = Exists(through.objects.filter(mustread_id=OuterRef("pk")))
    unit = person.organisation_unit
    if unit is None:
        return ~has_units
    in_units = Exists(
        through.objects.filter(mustread_id=OuterRef("pk"), organisationunit__path__in=ancestor_paths(unit.path))
    )
    return ~has_units | in_units


def page_viewers_q(page, prefix=""):
    """A Q on users (or on people through `prefix="user__"`) who pass every view restriction on the page
    and its ancestors; None when nobody does without a password (a password-protected section)."""
    restrictions = PageViewRestriction.objects.filter(page__path__in=ancestor_paths(page.path)).prefetch_related(
        "groups"
    )
    allowed = Q()
    users = get_user_model().objects
    for restriction in restrictions:
        if restriction.restriction_type == restriction.LOGIN:
            continue
        if restriction.restriction_type != restriction.GROUPS:
            return None
        groups = [group.pk for group in restriction.groups.all()]
        allowed &= Q(**{f"{prefix}pk__in": users.filter(Q(is_superuser=True) | Q(groups__in=groups)).values("pk")})
    return allowed


def audience(must_read, unit_paths=None):
    """The active people a must-read asks to confirm. `unit_paths`: the targeted units' paths, when the
    caller has them already."""
    people = Person.objects.filter(is_active=True, user__is_active=True)
    if unit_paths is None:
        unit_paths = list(must_read.units.values_list("path", flat=True))
    if unit_paths:
        people = people.filter(reduce(or_, (Q(organisation_unit__path__startswith=path) for path in unit_paths)))
    viewers = page_viewers_q(must_read.page, prefix="user__")
    return people.none() if viewers is None else people.filter(viewers)
