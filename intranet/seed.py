"""The demo organisation's own name and colour."""

from wagtail.models import Site

from intranet.models import IntranetSettings


def seed(context):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    branding = IntranetSettings.for_site(site)
    if branding.name == "Plein":
        branding.name = "Plein · Gemeente Voorbeeldstad"
        branding.save()
