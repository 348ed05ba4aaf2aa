"""The index pages' views: the list, month and category archives, and the Atom feed.

The feed sits behind the login wall like every other page (feed readers need a session).
"""

import datetime

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from intranet.permissions import shown
from news import blogging, cards, selectors

FEED_ITEMS = 30


class ArticleIndexMixin(RoutablePageMixin):
    """Mixed into NewsIndexPage and BlogIndexPage; `article_model` names the children's model."""

    article_model = None

    def get_absolute_url(self):
        return self.get_url()

    def _subpage_url(self, name, *args):
        return self.url + self.reverse_subpage(name, args=args)

    def month_url(self, month):
        return self._subpage_url("month", month.year, month.month)

    def feed_url(self):
        return self._subpage_url("feed")

    def with_urls(self, categories):
        categories = list(categories)
        for category in categories:
            category.url = self._subpage_url("category", category.slug)
        return categories

    def _render_list(self, request, queryset, *, heading=None, archive=None):
        page_obj = selectors.paginate(queryset, request.GET.get("page"))
        articles = selectors.decorate(page_obj.object_list, request.user)
        rendered = cards.render_cards(self, articles)
        for article in articles:
            article.card_html, article.tags_html = rendered[article.pk]
        shared = cards.aside(self)
        context = {
            "page_obj": page_obj,
            "articles": articles,
            "archive_heading": heading,
            "archive": archive,
            "months": shared["months"],
            "categories": shared["categories"],
            "related_url": shared["related_url"],
            "feed_url": self.feed_url(),
            # Only whether to show "Write a blog" (the form checks the real permission).
            "may_write": hasattr(self, "write_url")
            and shown(request.user, f"write-under-{self.pk}", lambda: blogging.may_write(request.user, self)),
        }
        return self.render(request, context_overrides=context)

    @path("")
    def index_view(self, request):
        return self._render_list(request, selectors.articles(self.article_model, self))

    @path("<int:year>/<int:month>/", name="month")
    def month_view(self, request, year, month):
        if not 1 <= month <= 12 or not 1 <= year <= 9999:  # a date outside that is a 500 otherwise
            raise Http404
        label = date_format(datetime.date(year, month, 1), "F Y")
        return self._render_list(
            request,
            selectors.articles(self.article_model, self, year=year, month=month),
            heading=_("Archive: %(month)s") % {"month": label},
            archive=("month", year, month),
        )

    @path("categorie/<slug:slug>/", name="category")
    def category_view(self, request, slug):
        # Imported here: at the top it makes an import cycle (news.models needs this module loaded first).
        from news.models import Category

        category = get_object_or_404(Category, slug=slug)
        return self._render_list(
            request,
            selectors.articles(self.article_model, self, category=category),
            heading=_("Category: %(name)s") % {"name": category.name},
            archive=("category", category.slug),
        )

    @path("feed/", name="feed")
    def feed_view(self, request):
        feed = Atom1Feed(
            title=self.title,
            link=self.get_full_url(request),
            description=getattr(self, "intro", ""),
            language="nl",
            feed_url=request.build_absolute_uri(),
        )
        for article in selectors.articles(self.article_model, self).prefetch_related("categories")[:FEED_ITEMS]:
            feed.add_item(
                title=article.title,
                link=article.get_full_url(request),
                description=article.intro,
                pubdate=article.date,
                updateddate=article.last_published_at or article.date,
                author_name=article.author.full_name if article.author else None,
                unique_id=article.get_full_url(request),
                categories=[c.name for c in article.categories.all()],
            )
        response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
        feed.write(response, "utf-8")
        return response
