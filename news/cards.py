"""The news and blog lists' shared parts, rendered once and served from the cache until they change.

A list page shows 20 article cards, each with a picture (a Wagtail rendition lookup), the date, the
author, the intro cut to 40 words and its category links; and beside them the months and
categories of the whole archive. Measured at 50,000 employees (docs/performance.md, issue 20) that
was most of what made /nieuws/ and /blogs/ cost twice the minimal page. All of it is the same for
every reader (the lists show public, live articles only), so, like people/cards.py:

- each card's HTML is cached per article under the page-tree generation (intranet.plugins: bumped
  when a page is published, unpublished, moved or deleted, and here when a category changes) and
  the people generation (the author's name); the like and comment counts are not in it, they are
  read afresh on every request (news.selectors.decorate);
- the aside (months and categories with their links) and the link to the other index are cached
  per index page under the same generations.

Pictures, categories and renditions are loaded only for the cards that are not in the cache.
"""

from django.db.models import Prefetch, prefetch_related_objects
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from intranet import caching
from intranet.plugins import PAGES_GENERATION, remember_pages
from news import selectors
from news.selectors import LIST_IMAGE, images_with_renditions
from people.signals import GENERATION as PEOPLE_GENERATION

CARD_TEMPLATE = "news/includes/article_card.html"
TAGS_TEMPLATE = "news/includes/article_tags.html"
CARD_TTL = 900
ASIDE_TTL = 900


def _card_prefetches():
    return ["categories", Prefetch("header_image", queryset=images_with_renditions(LIST_IMAGE))]


def render_cards(index, articles):
    """{article pk: (card HTML, category links HTML)} for `articles` (a page of the list), with one
    cache read; the misses are rendered (their pictures and categories loaded in three queries)."""
    articles = list(articles)
    if not articles:
        return {}
    prefix = caching.versioned_key(
        PAGES_GENERATION,
        "article-card",
        caching.generation(PEOPLE_GENERATION),
        get_language() or "",
        index.pk,
        index.url,
    )
    keys = {article.pk: f"{prefix}:{article.pk}" for article in articles}
    by_key = {keys[article.pk]: article for article in articles}

    def render(missing_keys):
        missing = [by_key[key] for key in missing_keys]
        prefetch_related_objects(missing, *_card_prefetches())
        card, tags = get_template(CARD_TEMPLATE), get_template(TAGS_TEMPLATE)
        fresh = {}
        for article in missing:
            context = {"article": article, "page": index, "category_links": index.with_urls(article.categories.all())}
            fresh[keys[article.pk]] = (card.render(context), tags.render(context))
        return fresh

    found = caching.remember_many(keys.values(), render, CARD_TTL)
    # Each piece is the output of an autoescaping template, cached as rendered.
    return {
        pk: (mark_safe(found[key][0]), mark_safe(found[key][1]))  # noqa: S308
        for pk, key in keys.items()
    }


def aside(index):
    """What the list shows beside and above the cards, the same for every reader of `index`:
    {"months": [(date, url)], "categories": [(name, url)], "related_url": the other index's URL}."""

    def compute():
        related = index.related_index()
        return {
            "months": [(month, index.month_url(month)) for month in selectors.months(index.article_model, index)],
            "categories": [
                (category.name, category.url)
                for category in index.with_urls(selectors.categories_in_use(index.article_model, index))
            ],
            "related_url": related.url if related is not None else "",
        }

    return remember_pages(("news-aside", index.pk, index.url), compute, seconds=ASIDE_TTL)


def categories_changed(**kwargs):
    """A category renamed or removed: its name and link are in cached cards and asides."""
    caching.bump(PAGES_GENERATION)
