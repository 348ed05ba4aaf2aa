"""Read queries for the editors' search statistics report."""

import datetime

from django.db.models import Max, Sum
from django.utils import timezone

from search.models import DailyClick, DailyQuery

REPORT_PERIODS = (7, 30, 90, 365)
REPORT_ROWS = 50
# A query is listed only when at least this many different people searched it on one day: a rare
# query (a colleague's name, an illness) stays out of the lists. `searches` counts a person once a
# day (search.services.log_query), and people cannot be told apart across days, so the test is per day.
MIN_PEOPLE = 3


def _since(days):
    return timezone.localdate() - datetime.timedelta(days=days - 1)


def _queries(days, start, end):
    """The last `days` days, or the days start..end (inclusive) when given (the KPI dashboard's period)."""
    if start is not None:
        return DailyQuery.objects.filter(day__range=(start, end))
    return DailyQuery.objects.filter(day__gte=_since(days))


def _listable(rows):
    """Per query, only those that MIN_PEOPLE different people searched on some day of the period."""
    return rows.values("query").annotate(most_people=Max("searches")).filter(most_people__gte=MIN_PEOPLE)


def popular_queries(days=30, limit=REPORT_ROWS, start=None, end=None):
    return list(
        _listable(_queries(days, start, end))
        .annotate(total=Sum("searches"), empty=Sum("zero_results"))
        .order_by("-total", "query")[:limit]
    )


def queries_without_results(days=30, limit=REPORT_ROWS, start=None, end=None):
    return list(
        _listable(_queries(days, start, end))
        .annotate(empty=Sum("zero_results"), total=Sum("searches"))
        .filter(empty__gt=0)
        .order_by("-empty", "query")[:limit]
    )


def opened_results(days=30, limit=REPORT_ROWS):
    """Opened results, by the same rule as queries: a result one or two people opened (a colleague's
    profile, a sensitive service) would tell who was looked up. `clicks` counts a person once a day."""
    return list(
        DailyClick.objects.filter(day__gte=_since(days))
        .values("url")
        .annotate(total=Sum("clicks"), title=Max("title"), kind=Max("kind"), most_people=Max("clicks"))
        .filter(most_people__gte=MIN_PEOPLE)
        .order_by("-total", "url")[:limit]
    )
