"""News and blogs in the one search box (owned by search/, issue 7)."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from news.models import BlogPage, NewsPage
from search.page_provider import PageSearchProvider


class NewsProvider(PageSearchProvider):
    kind = "news"
    label = _("News and blogs")
    order = 30
    model = Page
    # The overview pages stay under "Pages"; this kind holds the articles themselves.
    page_models = (NewsPage, BlogPage)

    def queryset(self, user):
        return super().queryset(user).type(*self.page_models)

    def to_results(self, pages):
        # Date and intro live on the article models: one query per model, not one per result.
        articles = {}
        for model in self.page_models:
            articles.update(
                model.objects.filter(pk__in=[p.pk for p in pages])
                .only("date", "intro", "title", "url_path", "search_description")
                .in_bulk()
            )
        return [self.to_result(articles.get(page.pk, page)) for page in pages]

    def subtitle(self, page):
        if not hasattr(page, "date"):
            return page.search_description
        day = date_format(timezone.localtime(page.date), "j F Y")
        return " · ".join(part for part in (day, page.intro[:160]) if part)


def providers():
    return [NewsProvider()]
