"""Pages `make bench` measures: the news index (1,000 items at 50,000 employees), a news item with
the long discussion, and the blog index."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django_comments_xtd.models import XtdComment

from news.models import BlogIndexPage, NewsIndexPage, NewsPage


def bench_pages():
    pages = []
    news_index = NewsIndexPage.objects.live().first()
    if news_index:
        pages.append(("Nieuwsoverzicht", news_index.url))
    content_type = ContentType.objects.get_for_model(NewsPage)
    busiest = (
        XtdComment.objects.filter(content_type=content_type)
        .values("object_pk")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    if busiest:
        page = NewsPage.objects.filter(pk=int(busiest["object_pk"])).first()
        if page:
            pages.append((f"Nieuwsbericht ({busiest['n']} reacties)", page.url))
    blog_index = BlogIndexPage.objects.live().first()
    if blog_index:
        pages.append(("Blogoverzicht", blog_index.url))
    return pages
