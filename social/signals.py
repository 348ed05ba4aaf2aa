"""Keep django.contrib.sites' domain equal to Wagtail's default site, so links in e-mails are right."""

from django.conf import settings
from django.contrib.sites.models import Site
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Site as WagtailSite


def domain_of(wagtail_site):
    if wagtail_site.port in (80, 443):
        return wagtail_site.hostname
    return f"{wagtail_site.hostname}:{wagtail_site.port}"


def sync_site(django_site_model=None, wagtail_site_model=None):
    """Copy the default Wagtail site's host (and name) onto the sites-framework Site SITE_ID."""
    django_site_model = django_site_model or Site
    wagtail_site_model = wagtail_site_model or WagtailSite
    default = wagtail_site_model.objects.filter(is_default_site=True).first()
    if default is None:
        return None
    name = (default.site_name or settings.WAGTAIL_SITE_NAME)[:50]
    site, _ = django_site_model.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain_of(default)[:100], "name": name}
    )
    if django_site_model is Site:
        Site.objects.clear_cache()
    return site


@receiver(post_save, sender=WagtailSite)
def _wagtail_site_saved(sender, instance, raw=False, **kwargs):
    if not raw and instance.is_default_site:
        sync_site()
