import os
import time

from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from intranet.seeding import SeedContext, app_seeders
from people.models import Person
from people.seed import DEMO_PASSWORD

MAX_SIZE = 50_000
# Wagtail and modelsearch queue an index and a reference-index job for every saved object: tens of
# thousands for a large seed. During the seed they run at once instead (the seeders' own bulk index
# stays), so the worker's queue is not flooded; mail jobs of seeded notifications run at once too.
SEED_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The seed's output is Dutch throughout, as the intranet is: the apps by their Dutch names.
APP_NAMES = {
    "intranet": "Organisatie",
    "people": "Mensen",
    "social": "Reacties en meldingen",
    "news": "Nieuws en blogs",
    "teams": "Teams",
    "directregelen": "Direct regelen",
    "search": "Zoeken",
    "home": "Startpagina",
    "rooms": "Zalen",
    "launcher": "Apps",
    "prikbord": "Prikbord",
    "insights": "Inzichten",
}


class Command(BaseCommand):
    help = "Builds a realistic, deterministic Dutch municipality to try Plein with. Safe to run twice."

    def add_arguments(self, parser):
        parser.add_argument("--employees", type=int, default=1500, help="Number of employees (1 to 50,000).")
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when people already exist (used by `make run`)."
        )
        parser.add_argument(
            "--port",
            default=os.environ.get("PORT", "8000"),
            help="The port `make run` serves on, for the address printed at the end (default: $PORT or 8000).",
        )

    def handle(self, *args, employees, if_empty, port, **options):
        if not 1 <= employees <= MAX_SIZE:
            raise CommandError(f"--employees must lie between 1 and {MAX_SIZE}.")

        if if_empty and Person.objects.exists():
            self.stdout.write("Demo-inhoud staat er al; niets gedaan.")
            return
        context = SeedContext(size=employees, stdout=self.stdout)
        started = time.monotonic()
        with override_settings(TASKS=SEED_TASKS):
            for app_name, seeder in app_seeders():
                self.stdout.write(f"- {APP_NAMES.get(app_name, app_name)}")
                seeder(context)
        self.stdout.write(self.style.SUCCESS(f"Demo-inhoud klaar in {time.monotonic() - started:.1f} s."))
        self.print_logins(context, port)

    def print_logins(self, context, port):
        labels = {"employee": "Medewerker", "editor": "Redacteur", "administrator": "Beheerder"}
        self.stdout.write(f"\nInloggen op http://127.0.0.1:{port} met:")
        for role, username in context.data.get("logins", []):
            self.stdout.write(
                f"  {labels.get(role, role):<11} gebruikersnaam: {username:<12} wachtwoord: {DEMO_PASSWORD}"
            )
