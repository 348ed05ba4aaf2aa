"""Runs the relevance set (tests/search/relevance.py) against seeded demo data."""

import pytest
from django.core.management import call_command

from search import services
from tests.conftest import is_postgres
from tests.search.relevance import CASES, seeded_data


@pytest.fixture
def seeded(db, django_user_model):
    call_command("seed_demo", employees=60, stdout=open("/dev/null", "w"))  # noqa: SIM115
    return seeded_data()


@pytest.mark.django_db
def test_relevance_set(seeded):
    from people.models import Person

    user = Person.objects.get(user__username="medewerker").user
    failures = []
    checked = 0
    for case in CASES:
        if case.postgres_only and not is_postgres():
            continue
        text = case.resolve(case.query, seeded)
        expected = case.resolve(case.first, seeded)
        outcome = services.run_search(text, user, kind=case.kind)
        results = [result.title for result in outcome.selected.results]
        if not results or results[0] != expected:
            failures.append(f"{case.name}: {text!r} gave {results[:3]}, expected {expected!r} first")
        suggestions = {group.kind: group for group in services.suggest(text, user)[1]}
        if case.kind == "people" and not case.postgres_only:
            first = suggestions[case.kind].results[0].title if case.kind in suggestions else None
            if first != expected:
                failures.append(f"{case.name} (suggestions): {text!r} gave {first!r}, expected {expected!r}")
        checked += 1
    assert checked >= 8 if is_postgres() else checked >= 7
    assert not failures, "\n".join(failures)
