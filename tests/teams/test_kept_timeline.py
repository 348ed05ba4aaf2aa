"""A team page keeps its page of posts and, for its admins, the open requests (teams.kept): a warm page
reads neither, and every change shows at once, also those written with update() (a first answer, an
erasure that keeps the posts)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from privacy import erasure
from social import services as social
from teams import membership, services
from teams.models import Kind
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _reads(queries, table):
    return [q["sql"] for q in queries if f'FROM "{table}"' in q["sql"]]


def test_a_warm_team_page_reads_no_posts_and_no_requests(client, alice, make_team):
    team = make_team("Fietsclub", Kind.CLOSED)
    services.create_post(alice, team, text="Zaterdag een rondje?")
    client.force_login(alice)
    client.get(team.url)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(team.url).text
    assert "Zaterdag een rondje?" in html
    assert not _reads(queries, "teams_teampost")
    assert not [q for q in _reads(queries, "teams_membership") if "REQUESTED" in q or "'requested'" in q]


def test_an_edited_post_and_a_first_answer_show_at_once(client, alice, bob, open_team):
    membership.join(bob, open_team)
    post = services.create_post(alice, open_team, text="Wie weet de wifi-code?", is_question=True)
    client.force_login(alice)
    assert "nog geen antwoord" in client.get(open_team.url).text
    social.post_comment(bob, post, "Die hangt bij de koffie.")  # first_answer_at, written with update()
    assert "nog geen antwoord" not in client.get(open_team.url).text
    post.text = "Wie weet de nieuwe wifi-code?"
    post.save()
    assert "Wie weet de nieuwe wifi-code?" in client.get(open_team.url).text


def test_an_erased_writer_is_a_former_colleague_at_once(client, alice, open_team):
    writer = PersonFactory(first_name="Wim", last_name="Weg").user
    membership.join(writer, open_team)
    services.create_post(writer, open_team, text="Tot ziens allemaal")
    client.force_login(alice)
    assert "Wim Weg" in client.get(open_team.url).text
    erasure.erase(writer, via="test", reason="vertrokken", keep_content=True)
    html = client.get(open_team.url).text
    assert "Tot ziens allemaal" in html and "Wim Weg" not in html


def test_a_request_to_join_reaches_the_admins_panel_at_once_and_leaves_it(client, alice, bob, make_team):
    from teams.models import Membership

    team = make_team("Ondernemingsraad", Kind.CLOSED)
    client.force_login(alice)
    assert 'name="decision"' not in client.get(team.url).text
    membership.join(bob, team)
    html = client.get(team.url).text
    assert 'name="decision"' in html and "Bob Bakker" in html
    membership.request_decision(alice, Membership.objects.get(team=team, user=bob), approve=False)
    assert 'name="decision"' not in client.get(team.url).text


def test_a_deleted_accepted_answer_leaves_the_kept_timeline_at_once(client, alice, bob, open_team):
    membership.join(bob, open_team)
    question = services.create_post(alice, open_team, text="Wie heeft de sleutel?", is_question=True)
    answer = social.post_comment(bob, question, "Ik, bij de balie.")
    services.accept_answer(alice, question, answer)
    client.force_login(alice)
    assert 'class="label label--answered"' in client.get(open_team.url).text
    answer.delete()  # the database clears the post's answer (SET_NULL) without a signal
    assert 'class="label label--answered"' not in client.get(open_team.url).text


def test_a_kept_page_holds_no_wide_author_rows(alice, open_team):
    """The shared cache gets the author's name, address and photo, not their password hash or contact
    details."""
    from teams.selectors import timeline

    services.create_post(alice, open_team, text="Hallo")
    _page, posts, _fetched = timeline(open_team, alice)
    deferred = posts[0].author.get_deferred_fields()
    assert {"password", "email", "last_login"} <= deferred
    assert {"phone", "bio"} <= posts[0].author.person.get_deferred_fields()
