"""The cards of /teams/ are rendered once per team and state (teams.cards): the page is the same as
rendered fresh, and a rename, a new member or a request sent shows at once, for its reader only."""

import re

import pytest
from django.core.cache import cache

from teams import membership, services
from teams.models import Kind

pytestmark = pytest.mark.django_db


CHANGING = re.compile(r'(nonce|value)="[^"]+"')  # CSP nonces and CSRF tokens differ per response


def listing(client, user):
    client.force_login(user)
    response = client.get("/teams/")
    assert response.status_code == 200
    return CHANGING.sub("", response.content.decode())


def test_cached_cards_match_fresh_ones_and_follow_changes(client, make_team, alice, bob, carol):
    team = make_team("Fotografie", Kind.CLOSED)
    make_team("Hardlopen", Kind.OPEN)
    listing(client, bob)
    cached = listing(client, bob)
    cache.clear()
    assert listing(client, bob) == cached  # from the cache and rendered fresh: the same HTML
    assert "Fotografie" in cached and "1 lid" in cached

    membership.join(bob, team)  # a closed team: a request
    as_bob, as_carol = listing(client, bob), listing(client, carol)
    assert "verzoek verstuurd" in as_bob and "verzoek verstuurd" not in as_carol

    services.update_team(alice, team, title="Fotoclub", description=team.description, kind=team.kind)
    membership.join(carol, make_team("Schaken", Kind.OPEN, creator=alice))
    html = listing(client, carol)
    assert "Fotoclub" in html and "Fotografie" not in html
    assert "2 leden" in html  # Schaken: alice and carol


def test_the_kept_list_of_all_teams_follows_new_private_and_joined_teams(client, make_team, alice, bob):
    make_team("Fotografie", Kind.OPEN)
    assert "Fotografie" in listing(client, bob)
    make_team("Hardlopen", Kind.OPEN)
    secret = make_team("Geheim overleg", Kind.PRIVATE)
    html = listing(client, bob)
    assert "Hardlopen" in html and "Geheim overleg" not in html
    assert "Geheim overleg" in listing(client, alice)  # its creator is a member
    membership.invite(alice, secret, bob)
    membership.accept_invite(bob, secret)
    all_teams = listing(client, bob).split('id="all-teams-title"')[1]
    assert "Geheim overleg" in all_teams
