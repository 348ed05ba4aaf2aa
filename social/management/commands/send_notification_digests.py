from django.core.management.base import BaseCommand

from social.notifications import send_digests


class Command(BaseCommand):
    help = "Mail each 'daily digest' user their unread notifications (run once a day from cron)."

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"{sent} digest e-mail(s) sent.")
