from django.core.management.base import BaseCommand, CommandError

from intranet.jobs import PartlyDone
from social.notifications import send_digests


class Command(BaseCommand):
    help = "Mail each 'daily digest' user their unread notifications (the worker does it daily: social.tasks)."

    def handle(self, *args, **options):
        try:
            sent = send_digests()
        except PartlyDone as failure:
            raise CommandError(f"The mail server failed; run again to send the rest: {failure}") from None
        self.stdout.write(f"{sent} digest e-mail(s) sent.")
