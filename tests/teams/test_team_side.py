"""The team page's side panel (members, admins, documents) is kept per team (teams.selectors.team_side):
every change to the team's members or documents shows at once, the bulk ones included."""

import pytest
from django.core.cache import cache

from teams import membership, services
from teams.models import Kind, Membership, Role, State
from tests.teams.conftest import pdf_upload

pytestmark = pytest.mark.django_db


def side(client, user, team):
    client.force_login(user)
    response = client.get(team.url)
    assert response.status_code == 200
    html = response.content.decode()
    # Without the admins' own panel (open requests name the requester there).
    return (
        html[html.index('class="team__side"') :].split('class="team__manage"')[0]
        + html.split('aria-labelledby="documents-title"')[-1].split("</section>")[0]
    )


def test_members_admins_and_documents_follow_every_change(client, make_team, alice, bob, carol):
    team = make_team("Fotografie", Kind.CLOSED)
    assert "Bob" not in side(client, alice, team)

    membership.join(bob, team)  # a request: not a member yet
    assert "Bob" not in side(client, alice, team)
    request = Membership.objects.get(team=team, user=bob)
    membership.request_decision(alice, request, approve=True)  # approved with update()
    assert "Bob" in side(client, alice, team)

    membership.set_role(alice, team, bob, Role.ADMIN)
    admins = side(client, alice, team).split('id="members-title"')[0]
    assert "Bob" in admins

    post = services.create_post(bob, team, text="Het verslag", document=pdf_upload("Verslag mei.pdf"))
    assert "Verslag mei.pdf" in side(client, alice, team)
    services.delete_post(bob, post)
    assert "Verslag mei.pdf" not in side(client, alice, team)

    membership.leave(bob, team)
    assert "Bob" not in side(client, alice, team)
    assert not Membership.objects.filter(team=team, user=bob, state=State.ACTIVE).exists()


def test_an_outsider_of_a_closed_team_never_gets_its_documents_from_the_cache(client, make_team, alice, carol):
    team = make_team("Reorganisatie", Kind.CLOSED)
    services.create_post(alice, team, text="Plan", document=pdf_upload("Plan.pdf"))
    assert "Plan.pdf" in side(client, alice, team)  # a member fills the cache
    assert "Plan.pdf" not in side(client, carol, team)
    cache.clear()
    assert "Plan.pdf" not in side(client, carol, team)


def test_the_kept_timeline_pages_follow_new_deleted_and_moved_posts(client, make_team, alice, moderator):
    from teams.selectors import POSTS_PER_PAGE

    team, other = make_team("Fotografie", Kind.OPEN), make_team("Hardlopen", Kind.OPEN)
    posts = [services.create_post(alice, team, text=f"Bericht {n}") for n in range(POSTS_PER_PAGE)]
    client.force_login(alice)

    def timeline(target, page=1):
        return client.get(f"{target.url}?page={page}").content.decode()

    assert "Bericht 9" in timeline(team) and "Pagina 1 van 2" not in timeline(team)
    services.create_post(alice, team, text="Het nieuwste bericht")
    first = timeline(team)
    assert first.index("Het nieuwste bericht") < first.index("Bericht 9")
    assert "Pagina 1 van 2" in first and "Bericht 0" in timeline(team, 2)
    services.delete_post(alice, posts[-1])
    assert "Bericht 9" not in timeline(team) and "Pagina 1 van 2" not in timeline(team)
    services.move_post(moderator, posts[0], to_team=other, reason="Hoort bij hardlopen")
    assert "Bericht 0" not in timeline(team) and "Bericht 0" in timeline(other)
