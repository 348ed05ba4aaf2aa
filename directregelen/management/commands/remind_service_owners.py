from django.core.management.base import BaseCommand, CommandError

from directregelen.freshness import remind_owners
from intranet.jobs import PartlyDone


class Command(BaseCommand):
    help = "Mails every service page owner the pages whose review-by date has passed. The worker runs it weekly (directregelen.tasks)."

    def add_arguments(self, parser):
        parser.add_argument("--days-ahead", type=int, default=0, help="Also include pages due within this many days.")
        parser.add_argument("--dry-run", action="store_true", help="Count the reminders without sending them.")

    def handle(self, *args, days_ahead, dry_run, **options):
        try:
            sent, orphans = remind_owners(days_ahead=days_ahead, dry_run=dry_run)
        except PartlyDone as failure:
            raise CommandError(
                f"Mailserver faalde na {len(failure.kwargs['done'])} herinnering(en): {failure}"
            ) from None
        self.stdout.write(f"{sent} herinnering(en) {'klaar om te versturen' if dry_run else 'verstuurd'}.")
        for page in orphans:
            self.stdout.write(f"Geen eigenaar met e-mailadres: {page.title} (id {page.pk})")
