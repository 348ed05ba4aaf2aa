"""Snapshots: the monthly command stores every KPI; the comparison gives absolute and relative change."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from insights import kpis
from insights.models import DailyActivity, KpiSnapshot, PeriodActivity
from tests.insights.known_data import make_everything

pytestmark = pytest.mark.django_db


def test_the_command_stores_every_kpi_under_its_date(home):
    make_everything(home)
    out = io.StringIO()
    call_command("snapshot_kpis", date="2026-06-07", days=7, note="nulmeting", stdout=out)
    snapshot = KpiSnapshot.objects.get()
    assert snapshot.taken_on == datetime.date(2026, 6, 7) and snapshot.period_days == 7
    assert snapshot.note == "nulmeting"
    assert snapshot.data["start"] == "2026-06-01"
    data = snapshot.data["kpis"]
    assert data["adoption.dau"] == 2.5
    assert data["directregelen.median_first_response_hours"] == 4.0
    assert data["search.zero_result_share"] == 20.0
    assert "2026-06-07" in out.getvalue()
    # A second run on the same date replaces the first instead of failing.
    call_command("snapshot_kpis", date="2026-06-07", days=7, stdout=out)
    assert KpiSnapshot.objects.count() == 1


def test_bad_arguments_are_refused():
    with pytest.raises(CommandError):
        call_command("snapshot_kpis", date="7 juni", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("snapshot_kpis", days=0, stdout=io.StringIO())


def test_comparison_absolute_and_percent():
    snapshot = KpiSnapshot(
        taken_on=datetime.date(2025, 1, 1),
        data={"kpis": {"adoption.dau": 40, "adoption.mau_share": 50.0, "search.searches": 0, "teams.quiet": 4}},
    )
    now = {"adoption.dau": 50, "adoption.mau_share": 62.5, "search.searches": 12, "teams.quiet": None}
    changes = {change.key: change for change in kpis.compare(now, snapshot)}
    assert (changes["adoption.dau"].absolute, changes["adoption.dau"].percent) == (10, 25.0)
    assert (changes["adoption.mau_share"].absolute, changes["adoption.mau_share"].percent) == (12.5, 25.0)
    assert changes["search.searches"].absolute == 12 and changes["search.searches"].percent is None  # from zero
    assert changes["teams.quiet"].absolute is None
    assert list(changes) == [key for key in kpis.KPI_LABELS if key in changes]  # in the dashboard's order


def test_rollup_command_counts_and_prunes():
    from django.utils import timezone

    from insights import tracking

    tracking.mark_active(7, "phone")
    out = io.StringIO()
    call_command("insights_rollup", stdout=out)
    assert DailyActivity.objects.get(day=timezone.localdate()).phone == 1
    assert PeriodActivity.objects.filter(kind="month").get().active == 1
    assert "deleted" in out.getvalue()


def test_a_community_manager_takes_the_baseline_from_the_dashboard(manager_client, client, employee):
    from django.utils import timezone

    response = manager_client.post("/admin/inzichten/meting/", {"note": "Nulmeting"})
    snapshot = KpiSnapshot.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"?basis={snapshot.pk}")
    assert snapshot.taken_on == timezone.localdate() - datetime.timedelta(days=1)
    assert snapshot.note == "Nulmeting" and "adoption.dau" in snapshot.data["kpis"]
    html = manager_client.get(response["Location"]).content.decode()
    assert "zijn vastgelegd als meting" in html
    assert "Nulmeting</option>" in html
    assert manager_client.get("/admin/inzichten/meting/").status_code == 405
    client.force_login(employee)
    client.post("/admin/inzichten/meting/", {"note": "x"})
    assert KpiSnapshot.objects.count() == 1
