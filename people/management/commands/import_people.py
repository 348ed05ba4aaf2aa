from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from people.importer import COLUMNS, ImportAborted, import_people


class Command(BaseCommand):
    help = "Imports the HR export (CSV keyed on employee_number): creates, updates and deactivates people."

    def add_arguments(self, parser):
        parser.add_argument("file", help=f"CSV file with the columns {', '.join(COLUMNS)} (see docs/people.md).")
        parser.add_argument("--partial", action="store_true", help="Import the good rows even when others are bad.")

    def handle(self, *args, file, partial, **options):
        path = Path(file)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Kan {file} niet lezen: {exc}") from exc
        try:
            result = import_people(text, partial=partial)
        except ImportAborted as aborted:
            self._report_errors(aborted.result.errors)
            raise CommandError(
                f"{len(aborted.result.errors)} foute regel(s); er is niets gewijzigd. "
                "Herstel het bestand of gebruik --partial om de goede regels toch in te lezen."
            ) from None
        self._report_errors(result.errors)
        self.stdout.write(
            self.style.SUCCESS(
                f"Klaar: {result.created} nieuw, {result.updated} bijgewerkt, {result.unchanged} ongewijzigd, "
                f"{result.deactivated} uit dienst, {len(result.errors)} overgeslagen."
            )
        )

    def _report_errors(self, errors):
        for line, reason in errors:
            self.stderr.write(f"Regel {line}: {reason}")
