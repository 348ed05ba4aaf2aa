"""Comments on team posts come from the social layer; teams listens to record answers and activity."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils.translation import pgettext
from django_comments_xtd.models import XtdComment
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageLogEntry

from intranet import caching
from people.models import Person
from people.signals import people_bulk_changed
from teams.models import Kind, Membership, TeamPage, TeamPost
from teams.selectors import forget_filters, side_generation
from teams.services import record_answer, touch
from teams.visibility import forget_all_memberships, forget_memberships


def comment_saved(sender, instance, created=False, raw=False, **kwargs):
    if not created or raw:
        return

    if instance.content_type_id != ContentType.objects.get_for_model(TeamPost).pk:
        return
    post = TeamPost.objects.select_related("team").filter(pk=instance.object_pk).first()
    if post is None:
        return
    record_answer(post, instance)
    touch(post.team, instance.submit_date)


def redirect_saved(sender, instance, raw=False, **kwargs):
    """Wagtail makes a redirect when a slug changes; one from a private team's old address (it loses
    its plain slug when made private) would answer differently from an unknown address."""
    if raw or not instance.redirect_page_id:
        return

    if TeamPage.objects.filter(pk=instance.redirect_page_id, kind=Kind.PRIVATE).exists():
        instance.delete()


def private_team_deleted(sender, instance, **kwargs):
    """A deleted page's log entries stay readable in site history for everyone with rights on the tree,
    and no page is left to check membership against: a private team's name is scrubbed from them."""
    if instance.kind == Kind.PRIVATE:
        PageLogEntry.objects.filter(page_id=instance.pk).update(
            label=pgettext("deleted page", "Deleted private team"), data={}
        )


def person_saved(sender, instance, raw=False, **kwargs):
    """Keep memberships' copy of the sort name (member lists sort on it) in step with the person."""
    if raw or not instance.user_id:
        return

    Membership.objects.filter(user_id=instance.user_id).exclude(sort_name=instance.sort_name).update(
        sort_name=instance.sort_name
    )


def refresh_sort_names(**kwargs):
    """After a bulk write to people (the HR import): one UPDATE for the memberships whose copy differs."""
    current = Subquery(Person.objects.filter(user_id=OuterRef("user_id")).values("sort_name")[:1])
    Membership.objects.annotate(current=current).exclude(sort_name=current).filter(current__isnull=False).update(
        sort_name=current
    )


def side_changed(sender, instance, **kwargs):
    """A member or a post of the team changed: its page's cached side panel (members, documents) and
    timeline pages; a moved post changes the team it came from too."""
    for team_id in {instance.team_id, getattr(instance, "moved_from_id", None)} - {None}:
        caching.bump(side_generation(team_id))


def accepted_answer_deleted(sender, instance, **kwargs):
    """A comment that was a post's accepted answer goes: the database clears the post's answer with no
    signal (SET_NULL), so the kept timelines that show "answered" are retired here."""
    for team_id in set(TeamPost.objects.filter(accepted_answer_id=instance.pk).values_list("team_id", flat=True)):
        caching.bump(side_generation(team_id))


def membership_changed(sender, instance, **kwargs):
    forget_memberships(instance.user_id)


def connect():
    for model in (Membership, TeamPost):
        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(side_changed, sender=model, dispatch_uid=f"teams_side_{model.__name__}_{name}")
    post_delete.connect(private_team_deleted, sender=TeamPage, dispatch_uid="teams_private_team_deleted")
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(membership_changed, sender=Membership, dispatch_uid=f"teams_visibility_{name}")
        signal.connect(forget_all_memberships, sender=TeamPage, dispatch_uid=f"teams_visibility_team_{name}")
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(forget_filters, sender=TeamPage, dispatch_uid=f"teams_forget_filters_{name}")

    post_save.connect(comment_saved, sender=XtdComment, dispatch_uid="teams_comment_saved")
    pre_delete.connect(accepted_answer_deleted, sender=XtdComment, dispatch_uid="teams_accepted_answer_deleted")
    post_save.connect(redirect_saved, sender=Redirect, dispatch_uid="teams_redirect_saved")

    post_save.connect(person_saved, sender=Person, dispatch_uid="teams_person_saved")
    people_bulk_changed.connect(refresh_sort_names, dispatch_uid="teams_refresh_sort_names")
