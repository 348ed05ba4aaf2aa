"""Keep django.contrib.sites' domain equal to Wagtail's default site, so links in e-mails are right;
retire the cached pages of comments whenever a comment is written, hidden, removed or deleted."""

from django.conf import settings
from django.contrib.sites.models import Site
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django_comments.models import Comment, CommentFlag
from django_comments_xtd.models import XtdComment
from wagtail.models import Site as WagtailSite

from social.likes import likes_changed
from social.models import Like
from social.selectors import comments_changed, flags_changed


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


# Saving an XtdComment signals with sender=XtdComment, a plain Comment (django_comments' own views)
# with sender=Comment: both show in the sections. Bulk updates bump by hand (social.personal_data).
for _model in (Comment, XtdComment):
    post_save.connect(comments_changed, sender=_model, dispatch_uid=f"plein-comments-saved-{_model.__name__}")
    post_delete.connect(comments_changed, sender=_model, dispatch_uid=f"plein-comments-deleted-{_model.__name__}")

post_save.connect(likes_changed, sender=Like, dispatch_uid="plein-likes-saved")
post_delete.connect(likes_changed, sender=Like, dispatch_uid="plein-likes-deleted")
post_save.connect(flags_changed, sender=CommentFlag, dispatch_uid="plein-flags-saved")
post_delete.connect(flags_changed, sender=CommentFlag, dispatch_uid="plein-flags-deleted")
