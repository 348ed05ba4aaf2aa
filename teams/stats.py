"""Team figures for the adoption (KPI) dashboard. Every function aggregates in SQL in a fixed number of
queries, whatever the number of teams or posts.

Medians are read from the database without per-row Python: the number of answered questions comes from
the counting query, then one ordered query per median fetches only the middle one or two durations
(OFFSET), which SQLite and PostgreSQL both do.

Periods are half-open: start <= created_at < end. A question counts as "answered" once someone other
than the asker commented (first_answer_at) and "accepted" once the asker accepted an answer.
"""

from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, QuerySet
from django.db.models.functions import TruncWeek
from django.utils import timezone

from teams.archiving import QUIET_DAYS
from teams.duplicates import scored_pairs
from teams.models import Kind, TeamPage, TeamPost
from teams.visibility import readable_posts

UNANSWERED_HOURS = 48


def _moment(value: date | datetime) -> datetime:
    """Dates become the start of that day (local time); datetimes stay as they are."""
    if isinstance(value, datetime):
        return value
    return timezone.make_aware(datetime.combine(value, time.min))


def _median_hours(questions: QuerySet[TeamPost], start_field: str, end_field: str, count: int) -> float | None:
    if not count:
        return None
    duration = ExpressionWrapper(F(end_field) - F(start_field), output_field=DurationField())
    middle = (count - 1) // 2
    values = list(
        questions.filter(**{f"{end_field}__isnull": False})
        .annotate(duration=duration)
        .order_by("duration", "pk")
        .values_list("duration", flat=True)[middle : middle + (1 if count % 2 else 2)]
    )
    if not values:
        return None
    seconds = sum(value.total_seconds() for value in values) / len(values)
    return round(seconds / 3600, 2)


def question_stats(start: date | datetime, end: date | datetime, now: datetime | None = None) -> dict[str, Any]:
    """Questions asked in [start, end): how many, answered, accepted, the median hours to the first and to
    the accepted answer, and how many are still unanswered after two days (three queries)."""
    now = now or timezone.now()
    questions = TeamPost.objects.filter(is_question=True, created_at__gte=_moment(start), created_at__lt=_moment(end))
    counts = questions.aggregate(
        asked=Count("pk"),
        answered=Count("pk", filter=Q(first_answer_at__isnull=False)),
        accepted=Count("pk", filter=Q(accepted_at__isnull=False)),
        unanswered_over_2_days=Count(
            "pk",
            filter=Q(first_answer_at__isnull=True, created_at__lte=now - timedelta(hours=UNANSWERED_HOURS)),
        ),
    )
    return {
        "asked": counts["asked"],
        "answered": counts["answered"],
        "accepted": counts["accepted"],
        "median_first_answer_hours": _median_hours(questions, "created_at", "first_answer_at", counts["answered"]),
        "median_accepted_hours": _median_hours(questions, "created_at", "accepted_at", counts["accepted"]),
        "unanswered_over_2_days": counts["unanswered_over_2_days"],
    }


def unanswered_questions(
    older_than_hours: int = UNANSWERED_HOURS, limit: int = 20, *, user: Any = None, now: datetime | None = None
) -> list[TeamPost]:
    """The oldest questions nobody answered yet, in teams that are live and not archived (one query).

    Only open teams' questions are listed (their text is public to every employee); with `user`, also
    those of teams whose timeline that user may read. Private content never reaches the dashboard.
    """
    now = now or timezone.now()
    posts = readable_posts(user) if user is not None else TeamPost.objects.filter(team__live=True, team__kind=Kind.OPEN)
    return list(
        posts.filter(
            is_question=True,
            first_answer_at__isnull=True,
            team__archived_at__isnull=True,
            created_at__lte=now - timedelta(hours=older_than_hours),
        )
        .select_related("team")
        .only("pk", "text", "created_at", "team__title", "team__url_path", "team__slug", "team__kind")
        .order_by("created_at", "pk")[:limit]
    )


def team_health(now: datetime | None = None) -> dict[str, int]:
    """Counts of teams by state, plus the number of likely duplicate pairs (two queries)."""
    now = now or timezone.now()
    quiet_since = now - timedelta(days=QUIET_DAYS)
    not_archived = Q(archived_at__isnull=True)
    quiet = not_archived & Q(last_activity_at__lt=quiet_since)
    counts = TeamPage.objects.aggregate(
        total=Count("pk"),
        active=Count("pk", filter=not_archived & Q(last_activity_at__gte=quiet_since)),
        quiet=Count("pk", filter=quiet),
        archived=Count("pk", filter=Q(archived_at__isnull=False)),
        archive_candidates=Count(
            "pk", filter=quiet & Q(live=True) & (Q(keep_until__isnull=True) | Q(keep_until__lt=now))
        ),
    )
    counts["duplicate_pairs"] = len(scored_pairs())
    return counts


def posts_per_week(start: date | datetime, end: date | datetime) -> list[tuple[date, int]]:
    """[(monday, posts)] for every week that overlaps [start, end), weeks without posts as 0 (one query)."""
    start_at, end_at = _moment(start), _moment(end)
    rows = (
        TeamPost.objects.filter(created_at__gte=start_at, created_at__lt=end_at)
        .annotate(week=TruncWeek("created_at"))
        .values("week")
        .annotate(posts=Count("pk"))
        .order_by("week")
    )
    found: dict[date, int] = {}
    for row in rows:
        week = row["week"]
        day = week.date() if isinstance(week, datetime) else week
        found[day] = found.get(day, 0) + row["posts"]
    first = timezone.localtime(start_at).date()
    first -= timedelta(days=first.weekday())
    last = timezone.localtime(end_at - timedelta(microseconds=1)).date()
    weeks = []
    day = first
    while day <= last:
        weeks.append((day, found.get(day, 0)))
        day += timedelta(days=7)
    return weeks


def closed_page_ids() -> QuerySet[Any, Any]:
    """Subquery of the pages of closed and private teams: their names stay out of aggregate top lists,
    which community managers outside those teams read."""
    return TeamPage.objects.exclude(kind=Kind.OPEN).values("pk")


def closed_post_ids() -> QuerySet[Any, Any]:
    """Subquery of the posts in closed and private teams (see closed_page_ids)."""
    return TeamPost.objects.exclude(team__kind=Kind.OPEN).values("pk")


def post_authors(start: date | datetime, end: date | datetime) -> QuerySet[Any, Any]:
    """Subquery of the users who posted in a team in [start, end), for "share of employees who posted"."""
    return TeamPost.objects.filter(created_at__gte=_moment(start), created_at__lt=_moment(end)).values("author_id")
