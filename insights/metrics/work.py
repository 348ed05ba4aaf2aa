"""Questions, Direct regelen, teams and search: how fast people get answers and what they look for."""

from django.utils.translation import gettext as _

from directregelen import stats as directregelen_stats
from insights import charts
from insights.metrics.common import Table, hours, medians, share
from search import stats as search_stats
from search.selectors import popular_queries, queries_without_results
from teams import stats as teams_stats

TOP_QUERIES = 20


def questions(period):
    figures = teams_stats.question_stats(period.start_at, period.end_at)
    kpis = {
        "questions.asked": figures.get("asked"),
        "questions.answered": figures.get("answered"),
        "questions.answered_share": share(figures.get("answered") or 0, figures.get("asked")),
        "questions.accepted": figures.get("accepted"),
        "questions.median_first_answer_hours": figures.get("median_first_answer_hours"),
        "questions.median_accepted_hours": figures.get("median_accepted_hours"),
        "questions.unanswered_over_2_days": figures.get("unanswered_over_2_days"),
    }
    open_questions = teams_stats.unanswered_questions(older_than_hours=48, limit=20)
    table = Table(
        "questions-unanswered",
        _("Questions without an answer for more than two days"),
        [_("Question"), _("Team"), _("Asked on")],
        [
            [_title(post), str(getattr(post, "team", "") or ""), _date(getattr(post, "created_at", None))]
            for post in open_questions
        ],
        links=[_url(post) for post in open_questions],
        empty_text=_("Every question has an answer."),
    )
    return kpis, [table]


def _title(post):
    text = str(getattr(post, "title", "") or getattr(post, "text", "") or post)
    return text if len(text) <= 100 else text[:99] + "…"


def _date(value):
    return value.date().isoformat() if value is not None else ""


def _url(post):
    try:
        return post.get_absolute_url()
    except Exception:  # a post whose team is gone has no address; the row stays
        return ""


def directregelen(period):
    requests = directregelen_stats.requests_submitted(period.start_at, period.end_at)
    per_department = directregelen_stats.per_department(requests)
    first = medians(requests, "department_id", "first_response_at", "submitted_at")
    done = medians(requests, "department_id", "done_at", "submitted_at")
    overall_first = medians(requests, None, "first_response_at", "submitted_at")[None]
    overall_done = medians(requests, None, "done_at", "submitted_at")[None]
    rows = [
        [title or _("(removed department)"), total, still_open, finished, hours(first.get(pk)), hours(done.get(pk))]
        for pk, title, total, still_open, finished in per_department
    ]
    total = sum(row[1] for row in rows)
    kpis = {
        "directregelen.requests": total,
        "directregelen.median_first_response_hours": hours(overall_first),
        "directregelen.median_done_hours": hours(overall_done),
    }
    table = Table(
        "directregelen-departments",
        _("Requests per department"),
        [
            _("Department"),
            _("Requests"),
            _("Open"),
            _("Done"),
            _("Median hours to first response"),
            _("Median hours to done"),
        ],
        rows,
        empty_text=_("No requests in this period."),
    )
    table.chart = charts.bar_chart(
        _("Requests per department"),
        [(row[0], row[1]) for row in rows],
        _("Requests submitted in the chosen period per department."),
    )
    return kpis, [table]


def teams(period):
    health = teams_stats.team_health()
    kpis = {
        f"teams.{key}": health.get(key)
        for key in ("total", "active", "quiet", "archived", "archive_candidates", "duplicate_pairs")
    }
    labels = {
        "total": _("Teams"),
        "active": _("Active teams"),
        "quiet": _("Quiet teams"),
        "archived": _("Archived teams"),
        "archive_candidates": _("Candidates for archiving"),
        "duplicate_pairs": _("Likely duplicate pairs"),
    }
    table = Table(
        "teams-health",
        _("Teams"),
        [_("Figure"), _("Number")],
        [[labels[key], health.get(key)] for key in labels],
    )
    return kpis, [table]


def search(period):
    searches, empty = search_stats.totals(period.start, period.end)
    dates = {"limit": TOP_QUERIES, "start": period.start, "end": period.end}
    popular = [[row["query"], row["total"], row["empty"]] for row in popular_queries(**dates)]
    without = [[row["query"], row["empty"]] for row in queries_without_results(**dates)]
    kpis = {
        "search.searches": searches,
        "search.zero_result_share": share(empty, searches),
    }
    top = Table(
        "search-top",
        _("Top queries"),
        [_("Query"), _("Searches"), _("Without results")],
        popular,
        empty_text=_("Nobody searched in this period."),
    )
    top.chart = charts.bar_chart(
        _("Top queries"), [(query, total) for query, total, _empty in popular[:10]], _("The ten most searched queries.")
    )
    zero = Table(
        "search-zero",
        _("Queries without results"),
        [_("Query"), _("Searches without results")],
        without,
        empty_text=_("Every search found something."),
    )
    return kpis, [top, zero]
