import time

from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from intranet.seeding import SeedContext, app_seeders

MAX_SIZE = 50_000
# Wagtail and modelsearch queue an index and a reference-index job for every saved object: tens of
# thousands for a large seed. During the seed they run at once instead (the seeders' own bulk index
# stays), so the worker's queue is not flooded; mail jobs of seeded notifications run at once too.
SEED_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


class Command(BaseCommand):
    help = "Builds a realistic, deterministic Dutch municipality to try Plein with. Safe to run twice."

    def add_arguments(self, parser):
        parser.add_argument("--employees", type=int, default=1500, help="Number of employees (1 to 50,000).")
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when people already exist (used by `make run`)."
        )

    def handle(self, *args, employees, if_empty, **options):
        if not 1 <= employees <= MAX_SIZE:
            raise CommandError(f"--employees must lie between 1 and {MAX_SIZE}.")
        from people.models import Person

        if if_empty and Person.objects.exists():
            self.stdout.write("Demo-inhoud staat er al; niets gedaan.")
            return
        context = SeedContext(size=employees, stdout=self.stdout)
        started = time.monotonic()
        with override_settings(TASKS=SEED_TASKS):
            for app_name, seeder in app_seeders():
                self.stdout.write(f"- {app_name}")
                seeder(context)
        self.stdout.write(self.style.SUCCESS(f"Demo-inhoud klaar in {time.monotonic() - started:.1f} s."))
        self.print_logins(context)

    def print_logins(self, context):
        from people.seed import DEMO_PASSWORD

        labels = {"employee": "Medewerker", "editor": "Redacteur", "administrator": "Beheerder"}
        self.stdout.write("\nInloggen op http://127.0.0.1:8000 met:")
        for role, username in context.data.get("logins", []):
            self.stdout.write(
                f"  {labels.get(role, role):<11} gebruikersnaam: {username:<12} wachtwoord: {DEMO_PASSWORD}"
            )
