"""The team cards of /teams/ (my teams, invitations, all teams), rendered once per team and state.

At 50,000 employees /teams/ spent most of its own time rendering 30 cards through an include each
(docs/performance.md, issue 20). A card shows only the team's own fields and the reader's request or
invitation state, so it is cached under a key made of exactly those (content-addressed: a rename, a
new member or a new image makes a new key, and nothing needs to be forgotten), plus the language
and the list it is in (its heading id).
"""

import hashlib

from django.utils.translation import get_language

from intranet import caching
from teams.addresses import index_location, team_url

TEMPLATE = "teams/includes/team_card.html"
TTL = 900


def _key(team, url, list_id, state):
    facts = (team.pk, team.title, url, team.kind, team.member_count, team.description, team.image.name, state)
    digest = hashlib.sha256(repr(facts).encode()).hexdigest()[:32]
    return f"plein:team-card:{get_language() or ''}:{list_id}:{team.pk}:{digest}"


def rendered(teams, list_id, pending):
    """The HTML of each team's card, in order: one cache read for the whole list."""
    teams = list(teams)
    if not teams:
        return []
    index = index_location()
    urls = [team_url(team.url_path, index) or team.get_url() for team in teams]
    keys = [_key(team, url, list_id, (pending or {}).get(team.pk, "")) for team, url in zip(teams, urls, strict=True)]
    contexts = {
        key: {"team": team, "url": url, "list_id": list_id, "pending": pending}
        for key, team, url in zip(keys, teams, urls, strict=True)
    }
    found = caching.remember_rendered(TEMPLATE, contexts, TTL)
    return [found[key] for key in keys]
