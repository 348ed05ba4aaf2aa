"""Read queries of the launcher, each a fixed number of queries whatever the number of apps or pins."""

from django.db.models import Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from launcher.models import App, Category, Pin
from people.models import OrganisationUnit

LAST = 2**31 - 1


def _meant_for(person):
    """Apps meant for everyone, or for the person's unit or a unit above it ("a unit's apps apply to
    its descendants"): the unit's path starts with the app unit's path, checked inside the query."""
    through = App.units.through
    condition = ~Exists(through.objects.filter(app_id=OuterRef("pk")))
    unit_id = getattr(person, "organisation_unit_id", None)
    if unit_id is not None:
        mine = OrganisationUnit.objects.filter(pk=unit_id, path__startswith=OuterRef("organisationunit__path"))
        condition |= Exists(through.objects.filter(app_id=OuterRef("pk")).filter(Exists(mine)))
    return condition


def default_apps(person):
    return App.objects.filter(is_active=True).filter(_meant_for(person)).order_by("sort_order", "name")


def pinned_apps(user):
    pins = Pin.objects.filter(user=user, app__is_active=True).select_related("app").order_by("position", "pk")
    return [pin.app for pin in pins]


def my_apps(user, person, limit=None):
    """(pinned, defaults) in one query: the employee's pinned apps in their order, then the unit's
    defaults that are not pinned (up to `limit` apps in all)."""
    position = Pin.objects.filter(user_id=user.pk, app_id=OuterRef("pk")).values("position")[:1]
    apps = (
        App.objects.filter(is_active=True)
        .annotate(pin_position=Subquery(position, output_field=IntegerField()))
        .filter(Q(pin_position__isnull=False) | _meant_for(person))
        .annotate(pin_order=Coalesce("pin_position", Value(LAST)))
        .order_by("pin_order", "sort_order", "name")
    )
    if limit is not None:
        apps = apps[:limit]
    apps = list(apps)
    return [a for a in apps if a.pin_position is not None], [a for a in apps if a.pin_position is None]


def catalogue(*, text="", category=""):
    """All active apps, filtered, grouped as [(category label, [apps])] in the category order."""
    apps = App.objects.filter(is_active=True)
    if category in Category.values:
        apps = apps.filter(category=category)
    for word in text.split()[:6]:
        apps = apps.filter(Q(name__icontains=word) | Q(description__icontains=word))
    grouped = {}
    for app in apps.order_by("sort_order", "name"):
        grouped.setdefault(app.category, []).append(app)
    return [(label, grouped[value]) for value, label in Category.choices if value in grouped]
