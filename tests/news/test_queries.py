"""Page types render in a fixed number of queries, whatever the data size."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Page

from news.models import BlogPage, Category, NewsPage
from social import services
from tests.conftest import session_queries
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_search_indexing(settings):
    """Filling 1,000 pages is about the page list, not the search index: keep the set-up quick."""
    backends = {name: {**conf, "AUTO_UPDATE": False} for name, conf in settings.WAGTAILSEARCH_BACKENDS.items()}
    settings.WAGTAILSEARCH_BACKENDS = backends


def fill(index, model, count, author, categories):
    """Live children: the first 30 (the first page of the list) through Wagtail's own add_child with
    categories and likes; the rest written straight into the tree so that 1,000 pages take seconds."""
    start = timezone.now()
    content_type = ContentType.objects.get_for_model(model)
    rest = []
    for number in range(count):
        fields = {"intro": "Inleiding", "date": start - datetime.timedelta(hours=number), "author": author}
        if number < 30:
            page = model(title=f"Bericht {number}", slug=f"bericht-{number}", live=True, **fields)
            index.add_child(instance=page)
            page.categories.set(categories)
            page.save()
            services.like(author.user, page)
        else:
            rest.append((number, fields))
    if not rest:
        return
    index.refresh_from_db()
    bases = Page.objects.bulk_create(
        Page(
            title=f"Bericht {number}",
            draft_title=f"Bericht {number}",
            slug=f"bericht-{number}",
            live=True,
            content_type=content_type,
            path=Page._get_path(index.path, index.depth + 1, index.numchild + offset + 1),
            depth=index.depth + 1,
            url_path=f"{index.url_path}bericht-{number}/",
            locale_id=index.locale_id,
        )
        for offset, (number, _) in enumerate(rest)
    )
    for base, (_, fields) in zip(bases, rest, strict=True):
        model(page_ptr_id=base.pk, **fields).save_base(raw=True)
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + len(rest))


@pytest.mark.parametrize("count", [1, 1000])
def test_news_index_queries_fixed(employee_client, news_index, author, count, django_assert_max_num_queries):
    categories = [Category.objects.create(name=f"Cat {n}", slug=f"cat-{n}") for n in range(3)]
    fill(news_index, NewsPage, count, author, categories)
    newest = NewsPage.objects.order_by("-date").first()
    services.post_comment(PersonFactory().user, newest, "Eerste!")
    cache.clear()
    # Cold (the frame's own caches too): the cards' pictures and categories in three queries, whatever the size.
    with django_assert_max_num_queries(29 + session_queries()):
        employee_client.get(news_index.url)
    # The cards and the archive links are cached from here on (news.cards).
    with django_assert_max_num_queries(15 + session_queries()):
        response = employee_client.get(news_index.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bericht 0" in html and "1 reactie" in html
    assert html.count('class="article-card card"') == min(count, 20)


@pytest.mark.parametrize("count", [1, 40])
def test_blog_index_and_archives_queries_fixed(
    employee_client, blog_index, author, count, django_assert_max_num_queries
):
    category = Category.objects.create(name="Werk", slug="werk")
    fill(blog_index, BlogPage, count, author, [category])
    for url in (blog_index.url, f"{blog_index.url}categorie/werk/", f"{blog_index.url}{timezone.now():%Y/%-m}/"):
        employee_client.get(url)  # cards and archive links cached from here on (news.cards)
        with django_assert_max_num_queries(17 + session_queries()):  # 16 + the category of a category archive
            assert employee_client.get(url).status_code == 200


@pytest.mark.parametrize("count", [1, 30])
def test_blog_page_queries_fixed(employee_client, blog_page, count, django_assert_max_num_queries):
    for _ in range(count):
        writer = PersonFactory().user
        comment = services.post_comment(writer, blog_page, "Mooi geschreven")
        services.like(writer, blog_page)
        services.like(writer, comment)
    employee_client.get(blog_page.url)
    with django_assert_max_num_queries(40):
        response = employee_client.get(blog_page.url)
    assert f"{count} collega" in response.content.decode()
