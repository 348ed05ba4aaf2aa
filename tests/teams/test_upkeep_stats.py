"""The KPI figures of teams, on known data, in a fixed number of queries."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from teams import stats
from teams.models import Kind, TeamPage, TeamPost

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime(2026, 3, 31, 12, 0))


def at(day, hour=9):
    return timezone.make_aware(datetime(2026, 3, day, hour, 0))


@pytest.fixture
def questions(make_team, alice):
    """Five questions in March 2026 with known answer times (hours): first answers 1, 3, 10, none, none;
    accepted after 2 and 30 hours. One question in February and one plain post are not counted."""
    team = make_team("Fotografie")

    def ask(day, first=None, accepted=None, question=True, hour=9):
        created = at(day, hour)
        return TeamPost.objects.create(
            team=team,
            author=alice,
            text=f"Vraag {day}",
            is_question=question,
            created_at=created,
            first_answer_at=created + timedelta(hours=first) if first is not None else None,
            accepted_at=created + timedelta(hours=accepted) if accepted is not None else None,
        )

    ask(2, first=1, accepted=2)
    ask(3, first=3, accepted=30)
    ask(4, first=10)
    ask(29)  # unanswered, older than two days on the 31st
    ask(31, hour=8)  # unanswered, but only four hours old
    ask(5, question=False)
    TeamPost.objects.create(
        team=team, author=alice, text="Februari", is_question=True, created_at=at(2) - timedelta(days=30)
    )
    return team


def test_question_stats_on_known_data(questions, django_assert_num_queries):
    with django_assert_num_queries(3):
        result = stats.question_stats(date(2026, 3, 1), date(2026, 4, 1), now=NOW)
    assert result == {
        "asked": 5,
        "answered": 3,
        "accepted": 2,
        "median_first_answer_hours": 3.0,  # 1, 3, 10
        "median_accepted_hours": 16.0,  # (2 + 30) / 2
        "unanswered_over_2_days": 1,
    }


def test_question_stats_without_questions(db, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        result = stats.question_stats(date(2026, 3, 1), date(2026, 4, 1), now=NOW)
    assert result["asked"] == 0 and result["median_first_answer_hours"] is None
    assert result["median_accepted_hours"] is None


def test_unanswered_questions_oldest_first_open_teams_only(questions, make_team, alice, django_assert_num_queries):
    private = make_team("Geheim", Kind.PRIVATE)
    TeamPost.objects.create(team=private, author=alice, text="Geheime vraag", is_question=True, created_at=at(1))
    with django_assert_num_queries(1):
        found = stats.unanswered_questions(now=NOW)
    assert [post.text for post in found] == ["Februari", "Vraag 29"]  # not the private one, not the fresh one
    assert found[0].team.title == "Fotografie"
    # A member of the private team may see its question on their dashboard.
    assert [p.text for p in stats.unanswered_questions(user=alice, now=NOW)] == [
        "Februari",
        "Geheime vraag",
        "Vraag 29",
    ]
    assert len(stats.unanswered_questions(older_than_hours=1, now=NOW)) == 3
    assert len(stats.unanswered_questions(limit=1, now=NOW)) == 1


def test_team_health_counts(make_team, moderator, django_assert_num_queries):
    fresh = make_team("Fotografie")
    make_team("Fotografieclub")
    quiet = make_team("Schaken")
    kept = make_team("Koor")
    gone = make_team("Hardlopen")
    old = timezone.now() - timedelta(days=200)
    TeamPage.objects.filter(pk__in=[quiet.pk, kept.pk]).update(last_activity_at=old)
    TeamPage.objects.filter(pk=kept.pk).update(keep_until=timezone.now() + timedelta(days=30))
    from teams.archiving import archive_team

    archive_team(moderator, gone)
    with django_assert_num_queries(2):
        health = stats.team_health()
    assert health == {
        "total": 5,
        "active": 2,
        "quiet": 2,
        "archived": 1,
        "archive_candidates": 1,
        "duplicate_pairs": 1,
    }
    assert fresh  # noqa: B018


def test_posts_per_week_fills_empty_weeks(questions, django_assert_num_queries):
    with django_assert_num_queries(1):
        weeks = stats.posts_per_week(date(2026, 3, 2), date(2026, 4, 1))
    # Mondays 2, 9, 16, 23 and 30 March; posts on the 2nd-5th, the 29th (a Sunday) and the 31st.
    assert weeks == [
        (date(2026, 3, 2), 4),
        (date(2026, 3, 9), 0),
        (date(2026, 3, 16), 0),
        (date(2026, 3, 23), 1),
        (date(2026, 3, 30), 1),
    ]
