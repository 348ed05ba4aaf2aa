"""The moderation overview: every queue with its action one click away, and publishing a tip."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from news.models import Category, NewsIndexPage, NewsPage
from prikbord.models import Post
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
URL = "/admin/inzichten/moderatie/"


@pytest.fixture
def news_index(home):
    page = NewsIndexPage(title="Nieuws", slug="nieuws")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_flagged_comments_and_new_notices_with_their_actions(manager_client, employee):
    author = PersonFactory(first_name="Rob").user
    notice = Post.objects.create(author=author, category="te-koop", title="Bankstel", text="Gratis af te halen")
    comment = XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(Post),
        object_pk=str(notice.pk),
        site_id=1,
        user=author,
        user_name="Rob",
        comment="Een onaardige reactie",
    )
    CommentFlag.objects.create(
        user=employee, comment=comment, flag=CommentFlag.SUGGEST_REMOVAL, flag_date=timezone.now()
    )
    html = manager_client.get(URL).content.decode()
    assert "Een onaardige reactie" in html
    assert f"/admin/social/moderatie/{comment.pk}/" in html
    assert "Bankstel" in html and f"/prikbord/{notice.pk}/modereren/" in html
    assert "Elke vraag heeft een antwoord." in html  # the teams' part, from teams.stats (no questions here)


def test_publish_a_tip_to_everyone(manager_client, manager, news_index):
    response = manager_client.post(
        URL, {"title": "Zoek slim", "text": "Typ een deel van een naam.\n\nHet werkt ook op je telefoon."}
    )
    assert response.status_code == 302
    tip = NewsPage.objects.get(title="Zoek slim")
    assert tip.live and tip.get_parent().pk == news_index.pk
    assert list(tip.categories.values_list("slug", flat=True)) == ["tips"]
    assert Category.objects.get(slug="tips").name == "Tips"
    assert tip.owner == manager
    assert "<p>Typ een deel van een naam.</p>" in str(tip.body)
    # A second tip with the same title gets its own address.
    manager_client.post(URL, {"title": "Zoek slim", "text": "Nog een tip"})
    assert sorted(NewsPage.objects.values_list("slug", flat=True)) == ["zoek-slim", "zoek-slim-2"]


def test_tip_text_is_escaped(manager_client, news_index):
    manager_client.post(URL, {"title": "Let op", "text": "<script>alert(1)</script>"})
    assert "<script>" not in str(NewsPage.objects.get().body)


def test_an_empty_tip_gets_dutch_errors_and_keeps_the_text(manager_client, news_index):
    response = manager_client.post(URL, {"title": "", "text": "Mijn halve tip"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dit is een verplicht veld." in html
    assert "Mijn halve tip" in html
    assert not NewsPage.objects.exists()


def test_without_a_news_overview_the_tip_is_refused_clearly(manager_client):
    response = manager_client.post(URL, {"title": "Tip", "text": "Tekst"})
    assert "Er is nog geen nieuwsoverzicht" in response.content.decode()


def test_only_community_managers_publish_tips(client, news_index):
    from django.contrib.auth.models import Permission

    from insights.services import publish_tip

    editor = PersonFactory().user
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.post(URL, {"title": "Tip", "text": "Tekst"}).status_code == 403
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        publish_tip(editor, title="Tip", text="Tekst")
    assert not NewsPage.objects.exists()
