"""Small helpers shared by the teams tests."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse


def comment_url(obj):
    return reverse("social:comment_post", args=[ContentType.objects.get_for_model(obj).pk, obj.pk])


def like_url(obj):
    return reverse("social:like", args=[ContentType.objects.get_for_model(obj).pk, obj.pk])


def add_member(team, user, role="member"):
    """Make `user` an active member whatever the kind, without notifications (test set-up)."""
    from django.db.models import F

    from teams.models import Membership, TeamPage

    Membership.objects.create(team=team, user=user, role=role, state="active")
    TeamPage.objects.filter(pk=team.pk).update(member_count=F("member_count") + 1)
    team.refresh_from_db()
    team.__dict__.pop("_membership_cache", None)
    return team
