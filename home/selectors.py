"""Read queries of the homepage's own blocks and the photo gallery (fixed query counts)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from wagtail.images import get_image_model
from wagtail.images.models import Rendition

from home.models import PhotoSubmission
from people import selectors as people
from social.models import Like

PHOTOGRAPHERS = "Fotografieteam"
THUMBNAIL = "fill-480x320"
NEW_COLLEAGUES = 6


def new_colleagues(limit=NEW_COLLEAGUES):
    """The latest starters with unit and avatar: one query, plus one for renditions when there are photos.
    (The homepage keeps the block's HTML per people generation and day: home/home_blocks.py.)"""
    renditions = Prefetch("photo__renditions", queryset=Rendition.objects.filter(filter_spec=people.AVATAR_SPEC))
    starters = people.new_colleagues().select_related("organisation_unit", "photo")
    return list(starters.prefetch_related(None).prefetch_related(renditions)[:limit])


def _like_count(**extra):
    likes = (
        Like.objects.filter(
            content_type=ContentType.objects.get_for_model(PhotoSubmission), object_id=OuterRef("pk"), **extra
        )
        .order_by()
        .values("object_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(likes, output_field=IntegerField()), Value(0))


def with_like_counts(queryset):
    """All likes, and those of the photography team (group "Fotografieteam") that help editors choose."""
    return queryset.annotate(like_count=_like_count(), team_like_count=_like_count(user__groups__name=PHOTOGRAPHERS))


def gallery():
    """Submissions, newest first, with their thumbnail renditions and photographers in fixed queries."""
    images = get_image_model().objects.prefetch_renditions(THUMBNAIL)
    return PhotoSubmission.objects.select_related("submitter__person").prefetch_related(
        Prefetch("image", queryset=images)
    )
