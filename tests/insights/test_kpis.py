"""Every KPI on hand-made data (tests/insights/known_data.py), with the expected values worked out."""

import pytest

from insights import kpis
from teams import stats as teams_stats
from tests.insights.known_data import WEEK, make_everything

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(home):
    # No teams in the data: the teams sections' own figures are tested below with a stand-in teams.stats.
    make_everything(home)
    return kpis.collect(WEEK)


def rows(report, key):
    return report.table(key).rows


def test_adoption(report):
    k = report.kpis
    assert k["adoption.employees"] == 3  # Anna, Bas, Cees; Dirk is inactive
    assert k["adoption.dau"] == 2.5  # working days Monday (2) and Tuesday (3); Saturday not counted
    assert k["adoption.dau_share"] == 83.3  # 2.5 / 3
    assert k["adoption.wau"] == 3 and k["adoption.wau_share"] == 100.0
    assert k["adoption.mau"] == 3  # June is not over: the latest month counts
    assert k["adoption.phone_share"] == 28.6  # phone 1+0+1 of 2+5 employee-days
    assert k["adoption.views"] == 55
    assert rows(report, "adoption-daily")[0] == ["2026-06-01", 2, 1, 2, 20]
    assert rows(report, "adoption-devices") == [["Telefoon", 2, 28.6], ["Computer", 5, 71.4]]


def test_participation(report):
    k = report.kpis
    assert (k["participation.posts"], k["participation.comments"], k["participation.likes"]) == (1, 2, 3)
    assert k["participation.contributors"] == 2  # Anna posted, Bas commented; Cees only outside the week
    assert k["participation.contributors_share"] == 66.7
    assert rows(report, "participation-weekly") == [["2026-06-01", 1, 2, 3]]
    by_kind = {row[0]: row[1:] for row in rows(report, "popularity-by-kind")}
    assert by_kind["Prikbord"] == [0, 3, 2]
    assert by_kind["Overig"] == [10, 0, 0]  # the homepage's views
    assert rows(report, "top-viewed") == [["Startpagina", "Overig", 10]]
    assert rows(report, "top-liked") == [["Fiets", "Prikbord", 3]]


def test_people(report):
    k = report.kpis
    assert k["people.average_completeness"] == 35.0  # (0 + 25 + 80) / 3
    assert k["people.photo_share"] == 33.3
    assert k["people.complete_80_share"] == 33.3
    assert [row[1] for row in rows(report, "people-completeness")] == [1, 1, 0, 0, 1, 0]
    assert rows(report, "people-units") == [  # in the tree's order (by name)
        ["Bedrijfsvoering › ICT", 1, 100.0, 80.0],
        ["Dienstverlening", 2, 0.0, 12.5],
    ]


def test_directregelen(report):
    k = report.kpis
    assert k["directregelen.requests"] == 3  # the fourth came in on the 20th
    assert k["directregelen.median_first_response_hours"] == 4.0  # 2, 4, 6 hours
    assert k["directregelen.median_done_hours"] == 20.0  # 10 and 30 hours; one still open
    assert rows(report, "directregelen-departments") == [["ICT", 3, 1, 2, 4.0, 20.0]]


def test_search(report):
    k = report.kpis
    assert k["search.searches"] == 10
    assert k["search.zero_result_share"] == 20.0
    assert rows(report, "search-top") == [["verlof", 7, 0], ['=HYPERLINK("x")', 3, 2]]
    assert rows(report, "search-zero") == [['=HYPERLINK("x")', 2]]


class FakeTeamsStats:
    """teams.stats' contract (TEAMS_SPEC.md), with fixed answers."""

    @staticmethod
    def question_stats(start, end):
        return {
            "asked": 8,
            "answered": 6,
            "accepted": 3,
            "median_first_answer_hours": 5.5,
            "median_accepted_hours": 20.0,
            "unanswered_over_2_days": 1,
        }

    @staticmethod
    def unanswered_questions(older_than_hours=48, limit=20):
        return []

    @staticmethod
    def team_health(now=None):
        return {"total": 10, "active": 7, "quiet": 3, "archived": 1, "archive_candidates": 2, "duplicate_pairs": 1}

    @staticmethod
    def posts_per_week(start, end):
        """Four team posts, all on Monday 1 June at ten (the roll-ups ask one day at a time)."""
        import datetime

        from tests.insights.known_data import at

        return [(datetime.date(2026, 6, 1), 4 if start <= at(1) < end else 0)]

    @staticmethod
    def post_authors(start, end):
        return []

    @staticmethod
    def closed_page_ids():
        return []

    @staticmethod
    def closed_post_ids():
        return []


def test_questions_teams_and_team_posts_come_from_teams_stats(home, monkeypatch):
    for name in vars(FakeTeamsStats):
        if not name.startswith("_"):
            monkeypatch.setattr(teams_stats, name, getattr(FakeTeamsStats, name))
    make_everything(home)
    k = kpis.collect(WEEK).kpis
    assert k["questions.asked"] == 8 and k["questions.answered_share"] == 75.0
    assert k["questions.median_first_answer_hours"] == 5.5
    assert k["teams.quiet"] == 3 and k["teams.duplicate_pairs"] == 1
    assert k["participation.posts"] == 5  # 4 team posts + 1 notice
