"""Pages `make bench` measures for search: results for a colleague's name and for a service word,
one kind's results page, and the suggestions endpoint (JSON) while typing a name."""

from urllib.parse import urlencode

from django.urls import reverse

from people.models import Person


def bench_pages():
    results = reverse("search:results")
    suggestions = reverse("search:suggestions")
    # A colleague from the middle of the list, not a demo account with a made-up name.
    person = next(iter(Person.objects.filter(is_active=True).order_by("pk")[100:101]), None)
    pages = [
        ("Zoeken: verlof", f"{results}?{urlencode({'q': 'verlof'})}"),
        ("Zoeken: laptop kapot", f"{results}?{urlencode({'q': 'laptop kapot'})}"),
        ("Suggesties: verl", f"{suggestions}?{urlencode({'q': 'verl'})}"),
        # Few hits: the typo look-alikes run (issue 20: these were the slowest).
        ("Zoeken: declaratei", f"{results}?{urlencode({'q': 'declaratei'})}"),
        ("Suggesties: verlofaanvraag", f"{suggestions}?{urlencode({'q': 'verlofaanvraag'})}"),
    ]
    if person:
        pages += [
            ("Zoeken: achternaam", f"{results}?{urlencode({'q': person.last_name})}"),
            (
                "Zoeken: Mensen, pagina 2",
                f"{results}?{urlencode({'q': person.last_name[:3], 'soort': 'people', 'pagina': 2})}",
            ),
            ("Suggesties: naam", f"{suggestions}?{urlencode({'q': person.last_name[:4]})}"),
        ]
    return pages
