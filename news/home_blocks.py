"""The homepage's news block: pinned news first, then the latest (a fixed number of queries)."""

import time

from intranet.plugins import HomeBlock, shared
from news import selectors
from news.models import BlogIndexPage, NewsIndexPage, NewsPage


def _latest():
    items = selectors.pinned_and_latest(NewsPage, limit=5)
    return {
        "items": items,
        "index": NewsIndexPage.objects.live().order_by("path").first(),
        "blogs": BlogIndexPage.objects.live().order_by("path").first(),
        # Keys the block's kept HTML to this very list (news/home_block.html's {% cache %}).
        "stamp": time.time_ns(),
    }


def blocks(request):
    # Public news is the same for everyone: cached until a page is published, unpublished, moved or
    # deleted, and so is its HTML (the template's {% cache %} is keyed on the list's stamp).
    context = shared("news.latest", _latest)
    return [HomeBlock(key="news.latest", template="news/home_block.html", context=context, order=20, wide=True)]
