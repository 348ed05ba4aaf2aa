"""What teams/ holds about a person: memberships (with invitations and requests to join), the posts
and questions they wrote with their files, and the teams they started. Answers are comments
(social.comments). Only their own rows: a private team shows up only through their own membership
or post, never through anyone else's."""

import posixpath

from django.db.models import F

from intranet import caching
from intranet.media_headers import safe_download_name
from intranet.personal_data import Exported, Kind, delete_files_on_commit, iso, unlink
from teams.models import Membership, State, TeamPage, TeamPost
from teams.posting import delete_post_social
from teams.selectors import side_generation


def _memberships_export(user):
    return Exported(
        records=[
            {
                "team": m.team.title,
                "role": m.role,
                "state": m.state,
                "since": iso(m.created_at),
                "decided_at": iso(m.decided_at),
            }
            for m in Membership.objects.filter(user=user).select_related("team")
        ]
    )


def _memberships_erase(user, erasure):
    memberships = Membership.objects.filter(user=user)
    active_teams = list(memberships.filter(state=State.ACTIVE).values_list("team_id", flat=True))
    count = memberships.delete()[0]
    TeamPage.objects.filter(pk__in=active_teams, member_count__gt=0).update(member_count=F("member_count") - 1)
    return count


def _posts_export(user):
    records, files = [], []
    for post in TeamPost.objects.filter(author=user).select_related("team").order_by("created_at"):
        record = {
            "id": post.pk,
            "team": post.team.title,
            "text": post.text,
            "link": post.link,
            "is_question": post.is_question,
            "created_at": iso(post.created_at),
            "image": None,
            "document": None,
        }
        if post.image:
            record["image"] = f"{post.pk}-image{posixpath.splitext(post.image.name)[1]}"
            files.append((record["image"], post.image))
        if post.document:
            record["document"] = f"{post.pk}-{safe_download_name(post.document_name, post.document.name)}"
            files.append((record["document"], post.document))
        records.append(record)
    return Exported(records=records, files=files)


def _posts_erase(user, erasure):
    posts = TeamPost.objects.filter(author=user)
    if erasure.keep_content:
        teams = set(posts.values_list("team_id", flat=True))
        erased = posts.update(author=None)  # shown as "Former colleague"
        for team_id in teams:  # update() sends no signal: the kept timelines must lose the name now
            caching.bump(side_generation(team_id))
        return erased

    count = 0
    for post in list(posts):
        delete_files_on_commit([post.image, post.document])
        delete_post_social(post)
        post.delete()
        count += 1
    return count


def _teams_export(user):
    return Exported(
        records=[
            {"team": t.title, "kind": t.kind, "created_at": iso(t.first_published_at)}
            for t in TeamPage.objects.filter(created_by=user)
        ]
    )


KINDS = [
    Kind(
        "teams.memberships",
        "Team memberships, invitations and requests to join, with the role.",
        ("teams.Membership.user",),
        _memberships_export,
        _memberships_erase,
    ),
    Kind(
        "teams.posts",
        "Posts and questions in teams, with their photo or document.",
        ("teams.TeamPost.author",),
        _posts_export,
        _posts_erase,
    ),
    Kind(
        "teams.started",
        "Teams they started.",
        ("teams.TeamPage.created_by",),
        _teams_export,
        unlink(TeamPage, "created_by"),
    ),
]
