import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from mustread import services
from news.models import NewsIndexPage, NewsPage
from news.services import EDITORS
from tests.factories import OrganisationUnitFactory, PersonFactory
from tests.news.conftest import publish_under


@pytest.fixture
def news_index(home):
    return publish_under(home, NewsIndexPage(title="Nieuws", slug="nieuws"))


@pytest.fixture
def make_news(news_index):
    counter = iter(range(1, 100_000))

    def make(title=None, **fields):
        number = next(counter)
        fields.setdefault("date", timezone.now())
        page = NewsPage(title=title or f"Bericht {number}", slug=f"bericht-{number}", intro="Inleiding", **fields)
        return publish_under(news_index, page)

    return make


@pytest.fixture
def news_page(make_news):
    return make_news("Nieuwe integriteitscode")


@pytest.fixture
def units(db):
    """Directie Dienstverlening > Publiekszaken > Balie, and a separate Bedrijfsvoering."""
    directorate = OrganisationUnitFactory(name="Dienstverlening", slug="dienstverlening")
    department = OrganisationUnitFactory(name="Publiekszaken", slug="publiekszaken", parent=directorate)
    team = OrganisationUnitFactory(name="Balie", slug="balie", parent=department)
    other = OrganisationUnitFactory(name="Bedrijfsvoering", slug="bedrijfsvoering")
    for unit in (directorate, department, team, other):
        unit.refresh_from_db()
    return {"directorate": directorate, "department": department, "team": team, "other": other}


@pytest.fixture
def editor(db):
    user = PersonFactory(user__username="ingrid", first_name="Ingrid", last_name="Linden").user
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def community_manager(db):
    user = PersonFactory(user__username="mona", first_name="Mona", last_name="Derks").user
    user.groups.add(Group.objects.get(name="Omgevingsbeheerders"))
    return user


@pytest.fixture
def mark(editor):
    def mark(page, **options):
        return services.mark(editor, page, **options)

    return mark
