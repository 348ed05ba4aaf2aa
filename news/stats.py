"""News figures for the adoption (KPI) dashboard (insights): querysets of live blogs, never pages built."""

from datetime import datetime

from django.db.models import QuerySet

from news.models import BlogPage


def blogs_published(start: datetime, end: datetime) -> QuerySet[BlogPage]:
    """Live blog posts first published in [start, end)."""
    return BlogPage.objects.live().filter(first_published_at__gte=start, first_published_at__lt=end)
