"""The homepage's news block: pinned news first, then the latest (a fixed number of queries)."""

from home.blocks import HomeBlock
from news import selectors
from news.models import NewsIndexPage, NewsPage


def blocks(request):
    items = selectors.pinned_and_latest(NewsPage, limit=5)
    index = NewsIndexPage.objects.live().order_by("path").first()
    return [
        HomeBlock(
            key="news.latest", template="news/home_block.html", context={"items": items, "index": index}, order=20
        )
    ]
