"""Forget the cached block list when editors change it (publishing saves or deletes its rows), and
retire the blocks' shared parts (home.blocks.shared) whenever the live page tree changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.blocks import PAGES_GENERATION, settings_key
from home.models import HomeBlockSetting
from intranet import caching


@receiver([post_save, post_delete], sender=HomeBlockSetting)
def forget_block_settings(sender, instance, **kwargs):
    from django.core.cache import cache

    cache.delete(settings_key(instance.page_id))


@receiver([page_published, page_unpublished, post_page_move], dispatch_uid="home-shared-pages")
@receiver([post_save, post_delete], sender=PageViewRestriction, dispatch_uid="home-shared-restrictions")
@receiver(post_delete, sender=Page, dispatch_uid="home-shared-page-deleted")
def pages_changed(**kwargs):
    caching.bump(PAGES_GENERATION)
