"""Writing a blog post from the front end: bloggers make a draft that goes through the workflow,
editors publish at once, everyone else is refused."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import WorkflowState

from news.models import BlogPage
from news.services import BLOGGERS, EDITORS
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

POST = {"title": "Mijn eerste week", "intro": "Hoe het begon.", "text": "Eerste alinea <script>x</script>\n\nTweede"}


def _member_of(group_name, username):
    user = PersonFactory(user__username=username, first_name="Bram", last_name="Bakker").user
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_a_blogger_writes_a_draft_that_goes_to_the_editors(client, blog_index):
    blogger = _member_of(BLOGGERS, "bram")
    client.force_login(blogger)
    form = client.get("/blogs/schrijven/")
    assert form.status_code == 200 and "Blog schrijven" in form.content.decode()
    response = client.post("/blogs/schrijven/", POST)
    assert response.status_code == 302 and response["Location"] == "/blogs/"
    page = BlogPage.objects.get()
    assert not page.live and page.has_unpublished_changes
    assert page.title == "Mijn eerste week" and page.author == blogger.person and page.owner == blogger
    assert page.get_latest_revision().user == blogger
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == blogger
    html = page.get_latest_revision_as_object().body.render_as_block()
    assert "&lt;script&gt;" in html and "<script>" not in html and html.count("<p>") == 2
    # Not public until an editor approves.
    assert "Mijn eerste week" not in client.get("/blogs/").content.decode()


def test_an_editor_who_may_publish_publishes_at_once(client, blog_index):
    editor = _member_of(EDITORS, "ingrid")
    client.force_login(editor)
    response = client.post("/blogs/schrijven/", POST)
    page = BlogPage.objects.get()
    assert page.live and response["Location"] == page.url
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()


def test_colleagues_outside_the_bloggers_group_are_refused(employee_client, blog_index):
    assert employee_client.get("/blogs/schrijven/").status_code == 403
    assert employee_client.post("/blogs/schrijven/", POST).status_code == 403
    assert not BlogPage.objects.exists()
    assert "/blogs/schrijven/" not in employee_client.get("/blogs/").content.decode()


def test_the_service_checks_permission_itself(employee, blog_index):
    from django.core.exceptions import PermissionDenied

    from news import blogging

    with pytest.raises(PermissionDenied):
        blogging.write_blog(employee, blog_index, title="x", intro="", text="y")


def test_bad_input_gets_a_dutch_message_and_keeps_what_was_typed(client, blog_index):
    client.force_login(_member_of(BLOGGERS, "bram"))
    html = client.post("/blogs/schrijven/", {"title": "\u200b", "text": "Mijn tekst blijft staan"}).content.decode()
    assert (
        '<ul class="field__errors" id="id_title_error"><li>Dit is een verplicht veld.</li></ul>' in html
        and "Mijn tekst blijft staan" in html
    )
    assert not BlogPage.objects.exists()


def test_news_and_blogs_link_to_each_other_and_bloggers_see_the_write_button(client, news_index, blog_index):
    client.force_login(_member_of(BLOGGERS, "bram"))
    news = client.get("/nieuws/").content.decode()
    assert '<a href="/blogs/">Blogs van collega' in news
    blogs = client.get("/blogs/").content.decode()
    assert '<a href="/nieuws/">Nieuws</a>' in blogs
    assert '<a class="button" href="/blogs/schrijven/">Blog schrijven</a>' in blogs


def test_two_posts_with_one_title_get_their_own_address(client, blog_index):
    client.force_login(_member_of(EDITORS, "ingrid"))
    client.post("/blogs/schrijven/", POST)
    client.post("/blogs/schrijven/", POST)
    assert sorted(BlogPage.objects.values_list("slug", flat=True)) == ["mijn-eerste-week", "mijn-eerste-week-2"]
