"""The demo organisation's own name and colour, and the section bar."""

from django.utils import translation
from wagtail.models import Site

from intranet.models import IntranetSettings
from intranet.navigation import DEFAULT_SECTIONS


def seed(context):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    branding = IntranetSettings.for_site(site)
    if branding.name == "Plein":
        branding.name = "Plein · Gemeente Voorbeeldstad"
        branding.save()

    # The section bar as editors will find it in the admin (Instellingen → Intranetinstellingen).
    if not len(branding.section_links.raw_data):
        with translation.override("nl"):
            branding.section_links = [
                ("section", {"label": str(label), "url": path}) for label, path in DEFAULT_SECTIONS
            ]
        branding.save()
