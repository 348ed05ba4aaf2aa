"""Erase one person's personal data ("recht op vergetelheid"): irreversible, logged."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from people.models import Person
from privacy import erasure
from privacy.models import ErasureLog


class Command(BaseCommand):
    help = "Erase a person's personal data (by employee number). Irreversible; asks for confirmation."

    def add_arguments(self, parser):
        parser.add_argument("employee_number")
        parser.add_argument("--by", required=True, help="Username of the administrator who asked for it (logged).")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")
        parser.add_argument(
            "--remove-content",
            action="store_true",
            help="Remove posts and comments instead of keeping them as 'Oud-collega'.",
        )

    def handle(self, employee_number, by, yes, remove_content, **options):
        person = Person.objects.filter(employee_number=employee_number).select_related("user").first()
        if person is None:
            raise CommandError(f"No person with employee number {employee_number}.")
        actor = get_user_model().objects.filter(username=by).first()
        if actor is None or not erasure.can_erase(actor):
            raise CommandError(f"{by} is not an administrator who may erase people.")
        if not yes:
            answer = input(
                f"Erase all personal data of employee number {employee_number}? This cannot be undone. [type yes] "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing erased.")
        entry = erasure.erase(
            person.user,
            actor=actor,
            via="command",
            reason=ErasureLog.Reason.REQUEST,
            keep_content=False if remove_content else None,
        )
        for kind, count in entry.counts.items():
            self.stdout.write(f"{kind}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Erased {entry.subject}."))
