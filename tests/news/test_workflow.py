"""The editorial workflow with real groups and permissions, through the Wagtail admin's own views."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from news.models import BlogPage, NewsPage
from news.services import BLOGGERS, EDITORS
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    user = PersonFactory(user__username="ingrid").user
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def blogger(db):
    user = PersonFactory(user__username="bram").user
    user.groups.add(Group.objects.get(name=BLOGGERS))
    return user


def article_form(title, slug, action):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "Een inleiding",
            "body": streamfield([]),
            "date": "2026-11-20 09:00",
            "allow_comments": "on",
        }
    )
    data[action] = "1"
    return data


def test_groups_exist_with_admin_access():
    for name in (EDITORS, BLOGGERS, "Omgevingsbeheerders"):
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists()


def test_index_pages_get_rights_and_workflow(news_index, blog_index, editor, blogger):
    assert news_index.permissions_for_user(editor).can_publish_subpage()
    assert blog_index.permissions_for_user(editor).can_publish_subpage()
    assert blog_index.permissions_for_user(blogger).can_add_subpage()
    assert not blog_index.permissions_for_user(blogger).can_publish_subpage()
    assert not news_index.permissions_for_user(blogger).can_add_subpage()
    assert news_index.get_workflow().name == "Redactionele goedkeuring"
    assert blog_index.get_workflow() == news_index.get_workflow()


def test_blogger_cannot_publish_directly(client, blog_index, blogger):
    client.force_login(blogger)
    url = reverse("wagtailadmin_pages:add", args=["news", "blogpage", blog_index.pk])
    response = client.post(url, article_form("Mijn blog", "mijn-blog", "action-publish"))
    assert response.status_code in (302, 200, 403)
    page = BlogPage.objects.filter(slug="mijn-blog").first()
    assert page is None or not page.live


def test_blogger_submits_and_editor_approves(client, blog_index, blogger, editor):
    client.force_login(blogger)
    url = reverse("wagtailadmin_pages:add", args=["news", "blogpage", blog_index.pk])
    response = client.post(url, article_form("Mijn eerste blog", "mijn-eerste-blog", "action-submit"))
    assert response.status_code == 302
    page = BlogPage.objects.get(slug="mijn-eerste-blog")
    assert not page.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = state.current_task_state
    # The blogger may not approve their own post; the editor may.
    assert not task_state.task.specific.get_actions(page, blogger)
    assert "approve" in [name for name, *_ in task_state.task.specific.get_actions(page, editor)]

    client.force_login(editor)
    approve = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(approve, {"comment": ""})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_editor_publishes_news_directly(client, news_index, editor):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index.pk])
    response = client.post(url, article_form("Persbericht", "persbericht", "action-publish"))
    assert response.status_code == 302
    assert NewsPage.objects.get(slug="persbericht").live


def test_blogger_cannot_write_news(client, news_index, blogger):
    client.force_login(blogger)
    url = reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index.pk])
    client.post(url, article_form("Stiekem nieuws", "stiekem", "action-submit"))
    assert not NewsPage.objects.filter(slug="stiekem").exists()
