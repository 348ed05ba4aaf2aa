"""Whatever is typed, search answers (both databases): FTS and tsquery syntax, quotes, wildcards,
control characters and very long input never reach the engines as syntax or crash a kind."""

import pytest
from django.urls import reverse

from search import services
from tests.factories import PersonFactory
from tests.search.conftest import make_service

NASTY = [
    '"',
    "'",
    "in 't",
    "''' \"\"\"",
    "verlof*",
    "NEAR(verlof aanvragen)",
    "verlof AND OR NOT",
    "title:verlof",
    "(((",
    "%_%",
    "a\\b",
    "\x00verlof\x1f",
    "p&o | !hr <-> x:*",
    "ë" * 300,
    "verlof " * 400,
    "🙂 日本語 Кириллица",
]


@pytest.mark.django_db
@pytest.mark.parametrize("text", NASTY)
def test_results_and_suggestions_survive_any_input(employee, employee_client, text):
    make_service("Verlof aanvragen", keywords="vakantie")
    PersonFactory(first_name="Ingrid", tussenvoegsel="in 't", last_name="Veld")
    outcome = services.run_search(text, employee)
    assert all(group.total >= len(group.results) for group in outcome.groups)
    services.suggest(text, employee)
    printable = "".join(char for char in text if char.isprintable())
    assert employee_client.get(reverse("search:results"), {"q": printable[:1000]}).status_code == 200
    assert employee_client.get(reverse("search:suggestions"), {"q": printable[:1000]}).status_code == 200


@pytest.mark.django_db
def test_wildcards_are_letters_not_patterns(employee):
    PersonFactory(first_name="Ingrid", last_name="Veld")
    assert services.run_search("%", employee, kind="people").selected.total == 0
    assert services.run_search("_", employee, kind="people").selected.total == 0
