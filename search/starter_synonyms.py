"""A starter list of synonyms (docs/search.md) for an organisation to edit under Snippets > Synonyms.

`manage.py starter_synonyms` and the demo seeder put it into an empty list only: once an organisation
has its own groups (or removed the starters), nothing is added back."""

from search.models import Synonym
from search.query import forget_synonyms

STARTER_SYNONYMS = [
    "p&o, hr, personeelszaken, personeel en organisatie",
    "salaris, loon",
    "salarisstrook, loonstrook",
    "vakantie, verlof",
    "mobieltje, telefoon, mobiel, smartphone",
    "laptop, computer, pc",
    "lunch, catering",
    "ziekmelden, ziekmelding, ziek melden",
    "declaratie, declareren, onkosten",
    "thuiswerken, hybride werken",
    "pas, toegangspas",
    "ict, helpdesk, servicedesk",
]


def add_starter_synonyms():
    """The starter groups when there are no synonyms yet; returns how many were added."""
    if Synonym.objects.exists():
        return 0
    Synonym.objects.bulk_create(Synonym(terms=terms) for terms in STARTER_SYNONYMS)
    forget_synonyms()
    return len(STARTER_SYNONYMS)
