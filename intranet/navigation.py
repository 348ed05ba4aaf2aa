"""The section bar: a short, editor-managed list of the intranet's main sections on every page.

Search stays the main door; the bar is the second way to every section (WCAG 2.4.5). Editors order
the links in the admin (Settings → Section bar); without any link the built-in defaults are shown,
so a fresh install has a bar too. The resolved list is cached under the "navigation" generation, so
the bar costs no query on a warm site.
"""

from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Orderable, Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from intranet import caching

GENERATION = "navigation"

# Paths of the sections the apps make (their index pages and URL prefixes): the bar without editors.
DEFAULT_SECTIONS = [
    (pgettext_lazy("section", "News"), "/nieuws/"),
    (pgettext_lazy("section", "People"), "/mensen/"),
    (pgettext_lazy("section", "Teams"), "/teams/"),
    (pgettext_lazy("section", "Direct regelen"), "/direct-regelen/"),
    (pgettext_lazy("section", "Rooms"), "/zalen/"),
    (pgettext_lazy("section", "Notice board"), "/prikbord/"),
    (pgettext_lazy("section", "Apps"), "/apps/"),
    (pgettext_lazy("section", "Blogs"), "/blogs/"),
]


@register_setting(icon="list-ul")
class SectionNavigation(ClusterableModel, BaseGenericSetting):
    panels = [InlinePanel("links", heading=_("Sections"), label=_("section"))]

    class Meta:
        verbose_name = _("section bar")


class SectionLink(Orderable):
    navigation = ParentalKey(SectionNavigation, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("label"), max_length=40)
    page = models.ForeignKey(
        Page, verbose_name=_("page"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    url = models.CharField(
        _("address"),
        max_length=200,
        blank=True,
        help_text=_("An intranet path such as /zalen/, used when no page is chosen."),
    )

    panels = [FieldPanel("label"), FieldPanel("page"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("section")

    def clean(self):
        from django.core.exceptions import ValidationError

        if not self.page_id and not self.url:
            raise ValidationError(_("Choose a page or enter an address."))
        if self.url and not self.url.startswith("/"):
            raise ValidationError({"url": _("Enter a path on the intranet that starts with /.")})

    def href(self):
        return self.page.get_url() if self.page_id else self.url


def _resolve():
    links = [
        (link.label, link.href())
        for link in SectionLink.objects.select_related("page").order_by("navigation_id", "sort_order")
        if not link.page_id or link.page.live
    ]
    links = [(label, href) for label, href in links if href]
    return links or [(str(label), path) for label, path in DEFAULT_SECTIONS]


def section_links():
    """[(label, href)] for the bar, the same for everyone (sections are not private)."""
    return caching.remember(GENERATION, [get_language()], _resolve, ttl=3600)


def current_href(links, path):
    """The link whose path is the longest prefix of the current path, or None: that section is marked."""
    best = None
    for _label, href in links:
        if href.startswith("/") and href != "/" and path.startswith(href) and len(href) > len(best or ""):
            best = href
    return best


@receiver([post_save, post_delete], sender=SectionLink, dispatch_uid="nav-link-changed")
@receiver(post_save, sender=SectionNavigation, dispatch_uid="nav-changed")
@receiver([page_published, page_unpublished, post_page_move], dispatch_uid="nav-pages-changed")
@receiver(post_delete, sender=Page, dispatch_uid="nav-page-deleted")
def navigation_changed(**kwargs):
    caching.bump(GENERATION)
