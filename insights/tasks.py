"""Background jobs of the insights: the nightly roll-up of yesterday's figures and the monthly KPI
snapshot, queued by the scheduler (PERIODIC; `manage.py roll_up_insights` / `snapshot_kpis` by hand)."""

import datetime

from django.core.management import call_command
from django.utils import timezone

from insights.kpis import refresh_stored_reports
from insights.rollups import roll_up_insights
from intranet.jobs import Periodic, job


@job()
def roll_up_insights_task(day: str = "") -> int:
    """Roll up `day` (ISO date; default yesterday). Idempotent: a retry or a second worker is harmless."""
    when = datetime.date.fromisoformat(day) if day else timezone.localdate() - datetime.timedelta(days=1)
    return roll_up_insights(when)


@job()
def count_active_employees():
    """DAU/WAU/MAU of yesterday and today; deletes marks older than 35 days and finished salts."""
    call_command("insights_rollup", verbosity=0)


@job()
def refresh_dashboard():
    """The dashboard's preset periods, recomputed here so that opening it costs a cache read."""
    return refresh_stored_reports()


@job()
def snapshot_kpis():
    call_command("snapshot_kpis", verbosity=0)


PERIODIC = [
    Periodic("insights.count_active_employees", count_active_employees, "daily", hour=0),
    Periodic("insights.roll_up_insights", roll_up_insights_task, "daily", hour=0),
    Periodic("insights.snapshot_kpis", snapshot_kpis, "monthly", hour=1),
    Periodic("insights.refresh_dashboard", refresh_dashboard, "hourly"),
]
