import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django_comments_xtd.models import XtdComment

from news.models import BlogIndexPage, BlogPage, NewsIndexPage, NewsPage
from news.services import EDITORS
from social.models import Like

pytestmark = pytest.mark.django_db


def counts():
    return (NewsPage.objects.count(), BlogPage.objects.count(), XtdComment.objects.count(), Like.objects.count())


def test_seed_is_rerunnable_and_puts_the_demo_editor_in_the_news_group():
    call_command("seed_demo", employees=40, stdout=io.StringIO())
    first = counts()
    assert NewsIndexPage.objects.get().title == "Nieuws"
    assert BlogIndexPage.objects.get().title == "Blogs"
    assert first[0] >= 15 and first[1] >= 6 and first[2] > 0 and first[3] > 0
    assert Group.objects.get(name=EDITORS).user_set.filter(username="redacteur").exists()
    call_command("seed_demo", employees=40, stdout=io.StringIO())
    assert counts() == first
