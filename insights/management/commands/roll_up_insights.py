"""Store the dashboard's daily roll-ups (insights.rollups): yesterday by default, or a range to catch up."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insights.rollups import roll_up_insights


class Command(BaseCommand):
    help = "Roll up the insights figures of past days (idempotent: running it twice changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument("--day", help="one day (YYYY-MM-DD) instead of yesterday")
        parser.add_argument("--days", type=int, default=1, help="this many days up to yesterday (to catch up)")

    def handle(self, *args, **options):
        if options["day"]:
            try:
                days = [datetime.date.fromisoformat(options["day"])]
            except ValueError as exc:
                raise CommandError("--day takes a date as YYYY-MM-DD.") from exc
        else:
            yesterday = timezone.localdate() - datetime.timedelta(days=1)
            days = [yesterday - datetime.timedelta(days=back) for back in range(max(options["days"], 1) - 1, -1, -1)]
        rows = sum(roll_up_insights(day) for day in days)
        self.stdout.write(f"Rolled up {len(days)} day(s): {rows} rows.")
