"""The relevance set: queries and the result that must come first in its kind.

Runs against demo data from `seed_demo` (small size) on SQLite and PostgreSQL; see test_relevance.py.
A case's query or expectation may be a function of the seeded data (e.g. a colleague picked from it).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count


@dataclass
class RelevanceCase:
    name: str
    query: str | Callable
    kind: str
    first: str | Callable
    postgres_only: bool = False

    def resolve(self, value, data):
        return value(data) if callable(value) else value


def unique_colleague():
    """An active colleague whose last name nobody else has: searching it must find them first."""
    from people.models import Person

    unique = (
        Person.objects.filter(is_active=True)
        .values("last_name")
        .annotate(n=Count("pk"))
        .filter(n=1)
        .order_by("last_name")
        .values_list("last_name", flat=True)
    )
    return Person.objects.get(is_active=True, last_name=unique[len(unique) // 2])


def demo_employee():
    from people.models import Person

    return Person.objects.get(user__username="medewerker")


CASES = [
    RelevanceCase(
        "a colleague's last name", lambda d: d["colleague"].last_name, "people", lambda d: d["colleague"].full_name
    ),
    RelevanceCase(
        "a colleague's full name", lambda d: d["colleague"].full_name, "people", lambda d: d["colleague"].full_name
    ),
    RelevanceCase(
        "first and last name",
        lambda d: f"{d['demo'].first_name} {d['demo'].last_name}",
        "people",
        lambda d: d["demo"].full_name,
    ),
    RelevanceCase(
        "last name in lower case",
        lambda d: d["colleague"].last_name.lower(),
        "people",
        lambda d: d["colleague"].full_name,
    ),
    RelevanceCase("broken laptop", "laptop kapot", "services", "Storing melden"),
    RelevanceCase("leave", "verlof", "services", "Verlof aanvragen"),
    RelevanceCase("holiday finds leave through keywords", "vakantie", "services", "Verlof aanvragen"),
    RelevanceCase("new laptop", "nieuwe laptop", "services", "Nieuwe laptop aanvragen"),
    RelevanceCase("a team by its name", "fotografie", "teams", "Fotografie"),
    RelevanceCase("a closed team by its name", "ambassadeurs", "teams", "Ambassadeurs"),
    RelevanceCase(
        "typo in a last name",
        lambda d: d["colleague"].last_name[:-2] + d["colleague"].last_name[:-3:-1],
        "people",
        lambda d: d["colleague"].full_name,
        postgres_only=True,
    ),
]


def seeded_data():
    return {"colleague": unique_colleague(), "demo": demo_employee()}
