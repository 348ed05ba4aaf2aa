"""The move of page views per day to the frame: insights' rows and Direct regelen's service openings end
up in one table, one row per page and day, and no count is lost (both counted each employee once a day,
so where both counted a day and page the larger count stays)."""

import datetime

import pytest

from tests.directregelen.conftest import migrate

BEFORE = [
    ("intranet", "0004_daily_page_view"),
    ("insights", "0004_daily_rollup"),
    ("directregelen", "0003_request_external_ticket_version"),
]
AFTER = [("insights", "0005_page_views_to_the_frame"), ("directregelen", "0004_service_views_to_the_frame")]
MONDAY, TUESDAY = datetime.date(2026, 6, 1), datetime.date(2026, 6, 2)


@pytest.mark.django_db(transaction=True)
def test_both_counters_are_carried_into_the_frame_without_losing_a_count(home, leave_service, back_to_latest):
    service, other = leave_service.pk, home.pk
    old = migrate(BEFORE)
    old.get_model("directregelen", "ServiceDailyView").objects.create(page_id=service, day=MONDAY, count=7)
    old.get_model("directregelen", "ServiceDailyView").objects.create(page_id=service, day=TUESDAY, count=2)
    insights = old.get_model("insights", "DailyPageView")
    insights.objects.create(page_id=service, day=MONDAY, views=5)  # the same openings, counted by insights
    insights.objects.create(page_id=service, day=TUESDAY, views=3)
    insights.objects.create(page_id=other, day=MONDAY, views=40)

    new = migrate(AFTER)
    rows = new.get_model("intranet", "DailyPageView").objects.values_list("page_id", "day", "views")
    assert sorted(rows) == sorted([(service, MONDAY, 7), (service, TUESDAY, 3), (other, MONDAY, 40)])
