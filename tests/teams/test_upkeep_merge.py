"""Merging two teams: members (highest role), posts with their likes and comments, the pinned post, the
old address, notifications, and refusals."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_comments_xtd.models import XtdComment
from wagtail.contrib.redirects.models import Redirect

from social import services as social
from social.models import Like, Notification
from teams import services
from teams.merge import merge_teams
from teams.models import Kind, Membership, TeamPage, TeamPost

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_teams(make_team, alice, bob, carol, make_user):
    """Fotografieclub (source: alice admin, bob admin, carol member) and Fotografie (target: dave admin,
    bob member, erik requested)."""
    dave = make_user("dave", first_name="Dave", last_name="Dekker")
    erik = make_user("erik", first_name="Erik", last_name="Evers")
    target = make_team("Fotografie", Kind.CLOSED, creator=dave)
    source = make_team("Fotografieclub", Kind.OPEN, creator=alice)
    for user in (bob, carol):
        services.join(user, source)
    services.set_role(alice, source, bob, "admin")
    services.join(bob, target)
    services.request_decision(dave, Membership.objects.get(team=target, user=bob), approve=True)
    services.join(erik, target)  # a request, still open
    services.join(erik, source)  # ...but in the open source team he is a member
    posts = [services.create_post(alice, source, text=f"Foto {n} van de club") for n in range(3)]
    services.pin_post(alice, posts[0])
    social.like(bob, posts[1])
    social.post_comment(carol, posts[1], "Mooi!")
    target_post = services.create_post(dave, target, text="Welkom bij Fotografie")
    services.pin_post(dave, target_post)
    source.refresh_from_db()
    target.refresh_from_db()
    return {"source": source, "target": target, "posts": posts, "dave": dave, "erik": erik, "target_post": target_post}


def test_merge_moves_members_posts_and_keeps_everything(two_teams, moderator, alice, bob, carol, client):
    source, target = two_teams["source"], two_teams["target"]
    posts_before = TeamPost.objects.count()
    likes_before, comments_before = Like.objects.count(), XtdComment.objects.count()
    people_before = set(Membership.objects.filter(team__in=[source, target]).values_list("user_id", flat=True))
    merge_teams(moderator, source=source, target=target)

    target.refresh_from_db()
    source.refresh_from_db()
    # Posts: all moved, none lost; likes and comments hang on the same posts.
    assert TeamPost.objects.count() == posts_before
    assert TeamPost.objects.filter(team=source).count() == 0
    assert TeamPost.objects.filter(team=target).count() == 4
    assert Like.objects.count() == likes_before and XtdComment.objects.count() == comments_before
    # Members: the union, with the higher role and the settled state.
    roles = {m.user.username: (m.role, m.state) for m in Membership.objects.filter(team=target).select_related("user")}
    assert set(Membership.objects.filter(team=target).values_list("user_id", flat=True)) == people_before
    assert roles["alice"] == ("admin", "active")
    assert roles["bob"] == ("admin", "active")  # member in the target, admin in the source
    assert roles["carol"] == ("member", "active")
    assert roles["dave"] == ("admin", "active")
    assert roles["erik"] == ("member", "active")  # his request became membership: he was a member already
    assert not Membership.objects.filter(team=source).exists()
    assert target.member_count == 5 and source.member_count == 0
    # The target keeps its own pinned post; the source is archived, merged, offline and redirected.
    assert target.pinned_post == two_teams["target_post"]
    assert source.archived_at is not None and source.merged_into == target and not source.live
    redirect = Redirect.objects.get(redirect_page=target)
    assert redirect.old_path == "/teams/fotografieclub"
    client.force_login(carol)
    response = client.get("/teams/fotografieclub/")
    assert response.status_code in (301, 302) and response["Location"].endswith("/teams/fotografie/")
    # Everyone who was in the source is told (not the moderator), and the target's admin too.
    told = set(
        Notification.objects.filter(verb="notice", title__contains="Fotografieclub").values_list(
            "recipient__username", flat=True
        )
    )
    assert {"alice", "bob", "carol", "erik", "dave"} <= told
    assert "moderator" not in told


def test_the_pinned_post_of_the_source_is_kept_when_the_target_has_none(two_teams, moderator):
    source, target = two_teams["source"], two_teams["target"]
    TeamPage.objects.filter(pk=target.pk).update(pinned_post=None)
    target.refresh_from_db()
    merge_teams(moderator, source=source, target=target)
    target.refresh_from_db()
    assert target.pinned_post == two_teams["posts"][0]


def test_only_community_managers_merge(two_teams, alice):
    with pytest.raises(PermissionDenied):
        merge_teams(alice, source=two_teams["source"], target=two_teams["target"])
    assert TeamPost.objects.filter(team=two_teams["source"]).count() == 3


def test_private_posts_never_move_into_a_more_open_team(make_team, moderator, alice):
    private = make_team("Fotografie intern", Kind.PRIVATE)
    services.create_post(alice, private, text="Vertrouwelijk")
    open_team = make_team("Fotografie")
    # A manager outside the private team does not even get to know it: refused as any outsider.
    with pytest.raises(PermissionDenied):
        merge_teams(moderator, source=private, target=open_team)
    services.invite(alice, private, moderator)
    services.accept_invite(moderator, private)
    private = TeamPage.objects.get(pk=private.pk)
    with pytest.raises(ValidationError) as error:
        merge_teams(moderator, source=private, target=open_team)
    assert "Fotografie intern" in " ".join(error.value.messages)
    assert TeamPost.objects.filter(team=private).count() == 1
    # The other way round is fine: open posts may move into a private team.
    merge_teams(moderator, source=open_team, target=private)


def test_merge_refuses_the_same_team_archived_targets_and_merged_sources(make_team, moderator):
    a, b, c = make_team("Fotografie"), make_team("Fotografieclub"), make_team("Fotograaf")
    with pytest.raises(ValidationError):
        merge_teams(moderator, source=a, target=a)
    merge_teams(moderator, source=b, target=a)
    b.refresh_from_db()
    with pytest.raises(ValidationError):
        merge_teams(moderator, source=b, target=c)  # already merged
    with pytest.raises(ValidationError):
        merge_teams(moderator, source=c, target=b)  # the target is archived


def test_a_chain_of_merges_keeps_old_addresses_working(make_team, moderator, employee_client):
    a, b, c = make_team("Fotografie"), make_team("Fotografieclub"), make_team("Fotograaf")
    merge_teams(moderator, source=a, target=b)
    merge_teams(moderator, source=b, target=c)
    a.refresh_from_db()
    assert a.merged_into == c
    response = employee_client.get("/teams/fotografie/")
    assert response.status_code in (301, 302) and response["Location"].endswith("/teams/fotograaf/")
