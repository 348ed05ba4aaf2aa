"""The leavers' job: erase everyone the HR import deactivated more than PRIVACY_LEAVER_GRACE_DAYS ago."""

from django.core.management.base import BaseCommand

from privacy.erasure import erase_due_leavers


class Command(BaseCommand):
    help = "Erase the personal data of leavers whose grace period is over (docs/privacy.md)."

    def handle(self, **options):
        self.stdout.write(f"Erased {erase_due_leavers()} leaver(s).")
