"""Store every KPI as a snapshot (run monthly from cron): the baselines the dashboard compares with."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insights.kpis import take_snapshot
from insights.metrics.common import Period


class Command(BaseCommand):
    help = "Store all KPIs of the N days (default 30) up to the given date (default yesterday) as a snapshot."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="The snapshot's date (YYYY-MM-DD), default yesterday: the last full day.")
        parser.add_argument("--days", type=int, default=30, help="Length of the measured period in days.")
        parser.add_argument("--note", default="", help="A note shown with the snapshot, e.g. 'nulmeting'.")

    def handle(self, *args, **options):
        try:
            if options["date"]:
                end = datetime.date.fromisoformat(options["date"])
            else:
                end = timezone.localdate() - datetime.timedelta(days=1)
        except ValueError as exc:
            raise CommandError("--date must look like 2026-11-01") from exc
        if options["days"] < 1 or options["days"] > 1100:
            raise CommandError("--days must be between 1 and 1100")
        snapshot = take_snapshot(Period.last(options["days"], end), note=options["note"])
        self.stdout.write(f"KPI snapshot of {snapshot.taken_on:%Y-%m-%d} stored ({len(snapshot.data['kpis'])} KPIs).")
