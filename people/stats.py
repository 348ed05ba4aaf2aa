"""The people app's public figures, for insights (so no other app reads people's models).

Each function is a fixed number of grouped queries, whatever the number of employees.
"""

from collections.abc import Sequence

from django.db.models import Avg, Count, Q, QuerySet
from django.db.models.functions import Substr

from people.models import OrganisationUnit, Person


def active_employees() -> QuerySet[Person]:
    return Person.objects.filter(is_active=True)


def employee_count() -> int:
    """The number of active employees (the denominator of every share)."""
    return active_employees().count()


def active_user_ids(limit: int) -> list[int]:
    """The accounts of the first `limit` active employees (by id), e.g. a survey's invitees."""
    return list(active_employees().order_by("pk").values_list("user_id", flat=True)[:limit])


def active_employees_among(accounts: Q) -> int:
    """How many active employees have an account matching `accounts` (a Q on `user_id`)."""
    return active_employees().filter(accounts).count()


def profile_totals(bands: Sequence[tuple[int, int]]) -> dict[str, float | int | None]:
    """Active employees' profiles in one query: "total", "photo" (with a photo), "average"
    completeness, and per band (low, high) of completeness "b<low>" (the number within it)."""
    aggregates = {
        "total": Count("pk"),
        "photo": Count("pk", filter=Q(photo__isnull=False)),
        "average": Avg("completeness"),
    }
    for low, high in bands:
        aggregates[f"b{low}"] = Count("pk", filter=Q(completeness__gte=low, completeness__lte=high))
    return active_employees().aggregate(**aggregates)


def profiles_per_department() -> list[tuple[str, str, int, int, float | None]]:
    """[(directorate, department, employees, with a photo, average completeness)] of the active
    employees placed in a unit, grouped by the first two steps of the unit's path ("" when a step has
    no name, e.g. people placed right in a directorate have no department); two queries."""
    step = OrganisationUnit.steplen
    grouped = (
        active_employees()
        .exclude(organisation_unit=None)
        .annotate(branch=Substr("organisation_unit__path", 1, step * 2))
        .values("branch")
        .annotate(n=Count("pk"), photo=Count("pk", filter=Q(photo__isnull=False)), average=Avg("completeness"))
        .values_list("branch", "n", "photo", "average")
    )
    units = dict(OrganisationUnit.objects.filter(depth__lte=2).values_list("path", "name"))
    return [
        (units.get(branch[:step], ""), units.get(branch, "") if len(branch) > step else "", count, photo, average)
        for branch, count, photo, average in sorted(grouped)
    ]
