"""The board's post cards are kept per post and state (prikbord.cards): a warm board renders none of
them, and an edit, a like, a comment or a rename shows at once, because each is in the card's key."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from social import services as social

pytestmark = pytest.mark.django_db

BOARD = "/prikbord/"


def _render_count(monkeypatch):
    from django.template import loader

    rendered = []
    real = loader.get_template

    def get_template(name, *args, **kwargs):
        if name == "prikbord/includes/post_card.html":
            rendered.append(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr("intranet.caching.get_template", get_template)
    return rendered


def test_a_warm_board_renders_no_card(employee_client, make_post, monkeypatch):
    make_post(title="Fiets te koop")
    employee_client.get(BOARD)
    rendered = _render_count(monkeypatch)
    assert "Fiets te koop" in employee_client.get(BOARD).text
    assert rendered == []
    cache.clear()
    employee_client.get(BOARD)
    assert rendered == ["prikbord/includes/post_card.html"]  # a cold board renders it, once


def test_an_edit_a_like_a_comment_and_a_rename_show_at_once(employee_client, employee, make_post):
    post = make_post(title="Fiets te koop")
    assert "0 vind-ik-leuks" in employee_client.get(BOARD).text
    post.title = "Racefiets te koop"
    post.save()
    assert "Racefiets te koop" in employee_client.get(BOARD).text
    social.like(employee, post)
    social.post_comment(employee, post, "Is hij er nog?")
    html = employee_client.get(BOARD).text
    assert "1 vind-ik-leuk" in html and "1 reactie" in html
    person = post.author.person
    person.first_name = "Herman"
    person.save()
    assert "Herman" in employee_client.get(BOARD).text


def test_my_posts_show_their_status_the_board_does_not(employee_client, employee, make_post):
    post = make_post(title="Boek", author=employee)
    employee_client.get(BOARD)  # the board's card of the open post is kept
    post.status = "afgerond"
    post.save()
    mine = employee_client.get(reverse("prikbord:mine")).text
    assert "Boek" in mine and "<strong>" in mine  # the status, on one's own list only
    assert "<strong>" not in employee_client.get(BOARD).text
