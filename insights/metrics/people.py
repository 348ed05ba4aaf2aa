"""People: how complete the profiles are, who has a photo, per directorate and department.

Person.completeness is stored on save (people.completeness), so everything here is a grouped count.
"""

from django.utils.translation import gettext as _

from insights import charts
from insights.metrics.common import Table, share
from people import stats as people_stats

BUCKETS = [(0, 19), (20, 39), (40, 59), (60, 79), (80, 99), (100, 100)]


def people(period, employees=None):
    totals = people_stats.profile_totals(BUCKETS)
    total = totals["total"]
    at_least_80 = totals["b80"] + totals["b100"]
    kpis = {
        "people.employees": total,
        "people.average_completeness": round(totals["average"], 1) if totals["average"] is not None else None,
        "people.photo_share": share(totals["photo"], total),
        "people.complete_80_share": share(at_least_80, total),
    }

    labels = [f"{low}–{high}%" if low != high else "100%" for low, high in BUCKETS]
    distribution = Table(
        "people-completeness",
        _("Profile completeness"),
        [_("Completeness"), _("Employees"), _("Share (%)")],
        [
            [label, totals[f"b{low}"], share(totals[f"b{low}"], total)]
            for label, (low, _high) in zip(labels, BUCKETS, strict=True)
        ],
    )
    distribution.chart = charts.bar_chart(
        _("Profile completeness"),
        [(label, totals[f"b{low}"]) for label, (low, _high) in zip(labels, BUCKETS, strict=True)],
        _("Number of active employees per band of profile completeness."),
    )

    # Directorates and departments: the first two steps of the unit tree.
    rows = []
    for directorate, department, count, photo, average in people_stats.profiles_per_department():
        name = f"{directorate} › {department}" if department else directorate
        rows.append([name or _("(unknown)"), count, share(photo, count), round(average or 0, 1)])
    per_unit = Table(
        "people-units",
        _("Profiles per organisation unit"),
        [_("Organisation unit"), _("Employees"), _("With photo (%)"), _("Average completeness (%)")],
        rows,
        empty_text=_("No employees are placed in an organisation unit."),
    )
    return kpis, [distribution, per_unit]
