"""Pages of the frame for `make bench`: the homepage, and the minimal Wagtail page every page is
compared with (the ContentPage "Hulp en handleiding" that home/seed.py makes at /hulp/)."""

from home.models import ContentPage, HomePage

MINIMAL_PAGE_SLUG = "hulp"


def _path(page):
    parts = page.get_url_parts()
    if parts is None:
        raise LookupError(f"{page.title!r} is not routable from any site.")
    return parts[2]


def minimal_page():
    page = ContentPage.objects.live().filter(slug=MINIMAL_PAGE_SLUG).order_by("depth").first()
    if page is None:
        raise LookupError("No live ContentPage 'hulp'; run seed_demo first.")
    return ("Hulp en handleiding (minimale Wagtail-pagina)", _path(page))


def bench_pages():
    pages = []
    home = HomePage.objects.live().first()
    if home is not None:
        pages.append(("Startpagina", _path(home)))
    pages.append(minimal_page())
    return pages
