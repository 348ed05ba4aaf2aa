import pytest
from django.core.cache import cache

from home.models import ContentPage
from search import registry


@pytest.fixture(autouse=True)
def _fresh_search_caches():
    """Synonyms are cached and providers loaded once; each test starts clean and leaves no rows it
    rolled back in process caches (content types a seeder created would poison later tests)."""
    from django.contrib.contenttypes.models import ContentType

    from people import routing

    cache.clear()
    registry._cache.clear()
    yield
    cache.clear()
    ContentType.objects.clear_cache()
    routing.forget()


def add_page(parent, title, model=ContentPage, live=True, **fields):
    page = model(title=title, live=live, **fields)
    parent.add_child(instance=page)
    if live:
        page.save_revision().publish()
    return page


def make_service(title, keywords="", summary="", parent=None):
    """A published ServicePage under a department under the portal, creating those once."""
    from directregelen.models import DepartmentPage, DirectRegelenPage, ServicePage
    from home.models import HomePage

    portal = DirectRegelenPage.objects.first()
    if portal is None:
        portal = add_page(HomePage.objects.get(), "Direct regelen", DirectRegelenPage, slug="direct-regelen")
    department = parent or DepartmentPage.objects.first()
    if department is None:
        department = add_page(portal, "ICT", DepartmentPage, slug="ict", reference_prefix="ICT")
    return add_page(department, title, ServicePage, summary=summary or f"Regel {title.lower()}", keywords=keywords)


def result_titles(group):
    return [result.title for result in group.results]
