"""Daily roll-ups: idempotent (twice, or on two machines: the same rows), read by the dashboard for
history (so its cost does not grow with a year of data), with today computed live."""

import datetime
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from insights import kpis
from insights.metrics.common import Period
from insights.models import DailyRollup
from insights.rollups import roll_up_insights
from insights.tasks import roll_up_insights_task
from intranet.models import DailyPageView
from prikbord.models import Post
from social.models import Like
from tests.insights.known_data import WEEK, make_everything

pytestmark = pytest.mark.django_db
JUNE_2 = datetime.date(2026, 6, 2)


def snapshot(day=None):
    rows = DailyRollup.objects.all() if day is None else DailyRollup.objects.filter(day=day)
    return sorted(rows.values_list("day", "metric", "key", "object_id", "value"))


def test_rolling_up_twice_gives_the_same_rows(home):
    make_everything(home)  # rolls the week up once
    first = snapshot()
    assert first  # views, likes, comments and posts of the week
    assert ("views", str(home.content_type_id), 10) in [(m, k, v) for d, m, k, _o, v in first if d == JUNE_2]
    for day in (JUNE_2, datetime.date(2026, 6, 3)):
        roll_up_insights(day)
        roll_up_insights(day.isoformat())
    assert snapshot() == first
    assert DailyRollup.objects.count() == len(first)


def test_a_second_run_corrects_a_day_whose_data_changed(home):
    make_everything(home)
    DailyPageView.objects.filter(day=JUNE_2).update(views=4)
    Like.objects.filter(created_at__date=JUNE_2).delete()
    roll_up_insights(JUNE_2)
    values = {(m, o): v for _d, m, _k, o, v in snapshot(JUNE_2)}
    assert values[("views", 0)] == 4 and values[("top_viewed", home.pk)] == 4
    assert not any(metric in ("likes", "top_liked") for metric, _o in values)


def test_the_dashboard_reads_history_from_the_roll_ups_not_the_raw_rows(home):
    make_everything(home)
    before = kpis.collect(WEEK).kpis
    assert before["participation.comments"] == 2 and before["adoption.views"] >= 0
    # The raw rows go (as if a year of them were never read again): the figures stay.
    XtdComment.objects.all().delete()
    Like.objects.all().delete()
    DailyPageView.objects.all().delete()
    after = kpis.collect(WEEK)
    for key in ("participation.comments", "participation.likes", "participation.posts"):
        assert after.kpis[key] == before[key], key
    assert after.table("top-viewed").rows[0][2] == 10
    # And without roll-ups the history is empty: it really comes from them.
    DailyRollup.objects.all().delete()
    assert kpis.collect(WEEK).kpis["participation.comments"] == 0


def test_today_is_counted_live_without_waiting_for_the_job(home, employee):
    today = timezone.localdate()
    Post.objects.create(author=employee, category="te-koop", title="Stoel", text="Een stoel")
    XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(home),
        object_pk=str(home.pk),
        site_id=1,
        user=employee,
        comment="Vandaag",
        submit_date=timezone.now(),
    )
    DailyPageView.objects.create(day=today, page=home, views=7)
    report = kpis.collect(Period.last(7, today))
    assert report.kpis["participation.comments"] == 1 and report.kpis["participation.posts"] == 1
    assert report.table("top-viewed").rows[0][2] == 7
    assert not DailyRollup.objects.exists()  # the dashboard never stores today's partial figures


def test_command_and_task_roll_up_a_day(home):
    make_everything(home)
    expected = snapshot()
    DailyRollup.objects.all().delete()
    out = io.StringIO()
    call_command("roll_up_insights", day="2026-06-02", stdout=out)
    assert "1 day(s)" in out.getvalue()
    assert snapshot(JUNE_2) == [row for row in expected if row[0] == JUNE_2]
    assert roll_up_insights_task.call("2026-06-03") == len(
        [row for row in expected if row[0] == JUNE_2 + datetime.timedelta(days=1)]
    )
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    call_command("roll_up_insights", days=3, stdout=out)
    assert "3 day(s)" in out.getvalue()
    assert roll_up_insights_task.call() == 0 and not DailyRollup.objects.filter(day=yesterday).exists()
