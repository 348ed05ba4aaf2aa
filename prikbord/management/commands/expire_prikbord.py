from django.core.management.base import BaseCommand

from prikbord import services


class Command(BaseCommand):
    help = "Mark notice-board posts older than 30 days (and not renewed) as expired. The worker runs it daily."

    def handle(self, *args, **options):
        count = services.expire()
        self.stdout.write(f"Expired notice-board posts: {count}")
