"""Pages `make bench` times after seeding: the directory, a search, the org chart and a full profile."""

from people import routing
from people.models import Person


def bench_pages():
    base = routing.index_url()
    pages = [
        ("Smoelenboek", base),
        ("Smoelenboek: zoeken", f"{base}?q=jan"),
        ("Organogram", f"{base}organisatie/"),
    ]
    # The richest profile: a manager with reports, tags and a photo is the worst case to render.
    person = (
        Person.objects.filter(is_active=True, reports__isnull=False)
        .exclude(photo=None)
        .order_by("employee_number")
        .only("slug")
        .first()
    ) or Person.objects.filter(is_active=True).only("slug").first()
    if person is not None:
        pages.append(("Profiel", routing.profile_url(person)))
    # The bench logs in as the demo employee; /mijn-profiel/ only redirects to this page.
    me = Person.objects.filter(user__username="medewerker").only("slug").first()
    if me is not None:
        pages.append(("Profiel bewerken (eigen)", routing.edit_url(me)))
    return pages
