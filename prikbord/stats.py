"""Notice-board figures for the adoption dashboard and the moderation overview (insights)."""

from datetime import datetime

from django.db.models import QuerySet

from prikbord.models import Post, Status


def posts_created(start: datetime, end: datetime) -> QuerySet[Post]:
    """Notices placed in [start, end)."""
    return Post.objects.filter(created_at__gte=start, created_at__lt=end)


def open_posts_since(since: datetime) -> QuerySet[Post]:
    """Open notices placed since `since`, newest first, with their authors (the moderation overview)."""
    return (
        Post.objects.filter(status=Status.OPEN, created_at__gte=since)
        .select_related("author")
        .order_by("-created_at", "-pk")
    )
