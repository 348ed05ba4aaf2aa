"""Write the app graph (who imports whom, read from the code) into docs/architecture.md as a Mermaid
diagram between its markers; `--check` only says whether the page is current (the test uses it)."""

from django.core.management.base import BaseCommand, CommandError

from intranet import app_graph

DOC = app_graph.ROOT / "docs" / "architecture.md"
START = "<!-- app-graph:start (made by `manage.py app_graph`; do not edit by hand) -->"
END = "<!-- app-graph:end -->"


def rendered(text):
    """The page with the diagram between the markers replaced by the current one."""
    if START not in text or END not in text:
        raise CommandError(f"{DOC} has no app-graph markers")
    before, rest = text.split(START, 1)
    _old, after = rest.split(END, 1)
    block = "```mermaid\n" + app_graph.mermaid(app_graph.app_edges()) + "\n```"
    return f"{before}{START}\n{block}\n{END}{after}"


class Command(BaseCommand):
    help = "Draw the app import graph into docs/architecture.md (--check: fail when the page is stale)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Change nothing; exit 1 when the diagram is stale.")

    def handle(self, *args, check=False, **options):
        text = DOC.read_text()
        new = rendered(text)
        if check:
            if new != text:
                raise CommandError("docs/architecture.md's app graph is stale: run `manage.py app_graph`.")
            self.stdout.write("The app graph in docs/architecture.md is current.")
            return
        DOC.write_text(new)
        self.stdout.write("Wrote the app graph into docs/architecture.md.")
