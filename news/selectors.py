"""Read queries for news and blogs, each with a fixed number of queries whatever the data size."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser, User
from django.core.paginator import Page as PaginatorPage
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from intranet import caching
from intranet.paging import CountedPaginator
from intranet.plugins import PAGES_GENERATION, remember_pages
from people.signals import GENERATION as PEOPLE_GENERATION
from social import selectors as social_selectors

if TYPE_CHECKING:  # for the annotations only: at run time news.models imports this module first
    from news.models import ArticlePage, Category

LIST_IMAGE = "fill-480x270"
AVATAR = "fill-80x80"
PER_PAGE = 20
COUNT_SECONDS = 300


def images_with_renditions(spec: str) -> QuerySet[AbstractImage]:
    """Images with their `spec` rendition prefetched (for a Prefetch of an article's or author's image)."""
    return get_image_model().objects.prefetch_renditions(spec)


def articles(
    model: type[ArticlePage],
    index: Page | None = None,
    *,
    category: Category | None = None,
    year: int | None = None,
    month: int | None = None,
) -> QuerySet[ArticlePage]:
    """Live articles, newest first, with their authors."""
    queryset = model.objects.live().public()
    if index is not None:
        queryset = queryset.child_of(index)
    if category is not None:
        queryset = queryset.filter(categories=category)
    if year is not None:
        queryset = queryset.filter(date__year=year)
    if month is not None:
        queryset = queryset.filter(date__month=month)
    # The cards' pictures and categories are loaded by news.cards, for the cards not in the cache only.
    return queryset.select_related("author").order_by("-date", "-pk")


def paginate(queryset: QuerySet[ArticlePage], number: int | str | None) -> PaginatorPage[ArticlePage]:
    """A page of a list of live articles. Their number changes only when a page is published,
    unpublished, moved or deleted, so it is kept under the page-tree generation."""
    key = hashlib.sha256(str(queryset.query).encode()).hexdigest()[:32]
    count = lambda: remember_pages(("article-count", key), queryset.count, seconds=COUNT_SECONDS)  # noqa: E731
    return CountedPaginator(queryset, PER_PAGE, count).get_page(number)


def decorate(items: Iterable[ArticlePage], user: User | AnonymousUser) -> list[ArticlePage]:
    """Attach like and comment counts to a page of articles: two queries for the whole page."""
    items = list(items)
    likes = social_selectors.like_summary(items, user)
    comments = social_selectors.comment_counts(items)
    for item in items:
        item.like_info = social_selectors.summary_for(likes, item)
        item.comment_count = comments.get(item.pk, 0)
    return items


def months(model: type[ArticlePage], index: Page) -> QuerySet[ArticlePage, date]:
    """The months that have articles, newest first (one query)."""
    return model.objects.live().public().child_of(index).dates("date", "month", order="DESC")


def categories_in_use(model: type[ArticlePage], index: Page) -> QuerySet[Category]:
    # Imported here: at the top it makes an import cycle (news.models needs this module loaded first).
    from news.models import Category

    ids = model.objects.live().public().child_of(index).values("categories")
    return Category.objects.filter(pk__in=ids).order_by("name")


ARTICLE_SECONDS = 900


def article_slot(page: ArticlePage) -> caching.Slot:
    """Where an article's text (heading, author, picture, intro, body) is kept: per page and language,
    under the pages generation (bumped on every publish, move, unpublish and deletion, so also when a
    page its text links to moves) and the people generation (the author's name, job and photo).
    Likes, the must-read box and comments stay outside: they are the reader's own."""
    return caching.Slot(PAGES_GENERATION, ("article", page.pk, get_language()), (PEOPLE_GENERATION,))


def article_html(page: ArticlePage, request: HttpRequest) -> SafeString:
    """The article's text as HTML, rendered only when it is not kept (then with its author, pictures and
    categories loaded: article_detail)."""

    def render() -> str:
        context = {"article": article_detail(page) or page, "page": page}
        return render_to_string("news/includes/article_text.html", context, request=request)

    # The output of an autoescaping template, kept as rendered: no user text reaches it unescaped.
    return mark_safe(caching.keep(article_slot(page), render, ttl=ARTICLE_SECONDS))  # noqa: S308


def article_detail(page: ArticlePage) -> ArticlePage | None:
    """The article itself with its author and photo (the page object came from Wagtail's router)."""
    model = type(page)
    related = [
        "categories",
        Prefetch("header_image", queryset=images_with_renditions("fill-1200x500")),
        Prefetch("author__photo", queryset=images_with_renditions(AVATAR)),
    ]
    if hasattr(model, "target_units"):
        related.append("target_units")
    return model.objects.filter(pk=page.pk).select_related("author").prefetch_related(*related).first()


def pinned_and_latest(model: type[ArticlePage], limit: int = 5) -> list[ArticlePage]:
    """The homepage block: pinned news first, then the newest, with their card pictures (two queries)."""
    return list(
        model.objects.live()
        .public()
        .only("title", "slug", "url_path", "path", "depth", "date", "pinned", "intro", "header_image")
        .prefetch_related(Prefetch("header_image", queryset=images_with_renditions(LIST_IMAGE)))
        .order_by("-pinned", "-date", "-pk")[:limit]
    )
