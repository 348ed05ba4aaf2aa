"""The comment section's per-comment parts (labels, dates, the like, delete, report and reply forms) are
worked out once per comment in Python (social_tags._decorate_comments) instead of by tags in a
nested template: the forms a reader sees must still lead where they did and work."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from social import services
from social.models import Like
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def forms(html):
    """(action, submit text) of every form in the comment list."""
    section = html[html.index('class="comment-list"') :]
    return re.findall(r'<form method="post" action="([^"]+)"[^>]*>.*?<button[^>]*>(.*?)</button>', section, re.S)


def test_each_comment_has_its_own_forms_labels_and_date(employee_client, employee, news_page):
    other = PersonFactory(first_name="Kees", last_name="Jansen", user__username="kees").user
    theirs = services.post_comment(other, news_page, "Wie gaat er mee?")
    mine = services.post_comment(employee, news_page, "Ik!", parent=theirs)
    XtdComment.objects.filter(pk=theirs.pk).update(submit_date=datetime(2026, 3, 4, 8, 5, tzinfo=ZoneInfo("UTC")))
    services.like(employee, theirs)

    html = employee_client.get(news_page.url).text

    comment_type = ContentType.objects.get_for_model(XtdComment).pk
    actions = dict(forms(html))
    like_theirs = reverse("social:like", args=[comment_type, theirs.pk])
    assert like_theirs in actions and reverse("social:like", args=[comment_type, mine.pk]) in actions
    assert reverse("social:comment_flag", args=[theirs.pk]) in actions  # someone else's: report
    assert reverse("social:comment_delete", args=[mine.pk]) in actions  # my own: delete
    assert reverse("social:comment_flag", args=[mine.pk]) not in actions
    assert 'aria-label="Reactie van Kees Jansen"' in html
    assert f'<label for="reply-{theirs.pk}">Je antwoord aan Kees Jansen</label>' in html
    assert f'<input type="hidden" name="parent" value="{theirs.pk}">' in html
    assert f'id="like-{comment_type}-{theirs.pk}" class="like__button like__button--on" aria-pressed="true"' in html
    # Amsterdam time, in Dutch, as the date filter showed it.
    assert '<time datetime="2026-03-04T09:05:00+01:00">4 maart 2026, 09:05</time>' in html

    # The forms work as they did: a like, a report, a deletion.
    assert employee_client.post(like_theirs, {"next": news_page.url}).status_code == 302
    assert not Like.objects.filter(user=employee, object_id=theirs.pk).exists()  # liked before: toggled off
    employee_client.post(reverse("social:comment_flag", args=[theirs.pk]), {"next": news_page.url})
    assert CommentFlag.objects.filter(comment_id=theirs.pk, user=employee).exists()
    employee_client.post(reverse("social:comment_delete", args=[mine.pk]), {"next": news_page.url})
    html = employee_client.get(news_page.url).text
    assert "Gemeld" in html  # reported by me: no second report form
    assert reverse("social:comment_flag", args=[theirs.pk]) not in dict(forms(html))
