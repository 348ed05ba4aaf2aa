from django.core.management.base import BaseCommand

from teams import archiving


class Command(BaseCommand):
    help = (
        "Tell the admins of teams without activity for 180 days (once; again only after new activity or a "
        "keep that ran out). Community managers find the same teams under /teams-acties/beheer/stil/. "
        "The worker runs it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=archiving.QUIET_DAYS, help="Quiet for this many days.")
        parser.add_argument("--dry-run", action="store_true", help="List the quiet teams, tell nobody.")

    def handle(self, *args, **options):
        if options["dry_run"]:
            teams = list(archiving.quiet_teams(days=options["days"]))
            for team in teams:
                self.stdout.write(f"{team.pk}\t{team.last_activity_at:%Y-%m-%d}\t{team.title}")
            self.stdout.write(f"Quiet teams: {len(teams)}")
            return
        told = archiving.notify_quiet(days=options["days"])
        self.stdout.write(f"Quiet teams whose admins were told: {len(told)}")
