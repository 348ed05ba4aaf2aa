"""The homepage's news block: pinned news first, then the latest (a fixed number of queries)."""

from intranet.plugins import HomeBlock, shared_html, shared_html_slot
from news import selectors
from news.models import BlogIndexPage, NewsIndexPage, NewsPage

KEY = "news.latest"


def _latest():
    return {
        "items": selectors.pinned_and_latest(NewsPage, limit=5),
        "index": NewsIndexPage.objects.live().order_by("path").first(),
        "blogs": BlogIndexPage.objects.live().order_by("path").first(),
    }


def cache_slots(request):
    return [shared_html_slot(KEY)]


def blocks(request):
    # Public news is the same for everyone: its HTML is kept until a page is published, unpublished,
    # moved or deleted, and a minute at most.
    html = shared_html(KEY, "news/includes/home_block_body.html", _latest, request)
    return [HomeBlock(key=KEY, template="news/home_block.html", context={"html": html}, order=20, wide=True)]
