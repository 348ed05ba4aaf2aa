"""Runs the relevance set (tests/search/relevance.py) against seeded demo data.

Every case must be among the first three of its kind on the results page (and is counted when it comes
first), and among the first three suggestions
(the suggestion groups flattened in the order shown); a "lead" case's kind must also be the first group.
The top-3 hit rates are printed (`-s`) for docs/search.md."""

import pytest
from django.core.management import call_command

from search import services
from tests.conftest import is_postgres
from tests.search.relevance import CASES, seeded_data


@pytest.fixture
def seeded(db, django_user_model):
    call_command("seed_demo", employees=60, stdout=open("/dev/null", "w"))  # noqa: SIM115
    return seeded_data()


def _suggested(text, user):
    groups = services.suggest(text, user)[1]
    return groups, [result.title for group in groups for result in group.results]


@pytest.mark.django_db
def test_relevance_set(seeded):
    from people.models import Person

    user = Person.objects.get(user__username="medewerker").user
    failures = []
    cases = [case for case in CASES if is_postgres() or not case.postgres_only]
    results_top3 = results_first = 0
    suggestions_top3 = 0
    with_results = [case for case in cases if case.results]
    for case in cases:
        text = case.resolve(case.query, seeded)
        expected = case.resolve(case.first, seeded)
        if case.results:
            in_kind = [result.title for result in services.run_search(text, user, kind=case.kind).selected.results]
            results_first += bool(in_kind) and case.hit(in_kind[0], expected)
            if any(case.hit(title, expected) for title in in_kind[:3]):
                results_top3 += 1
            else:
                failures.append(f"{case.name}: {text!r} gave {in_kind[:3]}, expected {expected!r}")
            led = [group.kind for group in services.run_search(text, user).groups if group.results]
            if case.lead and led[:1] != [case.kind]:
                failures.append(f"{case.name}: {text!r} led with {led}")
        groups, flat = _suggested(text, user)
        if any(case.hit(title, expected) for title in flat[:3]):
            suggestions_top3 += 1
        else:
            failures.append(f"{case.name} (suggestions): {text!r} gave {flat[:3]}, expected {expected!r}")
        if case.lead and [group.kind for group in groups][:1] != [case.kind]:
            failures.append(f"{case.name} (suggestions): {text!r} led with {[g.kind for g in groups]}")
    print(
        f"\nrelevance set ({'PostgreSQL' if is_postgres() else 'SQLite'}, {len(cases)} cases): "
        f"results top-3 {results_top3}/{len(with_results)} (first {results_first}), suggestions top-3 {suggestions_top3}/{len(cases)}"
    )
    assert len(cases) >= (27 if is_postgres() else 22)
    assert not failures, "\n".join(failures)
