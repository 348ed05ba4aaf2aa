"""Read queries for the editors' search statistics report."""

import datetime

from django.db.models import Max, Sum
from django.utils import timezone

from search.models import DailyClick, DailyQuery

REPORT_PERIODS = (7, 30, 90, 365)
REPORT_ROWS = 50


def _since(days):
    return timezone.localdate() - datetime.timedelta(days=days - 1)


def _queries(days, start, end):
    """The last `days` days, or the days start..end (inclusive) when given (the KPI dashboard's period)."""
    if start is not None:
        return DailyQuery.objects.filter(day__range=(start, end))
    return DailyQuery.objects.filter(day__gte=_since(days))


def popular_queries(days=30, limit=REPORT_ROWS, start=None, end=None):
    return list(
        _queries(days, start, end)
        .values("query")
        .annotate(total=Sum("searches"), empty=Sum("zero_results"))
        .order_by("-total", "query")[:limit]
    )


def queries_without_results(days=30, limit=REPORT_ROWS, start=None, end=None):
    return list(
        _queries(days, start, end)
        .filter(zero_results__gt=0)
        .values("query")
        .annotate(empty=Sum("zero_results"), total=Sum("searches"))
        .order_by("-empty", "query")[:limit]
    )


def opened_results(days=30, limit=REPORT_ROWS):
    return list(
        DailyClick.objects.filter(day__gte=_since(days))
        .values("url")
        .annotate(total=Sum("clicks"), title=Max("title"), kind=Max("kind"))
        .order_by("-total", "url")[:limit]
    )
