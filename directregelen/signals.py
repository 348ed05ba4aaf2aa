"""Keep the cached portal link (selectors.portal_link) in step with the page tree."""

from django.core.cache import cache
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from directregelen.models import DirectRegelenPage
from directregelen.selectors import PORTAL_LINK_KEY


@receiver(page_published, sender=DirectRegelenPage)
@receiver(page_unpublished, sender=DirectRegelenPage)
@receiver(page_slug_changed, sender=DirectRegelenPage)
@receiver(post_delete, sender=DirectRegelenPage)
def forget_portal_link(sender, **kwargs):
    cache.delete(PORTAL_LINK_KEY)


@receiver(post_page_move)
def forget_portal_link_after_move(sender, instance, **kwargs):
    if instance.specific_class is DirectRegelenPage:
        cache.delete(PORTAL_LINK_KEY)
