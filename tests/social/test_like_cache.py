"""Like summaries are kept per liked object (social.likes): a page with its comments reads them from the
cache, and every like, unlike, bulk write and rename shows at once."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from social import services
from social.likes import like_summary, likes_changed_in_bulk
from social.models import Like
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _like_queries(queries):
    return [q["sql"] for q in queries if '"social_like"' in q["sql"] and q["sql"].lstrip().startswith("SELECT")]


def test_a_warm_page_with_liked_comments_reads_no_likes(employee_client, news_page):
    colleague = PersonFactory(first_name="Ria", last_name="Vos")
    comments = [services.post_comment(colleague.user, news_page, f"Reactie {n}") for n in range(3)]
    for comment in comments:
        services.like(colleague.user, comment)
    services.like(colleague.user, news_page)
    employee_client.get(news_page.url)
    with CaptureQueriesContext(connection) as queries:
        html = employee_client.get(news_page.url).content.decode()
    assert not _like_queries(queries)
    assert html.count("Ria Vos") >= 4  # the page's and each comment's "who liked"


def test_a_like_or_unlike_by_anyone_shows_at_once(employee_client, employee, news_page):
    colleague = PersonFactory(first_name="Ria", last_name="Vos")
    employee_client.get(news_page.url)  # kept with no likes
    services.like(colleague.user, news_page)
    html = employee_client.get(news_page.url).content.decode()
    assert "1 collega vindt dit leuk" in html and 'aria-pressed="false"' in html
    services.like(employee, news_page)
    html = employee_client.get(news_page.url).content.decode()
    assert "2 collega's vinden dit leuk" in html and 'aria-pressed="true"' in html
    services.unlike(colleague.user, news_page)
    html = employee_client.get(news_page.url).content.decode()
    assert "1 collega vindt dit leuk" in html and "Ria Vos" not in html


def test_each_reader_sees_their_own_liked_state_from_one_kept_summary(employee, news_page):
    other = PersonFactory().user
    services.like(employee, news_page)
    key = (ContentType.objects.get_for_model(news_page).pk, news_page.pk)
    assert like_summary([news_page], employee)[key].liked is True
    with CaptureQueriesContext(connection) as queries:
        summary = like_summary([news_page], other)[key]
    assert summary.liked is False and summary.count == 1
    assert not _like_queries(queries)


def test_a_renamed_colleague_shows_under_the_new_name(employee, news_page):
    colleague = PersonFactory(first_name="Ria", last_name="Vos")
    services.like(colleague.user, news_page)
    key = (ContentType.objects.get_for_model(news_page).pk, news_page.pk)
    assert like_summary([news_page], employee)[key].names == ["Ria Vos"]
    colleague.last_name = "de Vries"
    colleague.save()
    assert like_summary([news_page], employee)[key].names == ["Ria de Vries"]


def test_bulk_written_likes_show_after_the_bulk_bump(employee, news_page):
    liker = PersonFactory().user  # made first: a new person retires the summaries too (their names)
    key = (ContentType.objects.get_for_model(news_page).pk, news_page.pk)
    assert like_summary([news_page], employee)[key].count == 0
    content_type = ContentType.objects.get_for_model(news_page)
    Like.objects.bulk_create([Like(content_type=content_type, object_id=news_page.pk, user=liker)])
    assert like_summary([news_page], employee)[key].count == 0  # no signal: still the kept summary
    likes_changed_in_bulk()
    assert like_summary([news_page], employee)[key].count == 1


def test_a_deleted_likers_like_goes_at_once(employee, news_page):
    colleague = PersonFactory()
    services.like(colleague.user, news_page)
    key = (ContentType.objects.get_for_model(news_page).pk, news_page.pk)
    assert like_summary([news_page], employee)[key].count == 1
    colleague.user.delete()  # the cascade deletes the like and signals it
    assert like_summary([news_page], employee)[key].count == 0
