import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailTestUtils

from home.models import ContentPage, HomePage
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


class TestPageTree(WagtailTestUtils):
    def test_homepage_only_under_root_and_only_once(self):
        from django.test import SimpleTestCase

        case = SimpleTestCase()
        assert HomePage.objects.count() == 1
        assert HomePage.can_create_at(Page.get_first_root_node()) is False  # max_count reached
        assert HomePage.can_exist_under(Page.get_first_root_node())
        assert not HomePage.can_exist_under(HomePage.objects.get())
        assert case is not None

    def test_content_page_under_homepage(self, home):
        assert ContentPage.can_create_at(home)

    def test_default_site_serves_homepage(self, home):
        from wagtail.models import Site

        assert Site.objects.get(is_default_site=True).root_page.specific == home


def test_homepage_greets_the_employee_by_first_name(employee_client, person):
    response = employee_client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Goed je te zien, Sanne" in html
    assert html.count("<h1") == 1
    assert 'id="site-search-q"' in html


def test_content_page_renders_rich_text(employee_client, home):
    page = ContentPage(title="Hulp", slug="hulp", intro="Snel op weg", body="<p>Gebruik het <b>zoekvak</b>.</p>")
    home.add_child(instance=page)
    response = employee_client.get("/hulp/")
    assert response.status_code == 200
    assert "<b>zoekvak</b>" in response.content.decode()


@pytest.mark.parametrize("extra_people", [0, 40])
def test_homepage_query_count_does_not_grow(employee_client, django_assert_max_num_queries, extra_people):
    PersonFactory.create_batch(extra_people)
    from tests.home.test_homepage import HOMEPAGE_MAX_QUERIES

    employee_client.get("/")  # warm the per-process caches, as on a running site
    with django_assert_max_num_queries(HOMEPAGE_MAX_QUERIES):
        assert employee_client.get("/").status_code == 200
