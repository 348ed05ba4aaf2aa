import threading
from unittest import mock

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection
from django.urls import reverse

from social import selectors, services
from social.models import Like, Notification
from tests.conftest import is_postgres
from tests.factories import PersonFactory


def like_url(obj):
    return reverse("social:like", args=[ContentType.objects.get_for_model(obj).pk, obj.pk])


@pytest.mark.django_db
def test_like_through_the_view_shows_count_and_who(employee_client, news_page, author):
    response = employee_client.post(like_url(news_page), {"next": news_page.url})
    assert response.status_code == 302 and response["Location"] == news_page.url
    assert Like.objects.count() == 1
    html = employee_client.get(news_page.url).content.decode()
    assert 'aria-pressed="true"' in html
    assert "1 collega vindt dit leuk" in html and "Sanne de Boer" in html
    notification = Notification.objects.get(recipient=author.user)
    assert notification.verb == Notification.Verb.LIKE


@pytest.mark.django_db
def test_second_click_unlikes(employee_client, news_page):
    employee_client.post(like_url(news_page))
    employee_client.post(like_url(news_page))
    assert Like.objects.count() == 0


@pytest.mark.django_db
def test_like_twice_through_the_service_counts_once(employee, news_page):
    assert services.like(employee, news_page) is True
    assert services.like(employee, news_page) is False
    assert Like.objects.count() == 1


@pytest.mark.django_db
def test_lost_race_is_not_an_error(employee, news_page):
    with mock.patch.object(Like.objects, "get_or_create", side_effect=IntegrityError("duplicate")):
        assert services.like(employee, news_page) is False


@pytest.mark.django_db
def test_json_answer_for_scripts(employee_client, news_page):
    response = employee_client.post(like_url(news_page), HTTP_ACCEPT="application/json")
    assert response.json() == {"liked": True, "count": 1, "names": ["Sanne de Boer"]}


@pytest.mark.django_db
def test_like_a_comment(employee_client, news_page):
    other = PersonFactory()
    comment = services.post_comment(other.user, news_page, "Leuk bericht")
    employee_client.post(like_url(comment))
    assert Notification.objects.filter(recipient=other.user, verb="like").count() == 1
    html = employee_client.get(news_page.url).content.decode()
    assert "1 collega vindt dit leuk" in html


@pytest.mark.django_db
def test_like_refused_for_unknown_kinds_and_unpublished_pages(employee_client, employee, make_news):
    assert employee_client.post(like_url(employee)).status_code == 404  # a User is not likeable
    draft = make_news("Concept")
    draft.unpublish()
    assert employee_client.post(like_url(draft)).status_code == 404  # hidden answers like missing (issue 14)
    assert employee_client.post("/sociaal/leuk/99999/1/").status_code == 404


@pytest.mark.django_db
def test_like_needs_login_and_post(client, employee_client, news_page):
    assert employee_client.get(like_url(news_page)).status_code == 405
    client.logout()
    response = client.post(like_url(news_page))
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


@pytest.mark.django_db
def test_like_summary_loads_many_in_one_query(employee, make_news, django_assert_num_queries):
    pages = [make_news() for _ in range(5)]
    for page in pages[:3]:
        services.like(employee, page)
    with django_assert_num_queries(1):
        summaries = selectors.like_summary(pages, employee)
    assert [selectors.summary_for(summaries, p).count for p in pages] == [1, 1, 1, 0, 0]
    assert selectors.summary_for(summaries, pages[0]).liked


@pytest.mark.skipif(not is_postgres(), reason="SQLite serialises writers; the race needs PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_clicks_give_one_like(news_index, author):
    from news.models import NewsPage
    from tests.news.conftest import publish_under

    page = publish_under(news_index, NewsPage(title="Race", slug="race", author=author))
    user = PersonFactory().user
    barrier = threading.Barrier(8)
    errors = []

    def click():
        try:
            barrier.wait()
            services.like(user, page)
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Like.objects.filter(user=user).count() == 1
