"""Joining, asking, approving, inviting, leaving, removing and promoting: through the pages' forms."""

import pytest
from django.urls import reverse
from django.utils import translation

from social.models import Notification
from teams import services
from teams.models import Membership, TeamPage
from tests.teams.helpers import add_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield


def fresh(team):
    return TeamPage.objects.get(pk=team.pk)


def test_open_team_join_and_leave_at_once(client, open_team, bob):
    client.force_login(bob)
    response = client.post(reverse("teams:join", args=[open_team.pk]))
    assert response.status_code == 302
    assert fresh(open_team).is_member(bob)
    assert fresh(open_team).member_count == 2
    assert "Team verlaten" in client.get(open_team.url).text
    client.post(reverse("teams:leave", args=[open_team.pk]))
    assert not fresh(open_team).is_member(bob)
    assert fresh(open_team).member_count == 1


def test_joining_twice_counts_once(client, open_team, bob):
    client.force_login(bob)
    client.post(reverse("teams:join", args=[open_team.pk]))
    client.post(reverse("teams:join", args=[open_team.pk]))
    assert Membership.objects.filter(team=open_team, user=bob).count() == 1
    assert fresh(open_team).member_count == 2


def test_closed_team_request_then_approve(client, closed_team, alice, bob):
    client.force_login(bob)
    client.post(reverse("teams:join", args=[closed_team.pk]))
    membership = Membership.objects.get(team=closed_team, user=bob)
    assert membership.state == "requested"
    assert not fresh(closed_team).is_member(bob)
    assert "Je verzoek om lid te worden wacht" in client.get(closed_team.url).text
    assert Notification.objects.filter(recipient=alice, verb="notice").exists()
    # Bob cannot approve himself.
    assert client.post(reverse("teams:decide", args=[membership.pk]), {"decision": "approve"}).status_code == 403
    client.force_login(alice)
    page = client.get(closed_team.url).text
    assert "Verzoeken om lid te worden" in page and "Bob Bakker" in page
    client.post(reverse("teams:decide", args=[membership.pk]), {"decision": "approve"})
    assert fresh(closed_team).is_member(bob)
    assert fresh(closed_team).member_count == 2
    note = Notification.objects.get(recipient=bob)
    assert "Je bent nu lid van Ambassadeurs" in note.title


def test_closed_team_request_declined(client, closed_team, alice, bob):
    membership = services.join(bob, closed_team)
    client.force_login(alice)
    client.post(reverse("teams:decide", args=[membership.pk]), {"decision": "decline"})
    assert not Membership.objects.filter(team=closed_team, user=bob).exists()
    assert "afgewezen" in Notification.objects.get(recipient=bob).title


def test_private_team_cannot_be_joined_without_an_invitation(closed_team, private_team, bob):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.join(bob, private_team)


def test_invite_and_accept_by_e_mail_address(client, private_team, alice, bob):
    client.force_login(alice)
    response = client.post(reverse("teams:invite", args=[private_team.pk]), {"colleague": bob.email})
    assert response.status_code == 302
    assert Membership.objects.get(team=private_team, user=bob).state == "invited"
    assert Notification.objects.filter(recipient=bob, verb="notice").exists()
    client.force_login(bob)
    listing = client.get(private_team.get_parent().url).text
    assert "Uitnodigingen" in listing and "Reorganisatie ICT" in listing
    client.post(reverse("teams:accept_invite", args=[private_team.pk]))
    assert fresh(private_team).is_member(bob)
    assert "Reorganisatie ICT" in client.get(private_team.get_parent().url).text


def test_invite_an_unknown_colleague_shows_a_dutch_error_and_keeps_the_input(client, private_team, alice):
    client.force_login(alice)
    response = client.post(reverse("teams:invite", args=[private_team.pk]), {"colleague": "niemand@nergens.nl"})
    assert response.status_code == 400
    assert "We vinden geen collega" in response.text
    assert "niemand@nergens.nl" in response.text


def test_only_admins_invite(client, open_team, bob, carol):
    add_member(open_team, bob)
    client.force_login(bob)
    assert client.post(reverse("teams:invite", args=[open_team.pk]), {"colleague": carol.email}).status_code == 403


def test_admin_removes_and_promotes(client, open_team, alice, bob, carol):
    add_member(open_team, bob)
    add_member(open_team, carol)
    client.force_login(alice)
    client.post(reverse("teams:role", args=[open_team.pk, bob.pk]), {"role": "admin"})
    assert fresh(open_team).role_of(bob) == "admin"
    client.post(reverse("teams:remove", args=[open_team.pk, carol.pk]))
    assert not fresh(open_team).is_member(carol)
    assert fresh(open_team).member_count == 2
    members_page = client.get(open_team.url + "leden/")
    assert members_page.status_code == 200 and "Bob Bakker" in members_page.text


def test_a_member_cannot_remove_or_promote(client, open_team, alice, bob):
    add_member(open_team, bob)
    client.force_login(bob)
    assert client.post(reverse("teams:remove", args=[open_team.pk, alice.pk])).status_code == 403
    assert client.post(reverse("teams:role", args=[open_team.pk, bob.pk]), {"role": "admin"}).status_code == 403
    assert fresh(open_team).role_of(bob) == "member"


def test_the_last_admin_cannot_leave_without_handing_over(client, open_team, alice, bob):
    add_member(open_team, bob)
    client.force_login(alice)
    response = client.post(reverse("teams:leave", args=[open_team.pk]), follow=True)
    assert "laatste beheerder" in response.text
    assert fresh(open_team).is_member(alice)
    # Demoting oneself as the last admin is refused too.
    client.post(reverse("teams:role", args=[open_team.pk, alice.pk]), {"role": "member"})
    assert fresh(open_team).role_of(alice) == "admin"
    services.set_role(alice, fresh(open_team), bob, "admin")
    client.post(reverse("teams:leave", args=[open_team.pk]))
    assert not fresh(open_team).is_member(alice)
    assert fresh(open_team).role_of(bob) == "admin"


def test_an_archived_team_takes_no_new_members(client, open_team, bob):
    from django.utils import timezone

    TeamPage.objects.filter(pk=open_team.pk).update(archived_at=timezone.now())
    client.force_login(bob)
    assert client.post(reverse("teams:join", args=[open_team.pk])).status_code == 403
    assert not Membership.objects.filter(team=open_team, user=bob).exists()


def test_invite_by_name_through_the_picker_or_typed_without_javascript(client, private_team, alice, bob, carol):
    client.force_login(alice)
    page = client.get(private_team.url).text
    # The field is the name picker: it asks the @mention suggestions for colleagues.
    assert f'data-people-picker="{reverse("social:mention_suggestions")}"' in page
    assert "Bob Bakker" in client.get(reverse("social:mention_suggestions"), {"q": "bob bak"}).text
    # No JavaScript: the full name of exactly one colleague is enough.
    response = client.post(reverse("teams:invite", args=[private_team.pk]), {"colleague": "Bob Bakker"})
    assert response.status_code == 302
    assert Membership.objects.get(team=private_team, user=bob).state == "invited"


def test_a_name_that_fits_two_colleagues_asks_to_choose(client, private_team, alice, make_user):
    make_user("bram1", first_name="Bram", last_name="Berg")
    make_user("bram2", first_name="Bram", last_name="Bos")
    client.force_login(alice)
    response = client.post(reverse("teams:invite", args=[private_team.pk]), {"colleague": "Bram"})
    assert response.status_code == 400
    assert "Kies uit de lijst" in response.text
