"""Put the starter synonyms (search/starter_synonyms.py) into an empty synonym list."""

from django.core.management.base import BaseCommand

from search.starter_synonyms import add_starter_synonyms


class Command(BaseCommand):
    help = "Add the starter synonyms when the organisation has none yet."

    def handle(self, *args, **options):
        added = add_starter_synonyms()
        self.stdout.write(f"{added} synonym groups added." if added else "Synonyms exist already; nothing added.")
