"""The number of articles in a list is kept under the page-tree generation (news.selectors.paginate):
publishing and unpublishing change the pages at once."""

import pytest

from news.selectors import PER_PAGE

pytestmark = pytest.mark.django_db


def test_the_pages_of_the_news_list_follow_publishing_at_once(employee_client, news_index, make_news):
    pages = [make_news(f"Bericht {number}") for number in range(PER_PAGE)]
    assert "Pagina 1 van 2" not in employee_client.get(news_index.url).text
    make_news("Nog een bericht")
    assert "Pagina 1 van 2" in employee_client.get(news_index.url).text
    assert employee_client.get(news_index.url + "?page=2").status_code == 200
    pages[0].unpublish()
    assert "Pagina 1 van 2" not in employee_client.get(news_index.url).text
