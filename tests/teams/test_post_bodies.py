"""The timeline's cached post parts (teams.post_bodies): the same page as rendered fresh, and every
change to what a post shows appears at once."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from social import services as social
from teams import services
from teams.models import Kind, TeamPost
from tests.factories import PersonFactory
from tests.teams.conftest import image_upload, pdf_upload
from tests.teams.helpers import add_member

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
POST = re.compile(r'<article class="team-post.*?</article>', re.DOTALL)


@pytest.fixture
def team(make_team, alice, bob):
    team = make_team("Fotografie", Kind.OPEN)
    add_member(team, bob)
    PersonFactory(first_name="Noor", last_name="Visser", user__username="noor", slug="noor-visser")
    services.create_post(alice, team, text="Kijk eens, @noor-visser <b>vet</b>?", image=image_upload())
    services.create_post(bob, team, text="Het verslag", document=pdf_upload("Verslag mei.pdf"))
    question = services.create_post(bob, team, text="Wie heeft het statief?", is_question=True)
    services.pin_post(alice, question)
    return team


def timeline(client, team):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(team.url)
    assert response.status_code == 200
    return TOKEN.sub("", response.text), len(queries)


def test_a_cached_timeline_is_the_page_rendered_fresh_and_costs_less(client, team, alice):
    client.force_login(alice)
    cold, cold_queries = timeline(client, team)
    warm, warm_queries = timeline(client, team)
    assert POST.findall(warm) == POST.findall(cold) and len(POST.findall(warm)) == 4
    # What the cache holds is what it shows: the escaped text, the mention link, files, the pinned copy.
    assert "&lt;b&gt;vet&lt;/b&gt;" in warm and 'href="/mensen/noor-visser/">@Noor Visser</a>' in warm
    assert "Verslag mei.pdf" in warm and 'class="team-post__image"' in warm
    assert 'id="pinned-post-' in warm and warm.count("Wie heeft het statief?") == 2
    assert warm_queries < cold_queries  # no mention names or avatars for cached posts


def test_the_readers_own_buttons_are_never_cached(client, team, alice, carol):
    client.force_login(alice)  # an admin: pin and delete buttons on every post
    admin_page, _queries = timeline(client, team)
    assert "Vastzetten" in admin_page or "Losmaken" in admin_page
    client.force_login(carol)
    outsider_page, _queries = timeline(client, team)
    assert "Losmaken" not in outsider_page and "Vastzetten" not in outsider_page
    assert 'action="/teams-acties/bericht/' not in outsider_page.split('id="pinned-title"')[1].split("<aside")[0]


def test_what_a_post_shows_changes_at_once(client, team, alice, bob, carol):
    client.force_login(carol)
    timeline(client, team)  # warm
    question = TeamPost.objects.get(team=team, is_question=True)
    comment = social.post_comment(carol, question, "In de kast bij de receptie.")
    page, _queries = timeline(client, team)
    assert "nog geen antwoord" not in page  # the first answer, written with update()

    services.accept_answer(bob, TeamPost.objects.get(pk=question.pk), comment)
    page, _queries = timeline(client, team)
    assert page.count('class="label label--answered"') == 2  # on the timeline and pinned

    # A page's posts are kept under the team's side generation (teams.kept): an edit is a save, which
    # bumps it (teams.signals); the few services that write posts with update() bump it themselves.
    edited = TeamPost.objects.get(pk=question.pk)
    edited.text = "Wie heeft de driepoot?"
    edited.save()
    page, _queries = timeline(client, team)
    assert "Wie heeft het statief?" not in page and page.count("Wie heeft de driepoot?") == 2

    bob.person.last_name = "Bakker-de Wit"
    bob.person.save()
    page, _queries = timeline(client, team)
    assert "Bob Bakker-de Wit" in page

    noor = bob.person.__class__.objects.get(slug="noor-visser")
    noor.first_name = "Noortje"
    noor.save()
    page, _queries = timeline(client, team)
    assert "@Noortje Visser</a>" in page


def test_the_cache_survives_being_emptied(client, team, alice):
    client.force_login(alice)
    first, _queries = timeline(client, team)
    cache.clear()
    again, _queries = timeline(client, team)
    assert POST.findall(again) == POST.findall(first)
