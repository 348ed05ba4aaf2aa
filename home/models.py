from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import collect


class HomePage(Page):
    """The start of the workday. Each block asks its own app for content (see home/blocks later)."""

    intro = models.CharField(_("welcome line"), max_length=250, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("homepage")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        person = getattr(request.user, "person", None) if request.user.is_authenticated else None
        context["person"] = person
        context["blocks"] = collect(request)
        return context


class ContentPage(Page):
    """A plain page with a title, intro and text: help pages, quick guides, anything editorial."""

    intro = models.CharField(_("intro"), max_length=250, blank=True)
    body = RichTextField(_("text"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("content page")
