"""News and blogs as Wagtail pages: NewsIndexPage > NewsPage and BlogIndexPage > BlogPage.

Both kinds of article share their fields and their social features (comments, likes) through
ArticlePage; the index pages list, archive (by month and category) and feed them.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from intranet import caching
from news.blocks import ArticleBody
from news.routes import ArticleIndexMixin
from news.selectors import article_html, article_slot
from news.views import write_blog
from social import selectors as social_selectors
from social import targets


@register_snippet
class Category(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name


class ArticlePage(Page):
    """What a news item and a blog post have in common."""

    intro = models.TextField(_("intro"), max_length=400, blank=True)
    header_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("header image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    header_image_alt = models.CharField(
        _("alternative text of the header image"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the photo shows, for colleagues who cannot see it. Empty: the image's own description is used."
        ),
    )
    body = StreamField(ArticleBody(), verbose_name=_("text"), blank=True)
    date = models.DateTimeField(_("publish date"), default=timezone.now, db_index=True)
    author = models.ForeignKey(
        "people.Person",
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    allow_comments = models.BooleanField(_("allow comments"), default=True)

    @property
    def header_alt(self):
        """WCAG 1.1.1: the editor's alt text, else the image's description in the media library."""
        if self.header_image_alt:
            return self.header_image_alt
        return getattr(self.header_image, "description", "") or ""

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("header_image"),
        FieldPanel("header_image_alt"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    class Meta:
        abstract = True

    def get_absolute_url(self):
        return self.get_url()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            # A preview shows the draft in `self`; the stored row would show the published text instead.
            context["article"] = self
        else:
            # Every cached part the page shows (its text, its likes, the reader's reports, the page of
            # comments asked for) in one cache read; the published article with its author, pictures
            # and categories is loaded only when its text is not kept. Likes, the must-read box and
            # the comments use the page itself.
            slots = [
                article_slot(self),
                *social_selectors.discussion_slots(self, request.user, request.GET.get("reacties")),
            ]
            caching.prefetch(slots)
            context["article_html"] = article_html(self, request)
        return context

    def social_owner(self):
        """Who hears about comments and likes: the author, else whoever made the page."""
        if self.author_id and self.author.user_id:
            return self.author.user
        return self.owner


class NewsPage(ArticlePage):
    categories = ParentalManyToManyField(Category, verbose_name=_("categories"), blank=True, related_name="news")
    target_units = ParentalManyToManyField(
        "people.OrganisationUnit",
        verbose_name=_("for organisation units"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty for everyone."),
    )
    pinned = models.BooleanField(_("pin to the homepage"), default=False, db_index=True)

    content_panels = ArticlePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("author"),
                FieldPanel("categories"),
                FieldPanel("target_units"),
                FieldPanel("pinned"),
                FieldPanel("allow_comments"),
            ],
            heading=_("About this news item"),
        )
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")


class BlogPage(ArticlePage):
    categories = ParentalManyToManyField(Category, verbose_name=_("categories"), blank=True, related_name="blogs")

    content_panels = ArticlePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("author"), FieldPanel("categories"), FieldPanel("allow_comments")],
            heading=_("About this blog post"),
        )
    ]
    parent_page_types = ["news.BlogIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("blog post")
        verbose_name_plural = _("blog posts")


class NewsIndexPage(ArticleIndexMixin, Page):
    def related_index(self):
        """The blogs, linked from the news (one query)."""
        return BlogIndexPage.objects.live().order_by("path").first()

    intro = models.CharField(_("intro"), max_length=250, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    article_model = NewsPage
    fallback_kind = "news"  # the icon on a list item's stand-in picture

    class Meta:
        verbose_name = _("news overview")


class BlogIndexPage(ArticleIndexMixin, Page):
    intro = models.CharField(_("intro"), max_length=250, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.BlogPage"]
    article_model = BlogPage
    fallback_kind = "blog"

    def related_index(self):
        return NewsIndexPage.objects.live().order_by("path").first()

    @path("schrijven/", name="write")
    def write_view(self, request):
        return write_blog(request, self)

    def write_url(self):
        return self.url + self.reverse_subpage("write")

    class Meta:
        verbose_name = _("blog overview")


targets.register(NewsPage)
targets.register(BlogPage)
