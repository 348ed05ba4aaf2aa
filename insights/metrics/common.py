"""What every KPI section shares: the period, tables that are also CSV files, and medians in SQL."""

import datetime
import statistics
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Aggregate, FloatField, Func
from django.utils import timezone

PRESETS = (7, 30, 90, 365)
DEFAULT_DAYS = 30


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # inclusive

    @classmethod
    def last(cls, days, end=None):
        end = end or timezone.localdate()
        return cls(end - datetime.timedelta(days=days - 1), end)

    @property
    def days(self):
        return (self.end - self.start).days + 1

    @property
    def start_at(self):
        return timezone.make_aware(datetime.datetime.combine(self.start, datetime.time.min))

    @property
    def end_at(self):
        """The first moment after the period (exclusive bound for datetimes)."""
        return timezone.make_aware(datetime.datetime.combine(self.end + datetime.timedelta(days=1), datetime.time.min))

    def weeks(self):
        """Monday of every ISO week that overlaps the period."""
        monday = self.start - datetime.timedelta(days=self.start.weekday())
        while monday <= self.end:
            yield monday
            monday += datetime.timedelta(days=7)


@dataclass
class Table:
    """One table on the dashboard: rendered under its chart and downloadable as CSV under `key`."""

    key: str
    title: str
    columns: list
    rows: list = field(default_factory=list)
    links: list = field(default_factory=list)  # optional: a link per row for its first cell
    chart: str = ""  # SVG markup, made by insights.charts
    empty_text: str = ""

    def linked_rows(self):
        links = self.links or [""] * len(self.rows)
        return list(zip(self.rows, links, strict=False))


def share(part, whole):
    """A percentage with one decimal, or None when there is nothing to divide by."""
    if not whole:
        return None
    return round(100 * part / whole, 1)


def hours(value):
    return None if value is None else round(value / 3600, 1)


class Median(Aggregate):
    """PERCENTILE_CONT(0.5) on PostgreSQL; SQLite has no median, see medians()."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


class Seconds(Func):
    """The seconds between two timestamps (PostgreSQL)."""

    template = "EXTRACT(EPOCH FROM (%(expressions)s))"
    arg_joiner = " - "
    output_field = FloatField()


def medians(queryset, group, later, earlier):
    """{group value: median seconds from `earlier` to `later`} over rows where `later` is set.

    PostgreSQL computes it in one grouped query. On SQLite the pairs come back in one query and Python
    takes the median: the same single query, only more rows travel.
    """
    rows = queryset.filter(**{f"{later}__isnull": False})
    if connection.vendor == "postgresql":
        if group is None:
            return {None: rows.aggregate(median=Median(Seconds(later, earlier)))["median"]}
        # order_by(): a model's default ordering must not split the groups.
        grouped = rows.order_by().values(group).annotate(median=Median(Seconds(later, earlier)))
        result = grouped.values_list(group, "median")
        return {key: value for key, value in result}
    durations = {}
    if group is None:
        pairs = ((None, end, begin) for end, begin in rows.values_list(later, earlier))
    else:
        pairs = rows.values_list(group, later, earlier)
    for key, end, begin in pairs:
        durations.setdefault(key, []).append((end - begin).total_seconds())
    result = {key: statistics.median(values) for key, values in durations.items()}
    if group is None:
        result.setdefault(None, None)
    return result
