"""The section bar: a short, editor-managed list of the intranet's main sections on every page.

Search stays the main door; the bar is the second way to every section (WCAG 2.4.5). Editors order
the links in the admin (Settings → Intranet settings → Section bar), stored on IntranetSettings,
which every page loads anyway; without links the built-in sections are shown. Links to pages are
resolved once per change (cached under the "navigation" generation), so the bar costs no query.
"""

from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
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


class SectionLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("label"), max_length=40)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.CharBlock(
        label=_("address"),
        max_length=200,
        required=False,
        help_text=_("An intranet path such as /zalen/, used when no page is chosen."),
    )

    class Meta:
        label = _("section")
        icon = "link"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or enter an address."))}
            )
        if value.get("url") and not value["url"].startswith("/"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Enter a path on the intranet that starts with /."))}
            )
        return value


def _resolve(stream):
    links = []
    for child in stream:
        page = child.value.get("page")
        if page is not None:
            if page.live:
                links.append((child.value["label"], page.get_url()))
        elif child.value.get("url"):
            links.append((child.value["label"], child.value["url"]))
    return links


def section_links(branding):
    """[(label, href)] for the bar, the same for everyone (sections are not private)."""
    if branding is None or not len(branding.section_links.raw_data):
        return [(str(label), path) for label, path in DEFAULT_SECTIONS]
    return caching.remember(
        GENERATION, [branding.pk, get_language()], lambda: _resolve(branding.section_links), ttl=3600
    )


def current_href(links, path):
    """The link whose path is the longest prefix of the current path, or None: that section is marked."""
    best = None
    for _label, href in links:
        if href.startswith("/") and href != "/" and path.startswith(href) and len(href) > len(best or ""):
            best = href
    return best


@receiver([page_published, page_unpublished, post_page_move], dispatch_uid="nav-pages-changed")
def pages_changed(**kwargs):
    caching.bump(GENERATION)


def settings_changed(sender, instance, **kwargs):
    caching.bump(GENERATION)
