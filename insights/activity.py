"""Turning the short-lived activity marks into lasting totals (DAU, WAU, MAU), and forgetting them.

`rollup(day)` is idempotent: run it as often as you like (the nightly cron job runs it for yesterday
and today). `prune()` deletes marks older than RETENTION_DAYS and every salt whose period is over.
"""

import datetime

from django.db.models import Count, Q, Sum
from django.utils import timezone

from insights.models import (
    ActivityMark,
    DailyActivity,
    DailyRouteView,
    Device,
    PeriodActivity,
    RotatingSalt,
)
from insights.tracking import forget_salts, month_period, week_period
from intranet.models import DailyPageView

RETENTION_DAYS = 35


def week_start(day):
    return day - datetime.timedelta(days=day.weekday())


def month_start(day):
    return day.replace(day=1)


def month_end(day):
    following = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return following - datetime.timedelta(days=1)


def rollup(day):
    """Store the totals of `day`, of its ISO week and of its calendar month, from the marks."""
    marks = ActivityMark.objects.filter(day=day).aggregate(
        active=Count("month_key", distinct=True),
        phone=Count("month_key", distinct=True, filter=Q(device=Device.PHONE)),
        desktop=Count("month_key", distinct=True, filter=Q(device=Device.DESKTOP)),
    )
    views = (DailyPageView.objects.filter(day=day).aggregate(n=Sum("views"))["n"] or 0) + (
        DailyRouteView.objects.filter(day=day).aggregate(n=Sum("views"))["n"] or 0
    )
    DailyActivity.objects.update_or_create(day=day, defaults={**marks, "views": views})

    start = week_start(day)
    weekly = ActivityMark.objects.filter(day__range=(start, start + datetime.timedelta(days=6))).aggregate(
        n=Count("week_key", distinct=True)
    )["n"]
    PeriodActivity.objects.update_or_create(kind=PeriodActivity.Kind.WEEK, start=start, defaults={"active": weekly})

    first = month_start(day)
    monthly = ActivityMark.objects.filter(day__range=(first, month_end(day))).aggregate(
        n=Count("month_key", distinct=True)
    )["n"]
    PeriodActivity.objects.update_or_create(kind=PeriodActivity.Kind.MONTH, start=first, defaults={"active": monthly})


def prune(today=None):
    """Forget what could still single someone out: old marks, and the salts of finished periods."""
    today = today or timezone.localdate()
    marks, _ = ActivityMark.objects.filter(day__lt=today - datetime.timedelta(days=RETENTION_DAYS)).delete()
    salts, _ = RotatingSalt.objects.exclude(period__in=[week_period(today), month_period(today)]).delete()
    forget_salts()
    return marks, salts
