"""A provider for Wagtail pages of given models, usable by any app with a few lines."""

from django.db import connection
from wagtail.models import Page

from intranet.page_visibility import page_visibility_key, visible_pages
from intranet.plugins import SearchProvider, SearchResult
from search.query import title_score

# The best hits are re-ranked by page type (e.g. a service above its department) within this window.
RERANK_WINDOW = 50
# pg_trgm word similarity from which a title counts as meant: "ziekmelden" ~ "Ziek- en betermelden"
# scores 0.45, "verlofaanvraag" ~ "Verlof aanvragen" 0.56, unrelated titles below 0.3.
TITLE_LIKENESS = 0.4


def fuzzy_supported():
    return connection.vendor == "postgresql"


class PageSearchProvider(SearchProvider):
    """Searches `model` (a concrete page model) through Wagtail's search backend."""

    model = Page
    # Suggest titles that resemble the text (typos, word forms, compounds) even when other kinds found
    # plenty: worth one more query for a small set of pages people come to arrange things (services);
    # large kinds (news) get look-alikes only when the whole search found little.
    suggest_likeness = False

    def queryset(self, user):
        return visible_pages(self.model.objects.all(), user)

    def visibility_key(self, user):
        return page_visibility_key(user)

    def type_rank(self, page):
        """Lower ranks first among equally found pages; override to prefer the pages people want."""
        return 0

    def _ranked_window(self, query, found):
        """The best hits, re-ranked. Stable: relevance within a tier. Titles holding every word (or a
        synonym's) first, so "hr" opens with the P&O department, then the page types searchers want."""
        window = list(found[:RERANK_WINDOW])
        return sorted(window, key=lambda page: (-title_score(query, page.title), self.type_rank(page)))

    def subtitle(self, page):
        return page.search_description

    def to_result(self, page):
        return SearchResult(title=page.title, url=page.get_url() or "", kind=self.kind, subtitle=self.subtitle(page))

    def search(self, query, user, limit, offset=0):
        found = self.queryset(user).search(query.wagtail_query())
        if not limit:
            return found.count(), []
        if offset >= RERANK_WINDOW:
            return found.count(), self.to_results(list(found[offset : offset + limit]))
        window = self._ranked_window(query, found)
        # A window that is not full holds every hit: no COUNT (the common case: a few dozen hits).
        total = len(window) if len(window) < RERANK_WINDOW else found.count()
        return total, self.to_results(window[offset : offset + limit])

    def similar_titles(self, queryset, query, limit):
        """PostgreSQL: pages whose title resembles the text: typos ("declaratei"), other word forms
        ("verloven") and compounds ("verlofaanvraag", "ziekmelden") alike, best first."""
        if not fuzzy_supported() or len(query.normalised) < 4 or not limit:
            return []
        # Imported here: PostgreSQL only (psycopg), and an SQLite install may lack it.
        from django.contrib.postgres.search import TrigramWordSimilarity

        text = " ".join(query.words)
        likeness = TrigramWordSimilarity(text, "title")
        return list(
            queryset.annotate(likeness=likeness)
            .filter(likeness__gte=TITLE_LIKENESS)
            .order_by("-likeness", "title", "pk")[:limit]
        )

    def typo_search(self, query, user, limit, exclude_urls=()):
        queryset = self.queryset(user)
        found = [
            r for r in self.to_results(self.similar_titles(queryset, query, limit * 2)) if r.url not in exclude_urls
        ]
        for result in found:
            result.typo = True
        return found[:limit]

    def suggest(self, query, user, limit):
        """Prefix first (the words typed so far), then the same stemming and synonyms as the results
        page, then (PostgreSQL) titles that resemble the text: each step only while the list is short."""
        queryset = self.queryset(user)
        pages = sorted(queryset.autocomplete(query.normalised)[: limit * 3], key=self.type_rank)[:limit]
        if len(pages) < limit and (len(query.normalised) >= 3 or query.alternatives):
            seen = {page.pk for page in pages}
            for page in queryset.search(query.wagtail_query())[: limit * 2]:
                if page.pk not in seen and len(pages) < limit:
                    pages.append(page)
                    seen.add(page.pk)
        if len(pages) < limit and self.suggest_likeness:
            seen = {page.pk for page in pages}
            pages += [page for page in self.similar_titles(queryset, query, limit) if page.pk not in seen]
        return self.to_results(pages[:limit])

    def to_results(self, pages):
        return [self.to_result(page) for page in pages]
