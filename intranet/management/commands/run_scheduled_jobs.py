"""Queue the periodic jobs that are due (every app's PERIODIC): for set-ups that prefer cron to the worker's
own scheduler. Safe every minute, twice, and on several machines at once (docs/deploy.md)."""

from django.core.management.base import BaseCommand

from intranet.jobs import run_due


class Command(BaseCommand):
    help = "Queue every periodic job that is due and not yet queued for its period (run from cron, e.g. hourly)."

    def handle(self, *args, **options):
        queued = run_due()
        self.stdout.write(f"Queued: {', '.join(queued) or 'nothing due'}")
