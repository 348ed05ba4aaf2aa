"""Demo data for search: the starter synonyms (an organisation edits them)."""

from search.starter_synonyms import add_starter_synonyms


def seed(context):
    added = add_starter_synonyms()
    if added:
        context.log(f"  {added} synoniemgroepen.")
