"""Long discussions: the comment section shows a page of the newest threads and "Meer reacties" for
the rest (a plain link, and a fragment social.js appends), permalinks land on the page holding the
comment, the count stays exact, and the page's queries and size do not grow with the discussion."""

import re
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from social import targets
from social.selectors import THREADS_PER_PAGE
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _comment(page, writer, text, when, parent_id=0):
    comment = XtdComment(
        content_type=ContentType.objects.get_for_model(page),
        object_pk=str(page.pk),
        site_id=1,
        user=writer,
        user_name="Kees Jansen",
        comment=text,
        submit_date=when,
        parent_id=parent_id,
    )
    comment.save()  # xtd sets thread, order and level on save
    return comment


def discuss(page, threads, writer, replies_every=3):
    """`threads` root comments on `page` (oldest first), every third with a reply; returns the roots."""
    roots = []
    for number in range(threads):
        start = page.first_published_at or timezone.now()
        root = _comment(page, writer, f"Draad nummer {number}", start + timedelta(minutes=number))
        roots.append(root)
        if number % replies_every == 0:
            _comment(page, writer, f"Antwoord op draad {number}", root.submit_date + timedelta(seconds=30), root.pk)
    return roots


@pytest.fixture
def writer(db):
    return PersonFactory(first_name="Kees", last_name="Jansen", user__username="kees").user


def fragment_url(page):
    return reverse("social:comment_page", args=[ContentType.objects.get_for_model(page).pk, page.pk])


def thread_numbers(html):
    return [int(n) for n in re.findall(r"Draad nummer (\d+)", html)]


def test_first_page_shows_the_newest_threads_the_exact_count_and_a_plain_more_link(employee_client, news_page, writer):
    roots = discuss(news_page, THREADS_PER_PAGE + 5, writer)
    total = XtdComment.objects.count()
    html = employee_client.get(news_page.url).text
    newest_first = list(range(len(roots) - 1, len(roots) - 1 - THREADS_PER_PAGE, -1))
    assert thread_numbers(html) == newest_first
    assert f"{total} reacties" in html
    # Without JavaScript "Meer reacties" is a link to the next page of the same article.
    more = re.search(r'<a href="([^"]+)" data-comment-more="([^"]+)">Meer reacties</a>', html)
    assert more is not None
    assert more.group(1) == f"{news_page.url}?reacties=2#reacties"
    second = employee_client.get(more.group(1).split("#")[0]).text
    assert thread_numbers(second) == [4, 3, 2, 1, 0]
    assert "Antwoord op draad 3" in second
    assert f"{total} reacties" in second  # the count stays the whole discussion's
    assert "Meer reacties" not in second and "Nieuwere reacties" in second
    # The fragment social.js fetches is the same page alone, without the article around it.
    fragment = employee_client.get(more.group(2).replace("&amp;", "&"))
    assert fragment.status_code == 200
    assert thread_numbers(fragment.text) == [4, 3, 2, 1, 0]
    assert news_page.title not in fragment.text and "comment-form" not in fragment.text


def test_a_permalink_to_an_old_comment_opens_the_page_holding_it(employee_client, news_page, writer):
    roots = discuss(news_page, THREADS_PER_PAGE * 2 + 3, writer)
    old_reply = XtdComment.objects.get(comment="Antwoord op draad 0")
    link = targets.url_of(old_reply)
    assert link == f"{news_page.url}?reactie={old_reply.pk}#c{old_reply.pk}"
    html = employee_client.get(link.split("#")[0]).text
    assert f'id="c{old_reply.pk}"' in html and f'id="c{roots[0].pk}"' in html
    assert f'id="c{roots[-1].pk}"' not in html  # the newest thread is on page 1, not here
    assert "Meer reacties" not in html
    # A permalink to a comment of another page, or nonsense, falls back to the first page.
    assert thread_numbers(employee_client.get(news_page.url + "?reactie=abc").text)[0] == len(roots) - 1


def test_removed_and_hidden_comments_keep_the_count_exact(employee_client, news_page, writer):
    discuss(news_page, 30, writer)
    XtdComment.objects.filter(comment="Draad nummer 1").update(is_removed=True)
    XtdComment.objects.filter(comment="Draad nummer 2").update(is_public=False)
    counted = XtdComment.objects.filter(is_public=True, is_removed=False).count()
    html = employee_client.get(news_page.url + "?reacties=2").text
    assert f"{counted} reacties" in html
    assert "Draad nummer 2<" not in html


def test_the_html_of_a_long_discussion_stays_bounded(employee_client, news_page, writer):
    discuss(news_page, 150, writer)
    html = employee_client.get(news_page.url).text
    assert html.count('class="comment"') <= THREADS_PER_PAGE * 2
    assert len(html.encode()) < 150_000


def test_query_count_is_identical_at_two_sizes(client, make_news, writer, employee, django_assert_num_queries):
    small, large = make_news("Klein gesprek"), make_news("Groot gesprek")
    discuss(small, THREADS_PER_PAGE + 1, writer)
    discuss(large, 200, writer)
    client.force_login(employee)
    client.get(small.url)
    client.get(large.url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as on_small:
        client.get(small.url)
    with django_assert_num_queries(len(on_small)):
        client.get(large.url)


def test_the_count_and_the_threads_come_from_the_pages_own_comments_in_one_query(
    make_news, news_page, writer, django_assert_num_queries
):
    from social.selectors import _discussion_index

    discuss(make_news("Ander gesprek"), 5, writer)  # another page's threads interleave by id
    roots = discuss(news_page, 4, writer)  # threads 0 and 3 get a reply: 6 comments
    XtdComment.objects.filter(pk=roots[1].pk).update(is_removed=True)  # keeps its place, not counted
    with django_assert_num_queries(1):
        count, threads = _discussion_index(news_page)
    assert count == 5
    assert threads == [root.thread_id for root in reversed(roots)]


def test_showing_comments_asks_no_permissions(employee_client, news_page, writer):
    """xtd's tree asked the reader's permissions (two queries) for a flag count the page never shows."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    discuss(news_page, 3, writer)
    employee_client.get(news_page.url)
    with CaptureQueriesContext(connection) as queries:
        html = employee_client.get(news_page.url).text
    assert "Draad nummer 2" in html
    assert not [q["sql"] for q in queries if "auth_permission" in q["sql"]]


def test_comments_the_reader_reported_cost_no_query_each(client, make_news, writer, employee):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from social import services

    page = make_news("Gemeld gesprek")
    roots = discuss(page, 6, writer)
    client.force_login(employee)
    services.flag_comment(employee, roots[0])
    client.get(page.url)
    with CaptureQueriesContext(connection) as one_flag:
        client.get(page.url)
    for root in roots[1:5]:
        services.flag_comment(employee, root)
    # The reader's reports are kept per reader: a report shows at once, read afresh once after it.
    assert client.get(page.url).text.count('class="comment__flagged"') == 5
    with CaptureQueriesContext(connection) as five_flags:
        html = client.get(page.url).text
    assert len(five_flags) == len(one_flag)
    assert html.count('class="comment__flagged"') == 5
