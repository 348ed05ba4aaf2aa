"""Count yesterday's and today's active employees and forget what is past its retention (run nightly)."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from insights.activity import prune, rollup


class Command(BaseCommand):
    help = "Roll the activity marks up into DAU/WAU/MAU totals; delete marks older than 35 days and old salts."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=2, help="How many days back to (re)count, today included.")

    def handle(self, *args, **options):
        today = timezone.localdate()
        for back in range(max(options["days"], 1) - 1, -1, -1):
            rollup(today - datetime.timedelta(days=back))
        marks, salts = prune(today)
        self.stdout.write(f"Activity counted; {marks} old activity marks and {salts} old salts deleted.")
