"""Search figures for the adoption dashboard (insights): searches and searches without results."""

from datetime import date

from django.db.models import Sum

from search.models import DailyQuery


def totals(start: date, end: date) -> tuple[int, int]:
    """(searches, searches without results) of the days start..end (dates, inclusive)."""
    found = DailyQuery.objects.filter(day__range=(start, end)).aggregate(
        searches=Sum("searches"), empty=Sum("zero_results")
    )
    return found["searches"] or 0, found["empty"] or 0
