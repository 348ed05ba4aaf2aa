"""The social layer's public figures, for insights (so no other app reads social's models or the
comment tables)."""

import datetime

from django.db.models import Count, Q, QuerySet
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from social.models import FlaggedComment, Like


def public_comments(start: datetime.datetime, end: datetime.datetime) -> QuerySet[XtdComment]:
    """The public comments written in [start, end)."""
    return XtdComment.objects.filter(submit_date__gte=start, submit_date__lt=end, is_public=True)


def likes(start: datetime.datetime, end: datetime.datetime) -> QuerySet[Like]:
    """The likes given in [start, end)."""
    return Like.objects.filter(created_at__gte=start, created_at__lt=end)


def flagged_comments(limit: int) -> list[FlaggedComment]:
    """The shown comments reported for removal, most reports first (each with `flag_count`)."""
    flags = Count("flags", filter=Q(flags__flag=CommentFlag.SUGGEST_REMOVAL))
    return list(
        FlaggedComment.objects.filter(is_public=True, is_removed=False)
        .annotate(flag_count=flags)
        .filter(flag_count__gt=0)
        .order_by("-flag_count", "-submit_date")[:limit]
    )
