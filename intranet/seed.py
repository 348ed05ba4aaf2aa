"""The demo organisation's own name and colour, and the section bar."""

from django.utils import translation
from wagtail.models import Site

from intranet import caching, navigation
from intranet.models import IntranetSettings
from intranet.navigation import DEFAULT_SECTIONS, SectionLink, SectionNavigation


def seed(context):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    branding = IntranetSettings.for_site(site)
    if branding.name == "Plein":
        branding.name = "Plein · Gemeente Voorbeeldstad"
        branding.save()

    # The section bar as editors will find it in the admin (Instellingen → Sectiebalk).
    bar = SectionNavigation.load()
    if not bar.links.exists():
        with translation.override("nl"):
            SectionLink.objects.bulk_create(
                SectionLink(navigation=bar, label=str(label), url=path, sort_order=n)
                for n, (label, path) in enumerate(DEFAULT_SECTIONS)
            )
        caching.bump(navigation.GENERATION)  # bulk_create sends no signals
