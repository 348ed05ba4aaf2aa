"""Daily roll-ups: the dashboard's history read from one small row per (day, figure) instead of a
year of page views, comments and likes, so its cost does not grow with the data.

`roll_up_insights(day)` computes the figures of one day and stores them with an upsert on a unique
constraint: run it twice, or on two machines at once, and the rows come out the same. A nightly job
runs it for yesterday (`manage.py roll_up_insights`, or the task insights.tasks.roll_up_insights_task);
the dashboard computes today live with the same function, without storing it.
"""

import datetime

from django.db import transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncWeek

from insights.metrics.common import Period
from insights.models import DailyRollup
from intranet.models import DailyPageView
from news import stats as news_stats
from prikbord import stats as prikbord_stats
from social import stats as social_stats
from teams import stats as teams_stats

TOP_PER_DAY = 100  # each day's most viewed pages and most liked items kept for the top lists

# metric names
VIEWS, COMMENTS, LIKES = "views", "comments", "likes"  # per content type id (key)
POSTS = "posts"  # key: "team", "notice" or "blog"
TOP_VIEWED, TOP_LIKED = "top_viewed", "top_liked"  # object_id: a page; (key, object_id): an item
COUNTED = (VIEWS, COMMENTS, LIKES, POSTS)


def day_rows(day):
    """{(metric, key, object_id): value} of `day`: a fixed number of queries."""
    period = Period(day, day)
    start, end = period.start_at, period.end_at
    rows = {}
    views = DailyPageView.objects.filter(day=day)
    for content_type_id, n in (
        views.values("page__content_type_id").annotate(n=Sum("views")).values_list("page__content_type_id", "n")
    ):
        rows[(VIEWS, str(content_type_id), 0)] = n
    for page_id, n in views.order_by("-views", "page_id").values_list("page_id", "views")[:TOP_PER_DAY]:
        rows[(TOP_VIEWED, "", page_id)] = n
    comments = social_stats.public_comments(start, end)
    likes = social_stats.likes(start, end)
    for metric, source in ((COMMENTS, comments), (LIKES, likes)):
        for content_type_id, n in (
            source.values("content_type_id").annotate(n=Count("pk")).values_list("content_type_id", "n")
        ):
            rows[(metric, str(content_type_id), 0)] = n
    top_liked = (
        likes.values("content_type_id", "object_id")
        .annotate(n=Count("pk"))
        .order_by("-n", "content_type_id", "object_id")
        .values_list("content_type_id", "object_id", "n")[:TOP_PER_DAY]
    )
    for content_type_id, object_id, n in top_liked:
        rows[(TOP_LIKED, str(content_type_id), object_id)] = n
    posts = {
        "team": sum(n for _monday, n in teams_stats.posts_per_week(start, end)),
        "notice": prikbord_stats.posts_created(start, end).count(),
        "blog": news_stats.blogs_published(start, end).count(),
    }
    for key, n in posts.items():
        rows[(POSTS, key, 0)] = n
    return {key: value for key, value in rows.items() if value}


def roll_up_insights(day):
    """Store the roll-up of `day` (a date): idempotent, and safe when two machines run it at once
    (an upsert on the unique constraint; rows of that day no longer computed are deleted)."""
    if isinstance(day, str):
        day = datetime.date.fromisoformat(day)
    rows = day_rows(day)
    objects = [
        DailyRollup(day=day, metric=metric, key=key, object_id=object_id, value=value)
        for (metric, key, object_id), value in rows.items()
    ]
    with transaction.atomic():
        # Rows of that day no longer computed (an item left the day's top list, a count fell to 0) go.
        stale = [
            pk
            for pk, *identity in DailyRollup.objects.filter(day=day).values_list("pk", "metric", "key", "object_id")
            if tuple(identity) not in rows
        ]
        if stale:
            DailyRollup.objects.filter(pk__in=stale).delete()
        DailyRollup.objects.bulk_create(
            objects,
            batch_size=500,
            update_conflicts=True,
            unique_fields=["day", "metric", "key", "object_id"],
            update_fields=["value"],
        )
    return len(objects)


# Reading -----------------------------------------------------------------------------------------


def _history(period, today):
    """The part of `period` the roll-ups cover (days before today), or None."""
    last = min(period.end, today - datetime.timedelta(days=1))
    return (period.start, last) if period.start <= last else None


def weekly_counts(period, today):
    """{(metric, key): {monday: value}} for the counted metrics: roll-ups for history, today live."""
    found = {}
    history = _history(period, today)
    if history:
        rows = (
            DailyRollup.objects.filter(metric__in=COUNTED, day__range=history)
            .annotate(week=TruncWeek("day"))
            .values("week", "metric", "key")
            .annotate(n=Sum("value"))
            .values_list("week", "metric", "key", "n")
        )
        for week, metric, key, n in rows:
            monday = week.date() if isinstance(week, datetime.datetime) else week
            bucket = found.setdefault((metric, key), {})
            bucket[monday] = bucket.get(monday, 0) + n
    return found


def today_rows(period, today):
    """Today's figures computed live when the period includes today (never stored from here)."""
    return day_rows(today) if period.start <= today <= period.end else {}


def add_today(found, live, today):
    monday = today - datetime.timedelta(days=today.weekday())
    for (metric, key, _object_id), n in live.items():
        if metric in COUNTED:
            bucket = found.setdefault((metric, key), {})
            bucket[monday] = bucket.get(monday, 0) + n
    return found


def top(metric, period, today, live, exclude=None, visible=None, limit=10):
    """[(key, object_id, total)] of the most viewed or liked over the period, largest first. `exclude`
    drops hidden items from the history in SQL (before the slice, so the ranking stays right);
    `visible(pairs)` returns which of today's live (key, object_id) pairs may be shown."""
    totals = {}
    history = _history(period, today)
    if history:
        rows = (
            DailyRollup.objects.filter(metric=metric, day__range=history)
            .exclude(exclude or Q())
            .values("key", "object_id")
            .annotate(n=Sum("value"))
            .order_by("-n", "key", "object_id")
            .values_list("key", "object_id", "n")[: limit * 2]
        )
        totals = {(key, object_id): n for key, object_id, n in rows}
    today_items = {(key, object_id): n for (row_metric, key, object_id), n in live.items() if row_metric == metric}
    if today_items and visible is not None:
        shown = visible(list(today_items))
        today_items = {pair: n for pair, n in today_items.items() if pair in shown}
    for pair, n in today_items.items():
        totals[pair] = totals.get(pair, 0) + n
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
    return [(key, object_id, n) for (key, object_id), n in ranked[:limit]]
