"""Comments on team posts come from the social layer; teams listens to record answers and activity."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save
from django_comments_xtd.models import XtdComment


def comment_saved(sender, instance, created=False, raw=False, **kwargs):
    if not created or raw:
        return
    from teams.models import TeamPost
    from teams.services import record_answer, touch

    if instance.content_type_id != ContentType.objects.get_for_model(TeamPost).pk:
        return
    post = TeamPost.objects.select_related("team").filter(pk=instance.object_pk).first()
    if post is None:
        return
    record_answer(post, instance)
    touch(post.team, instance.submit_date)


def connect():
    post_save.connect(comment_saved, sender=XtdComment, dispatch_uid="teams_comment_saved")
