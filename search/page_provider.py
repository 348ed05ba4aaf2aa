"""A provider for Wagtail pages of given models, usable by any app with a few lines."""

from django.db import connection
from wagtail.models import Page
from wagtail.search.query import Fuzzy

from search.registry import SearchProvider, SearchResult
from search.visibility import visible_pages

# The best hits are re-ranked by page type (e.g. a service above its department) within this window.
RERANK_WINDOW = 50
# Fewer hits than this and the typo-tolerant (trigram) search fills up the list on PostgreSQL.
FEW_RESULTS = 3


def fuzzy_supported():
    return connection.vendor == "postgresql"


class PageSearchProvider(SearchProvider):
    """Searches `model` (a concrete page model) through Wagtail's search backend."""

    model = Page

    def queryset(self, user):
        return visible_pages(self.model.objects.all(), user)

    def type_rank(self, page):
        """Lower ranks first among equally found pages; override to prefer the pages people want."""
        return 0

    def _slice(self, found, limit, offset):
        if not limit:
            return []
        if offset >= RERANK_WINDOW:
            return list(found[offset : offset + limit])
        window = sorted(found[:RERANK_WINDOW], key=self.type_rank)  # stable: relevance within a type
        return window[offset : offset + limit]

    def subtitle(self, page):
        return page.search_description

    def to_result(self, page):
        return SearchResult(title=page.title, url=page.get_url() or "", kind=self.kind, subtitle=self.subtitle(page))

    def search(self, query, user, limit, offset=0):
        queryset = self.queryset(user)
        found = queryset.search(query.wagtail_query())
        total = found.count()
        pages = self._slice(found, limit, offset)
        if total < FEW_RESULTS and offset == 0 and fuzzy_supported() and len(query.normalised) >= 3:
            extra = self.fuzzy(queryset, query, exclude=[page.pk for page in found[:FEW_RESULTS]], limit=FEW_RESULTS)
            total += len(extra)
            if limit:
                pages = (pages + extra)[:limit]
        return total, self.to_results(pages)

    def fuzzy(self, queryset, query, exclude, limit):
        """Typo tolerance: trigram similarity on the indexed title and body text, accents folded."""
        return list(queryset.exclude(pk__in=exclude).search(Fuzzy(query.normalised, unaccent=True))[:limit])

    def suggest(self, query, user, limit):
        found = self.queryset(user).autocomplete(query.normalised)[: limit * 3]
        return self.to_results(sorted(found, key=self.type_rank)[:limit])

    def to_results(self, pages):
        return [self.to_result(page) for page in pages]
