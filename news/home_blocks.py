"""The homepage's news block: pinned news first, then the latest (a fixed number of queries)."""

from intranet import caching
from intranet.plugins import PAGES_GENERATION, HomeBlock, shared
from news import selectors
from news.models import BlogIndexPage, NewsIndexPage, NewsPage


def _latest():
    items = selectors.pinned_and_latest(NewsPage, limit=5)
    return {
        "items": items,
        "index": NewsIndexPage.objects.live().order_by("path").first(),
        "blogs": BlogIndexPage.objects.live().order_by("path").first(),
    }


def blocks(request):
    # Public news is the same for everyone: cached until a page is published, unpublished, moved or
    # deleted, and so is its HTML (the template's {% cache %} is keyed on the same generation).
    context = {**shared("news.latest", _latest), "generation": caching.generation(PAGES_GENERATION)}
    return [HomeBlock(key="news.latest", template="news/home_block.html", context=context, order=20, wide=True)]
