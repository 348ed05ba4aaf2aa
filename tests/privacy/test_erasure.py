"""Erasure: afterwards no row anywhere names the person; what must stay, stays, as 'Oud-collega'."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection, models
from django.db.models.functions import Cast
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from directregelen.models import Request
from news.models import BlogPage
from people.models import Person
from privacy import erasure
from privacy.models import ErasureLog
from social.models import Like, Notification
from teams.models import Membership, TeamPost

TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def rows_naming(needles, user_pk, person_pk):
    """Every (model, field) whose text holds a needle, or whose relation to a user/Person holds the old id."""
    found = []
    tables = set(connection.introspection.table_names())
    User = get_user_model()
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.db_table not in tables:
            continue
        manager = model._base_manager
        for field in meta.local_fields:
            if field.is_relation and field.related_model in (User, Person):
                pk = user_pk if field.related_model is User else person_pk
                if manager.filter(**{field.attname: pk}).exists():
                    found.append((meta.label, field.name, pk))
            elif isinstance(field, TEXT_FIELDS):
                for needle in needles:
                    lookup = manager.annotate(_t=Cast(field.name, models.TextField())).filter(_t__icontains=needle)
                    if lookup.exists():
                        found.append((meta.label, field.name, needle))
    return found


def _needles(person):
    user = person.user
    return [
        person.first_name,
        person.last_name,
        user.username,
        user.email,
        person.email,
        person.employee_number,
        "SBOERHAAVE",
    ]


def test_scan_finds_the_person_before_erasure(world):
    """The scanner sees text and relations, so an empty result after erasure means something."""
    sanne = world["sanne"]
    found = rows_naming(_needles(sanne), sanne.user_id, sanne.pk)
    labels = {label for label, *_rest in found}
    assert {"people.Person", "auth.User", "django_comments.Comment", "directregelen.Request"} <= labels


@pytest.mark.parametrize("keep", [True, False])
def test_after_erasure_no_row_names_the_person(world, settings, keep, django_capture_on_commit_callbacks):
    settings.PRIVACY_KEEP_CONTENT = keep
    sanne, kees = world["sanne"], world["kees"]
    things = world["things"]["sanne"]
    user_pk, person_pk, needles = sanne.user_id, sanne.pk, _needles(sanne)
    photo_file = things["photo"].file.name
    storage = things["photo"].file.storage
    with django_capture_on_commit_callbacks(execute=True):
        entry = erasure.erase(sanne.user, via="test", reason=ErasureLog.Reason.REQUEST)

    found = rows_naming(needles, user_pk, person_pk)
    assert not found, "\n".join(map(str, found))
    assert not storage.exists(photo_file)
    # The log says what, how many and who; never whom by name.
    assert entry.counts["launcher.favourites"] == 1 and entry.counts["account"] == 1
    assert not Like.objects.filter(user_id=user_pk).exists()
    assert entry.subject == f"account {user_pk}" and entry.kept_content is keep
    # Kept as records: the request (name replaced) and, per the setting, posts and comments.
    request = Request.objects.get(pk=things["request"].pk)
    assert request.requester_id is None and request.data[0]["value"] == "Oud-collega"
    assert request.attachments.count() == 1
    if keep:
        assert TeamPost.objects.get(pk=things["post"].pk).author_id is None
        comment = XtdComment.objects.get(pk=things["comment"].pk)
        assert comment.user_id is None and comment.user_name == "Oud-collega" and comment.ip_address is None
        assert comment.comment == "Comment SANNEMARK"
    else:
        # Her post went, and with it the comments under it (hers included).
        assert not TeamPost.objects.filter(pk=things["post"].pk).exists()
        assert not XtdComment.objects.filter(pk=things["comment"].pk).exists()
    blog = BlogPage.objects.get(pk=things["blog"].pk)
    assert blog.author_id is None and blog.live is keep
    reply = XtdComment.objects.get(pk=things["reply"].pk)
    assert reply.user_id is None and reply.user_name == "Oud-collega" and reply.ip_address is None
    assert reply.comment == ("Reply SANNEMARK" if keep else "") and reply.is_removed is not keep
    # Kees is untouched.
    assert Person.objects.filter(pk=kees.pk).exists()
    assert Like.objects.filter(user=kees.user).count() == 1
    assert Notification.objects.filter(recipient=kees.user).exists()
    assert Membership.objects.filter(user=kees.user).count() == 4
    assert XtdComment.objects.get(pk=world["things"]["kees"]["comment"].pk).user_name == kees.full_name


def test_an_erased_team_member_is_no_longer_counted(world):
    team = world["shared"]
    before = type(team).objects.get(pk=team.pk).member_count
    erasure.erase(world["sanne"].user, via="test", reason=ErasureLog.Reason.REQUEST)
    assert type(team).objects.get(pk=team.pk).member_count == before - 1


def test_leavers_are_erased_after_the_grace_period_only(world, settings):
    settings.PRIVACY_LEAVER_GRACE_DAYS = 30
    sanne = world["sanne"]
    left = timezone.now() - timedelta(days=29)
    Person.objects.filter(pk=sanne.pk).update(is_active=False, deactivated_at=left)
    assert erasure.erase_due_leavers() == 0
    assert Person.objects.filter(pk=sanne.pk).exists()
    assert erasure.erase_due_leavers(now=timezone.now() + timedelta(days=2)) == 1
    assert not Person.objects.filter(pk=sanne.pk).exists()
    assert erasure.erase_due_leavers(now=timezone.now() + timedelta(days=2)) == 0  # twice is harmless
    entry = ErasureLog.objects.get(reason=ErasureLog.Reason.LEAVER)
    assert entry.actor is None and entry.via == "leavers job"
    assert Person.objects.filter(pk=world["kees"].pk).exists()


def test_the_erase_person_command(world, superuser):
    from django.core.management import call_command

    sanne = world["sanne"]
    call_command("erase_person", sanne.employee_number, "--by", superuser.username, "--yes")
    assert not Person.objects.filter(pk=sanne.pk).exists()
    assert ErasureLog.objects.get(via="command").actor == superuser
