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
    # Its kind must lead: the first group on the results page and in the suggestions ("verl" puts
    # Direct regelen above people, "zonnepanelen" news above look-alike services).
    lead: bool = False
    # The expected title may go on (the demo repeats an article as "... (20)" at larger sizes).
    title_start: bool = False
    # A case for the suggestions only (results match whole words: "verl" is no word).
    results: bool = True

    def hit(self, title, expected):
        return title == expected or (self.title_start and title.startswith(expected))

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


def _name(key):
    return lambda d: d[key].full_name


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
    # Tussenvoegsels: every word prefix-matches the full name as people write it, in any case.
    RelevanceCase("two-word tussenvoegsel and last name", "van den hoogenband", "people", _name("hoogenband")),
    RelevanceCase("full name with tussenvoegsel", "Joost van den Hoogenband", "people", _name("hoogenband")),
    RelevanceCase("name as a list writes it", "HOOGENBAND, VAN DEN", "people", _name("hoogenband")),
    RelevanceCase("name without its tussenvoegsel", "joost hoogenb", "people", _name("hoogenband")),
    RelevanceCase("apostrophe tussenvoegsel", "in 't veld", "people", _name("veld")),
    RelevanceCase("apostrophe left out", "ingrid in t veld", "people", _name("veld")),
    # A name match beats a function match: "de" is also the start of "Debiteuren".
    RelevanceCase("first name and tussenvoegsel", "sjoerd de", "people", _name("kroon")),
    # Suggestions: things to arrange before people while typing a word of their title.
    RelevanceCase("start of a service title", "verl", "services", "Verlof aanvragen", lead=True, results=False),
    # Synonyms from the starter list.
    RelevanceCase("HR is P&O", "hr", "services", "P&O"),
    RelevanceCase("mobieltje is a phone", "mobieltje", "services", "Mobiele telefoon aanvragen"),
    RelevanceCase("computer is a laptop", "computer kapot", "services", "Storing melden"),
    RelevanceCase("sick report as one word", "ziekmelden", "services", "Ziek- en betermelden"),
    # Stemming, typos and compounds through the likeness of titles (PostgreSQL).
    RelevanceCase("another word form", "verloven", "services", "Verlof aanvragen", postgres_only=True),
    RelevanceCase("letters swapped", "declaratei", "services", "Declaraties indienen", postgres_only=True),
    RelevanceCase("compound of a title", "verlofaanvraag", "services", "Verlof aanvragen", postgres_only=True),
    RelevanceCase(
        "the news article before look-alikes",
        "zonnepanelen",
        "news",
        "Zonnepanelen op het stadskantoor",
        lead=True,
        title_start=True,
    ),
]


def extra_colleagues():
    """Names the demo does not have: two-word and apostrophe tussenvoegsels, and a namesake found
    only through the function ("Medewerker Debiteuren" holds "de")."""
    from tests.factories import PersonFactory

    return {
        "hoogenband": PersonFactory(first_name="Joost", tussenvoegsel="van den", last_name="Hoogenband"),
        "veld": PersonFactory(first_name="Ingrid", tussenvoegsel="in 't", last_name="Veld"),
        "kroon": PersonFactory(first_name="Sjoerd", tussenvoegsel="de", last_name="Kroon", job_title="Jurist"),
        "namesake": PersonFactory(first_name="Sjoerd", last_name="Aalders", job_title="Medewerker Debiteuren"),
    }


def seeded_data():
    return {"colleague": unique_colleague(), "demo": demo_employee(), **extra_colleagues()}
