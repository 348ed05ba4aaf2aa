"""Forget the cached block list when editors change it (publishing saves or deletes its rows)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from home.blocks import settings_key
from home.models import HomeBlockSetting


@receiver([post_save, post_delete], sender=HomeBlockSetting)
def forget_block_settings(sender, instance, **kwargs):
    from django.core.cache import cache

    cache.delete(settings_key(instance.page_id))
