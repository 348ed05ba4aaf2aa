import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Page
from wagtailmedia.models import Media

from home.models import ContentPage
from news.models import BlogIndexPage, BlogPage, Category, NewsIndexPage, NewsPage
from tests.news.conftest import publish_under

pytestmark = pytest.mark.django_db


class TestPageTree:
    def test_indexes_live_under_the_homepage_only(self, home, news_index):
        assert NewsIndexPage.can_exist_under(home)
        assert BlogIndexPage.can_exist_under(home)
        assert not NewsIndexPage.can_exist_under(news_index)
        assert not NewsIndexPage.can_exist_under(Page.get_first_root_node())

    def test_articles_only_under_their_own_index(self, home, news_index, blog_index):
        assert NewsPage.can_create_at(news_index)
        assert not NewsPage.can_create_at(blog_index)
        assert not NewsPage.can_create_at(home)
        assert BlogPage.can_create_at(blog_index)
        assert not BlogPage.can_create_at(news_index)
        assert not ContentPage.can_create_at(news_index)

    def test_articles_have_no_children(self, news_page):
        assert not NewsPage.can_create_at(news_page)
        assert news_page.get_absolute_url() == news_page.url == "/nieuws/bericht-1/"


def test_news_page_shows_body_author_and_comment_form(employee_client, news_page):
    response = employee_client.get(news_page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Vanaf maandag zijn er nieuwe werkplekken." in html
    assert "Een mooie stap." in html
    assert "Ingrid van der Linden" in html and "Webredacteur" in html
    assert "Plaats reactie" in html
    assert "Nog geen reacties." in html


def test_video_and_document_blocks_play_and_link_from_the_intranet(employee_client, make_news):
    video = Media.objects.create(title="Uitleg", type="video", file=ContentFile(b"\x00" * 64, name="uitleg.mp4"))
    document = Document.objects.create(title="Regeling", file=ContentFile(b"%PDF-1.4", name="regeling.pdf"))
    page = make_news(
        "Met video",
        body=[
            {"type": "video", "value": {"video": video.pk, "caption": "Kijk even"}},
            {"type": "document", "value": {"document": document.pk, "title": "Lees de regeling"}},
            {
                "type": "call_to_action",
                "value": {"text": "Meld je aan", "page": None, "url": "https://intranet.example/aanmelden"},
            },
        ],
    )
    html = employee_client.get(page.url).content.decode()
    assert "<video controls" in html
    assert f'src="{video.url}"' in html and video.url.startswith("/media/")
    assert "Lees de regeling" in html and document.url in html
    assert "Meld je aan" in html


def test_index_lists_newest_first_with_counts(employee_client, make_news, news_index):
    make_news("Ouder bericht", date=timezone.now() - datetime.timedelta(days=10))
    make_news("Nieuwer bericht", date=timezone.now() - datetime.timedelta(days=1))
    html = employee_client.get(news_index.url).content.decode()
    assert html.index("Nieuwer bericht") < html.index("Ouder bericht")
    assert "0 reacties" in html


def test_unpublished_news_is_not_listed(employee_client, make_news, news_index):
    page = make_news("Geheim concept")
    page.unpublish()
    assert "Geheim concept" not in employee_client.get(news_index.url).content.decode()


def test_month_and_category_archives(employee_client, make_news, news_index):
    ict = Category.objects.create(name="ICT", slug="ict")
    in_march = make_news("Maart-bericht", date=timezone.make_aware(datetime.datetime(2026, 3, 5, 9)))
    make_news("April-bericht", date=timezone.make_aware(datetime.datetime(2026, 4, 5, 9)))
    in_march.categories.add(ict)
    in_march.save_revision().publish()

    html = employee_client.get(f"{news_index.url}2026/3/").content.decode()
    assert "Maart-bericht" in html and "April-bericht" not in html
    assert "Archief: maart 2026" in html

    html = employee_client.get(f"{news_index.url}categorie/ict/").content.decode()
    assert "Maart-bericht" in html and "April-bericht" not in html

    assert employee_client.get(f"{news_index.url}2026/13/").status_code == 404
    for year in ("0", "10000"):  # no date exists there: not found, never a 500
        assert employee_client.get(f"{news_index.url}{year}/1/").status_code == 404
    assert employee_client.get(f"{news_index.url}categorie/bestaat-niet/").status_code == 404


def test_atom_feed_for_logged_in_employees_only(client, employee_client, make_news, news_index):
    make_news("In de feed")
    response = employee_client.get(f"{news_index.url}feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert b"<feed" in response.content and b"In de feed" in response.content

    client.logout()
    anonymous = client.get(f"{news_index.url}feed/")
    assert anonymous.status_code == 302 and "/inloggen/" in anonymous["Location"]


def test_blog_shows_author_photo_and_function(employee_client, blog_page):
    html = employee_client.get(blog_page.url).content.decode()
    assert "Mijn eerste week" in html
    assert "Ingrid van der Linden" in html and "Webredacteur" in html
    assert 'href="/mensen/' in html


def test_homepage_block_pins_first(employee_client, make_news):
    make_news("Gewoon nieuws", date=timezone.now())
    make_news("Vastgepind nieuws", date=timezone.now() - datetime.timedelta(days=30), pinned=True)
    html = employee_client.get("/").content.decode()
    assert html.index("Vastgepind nieuws") < html.index("Gewoon nieuws")


@pytest.mark.parametrize("count", [1, 25])
def test_homepage_news_block_queries_fixed(employee_client, make_news, count, django_assert_max_num_queries):
    for number in range(count):
        make_news(pinned=number == 0)
    employee_client.get("/")  # warm caches (site root paths, content types)
    with django_assert_max_num_queries(25):
        assert employee_client.get("/").status_code == 200


def test_comments_off_hides_the_form(employee_client, make_news):
    page = make_news("Geen discussie", allow_comments=False)
    html = employee_client.get(page.url).content.decode()
    assert "Reageren is hier gesloten." in html
    assert 'name="comment"' not in html


def test_news_for_target_units_is_shown(employee_client, make_news):
    from tests.factories import OrganisationUnitFactory

    unit = OrganisationUnitFactory(name="Team ICT")
    page = make_news("Voor ICT")
    page.target_units.add(unit)
    page.save_revision().publish()
    assert list(NewsPage.objects.get(pk=page.pk).target_units.all()) == [unit]
    assert "Voor: Team ICT" in employee_client.get(page.url).content.decode()


def test_publish_under_keeps_slug(news_index):
    page = publish_under(news_index, NewsPage(title="Een", slug="een"))
    assert page.live and page.url == "/nieuws/een/"


def test_a_preview_shows_the_draft_not_the_published_text(news_page, rf, admin_user):
    """The article context must be the page being previewed, not the stored (published) row."""
    news_page.intro = "Concepttekst die nog niet gepubliceerd is"
    request = rf.get(news_page.url)
    request.user = admin_user
    request.is_preview = True
    context = news_page.get_context(request)
    assert context["article"].intro == "Concepttekst die nog niet gepubliceerd is"
    request.is_preview = False
    published = news_page.get_context(request)["article_html"]
    assert news_page.title in published and "Concepttekst die nog niet gepubliceerd is" not in published
