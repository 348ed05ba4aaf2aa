"""The retention job: drop technical data past PRIVACY_TECHNICAL_RETENTION_DAYS and expired exports."""

from django.core.management.base import BaseCommand

from privacy.retention import enforce


class Command(BaseCommand):
    help = "Drop comment IP addresses, login logs, ended sessions, old job rows and expired exports (docs/privacy.md)."

    def handle(self, **options):
        for what, count in enforce().items():
            self.stdout.write(f"{what}: {count}")
