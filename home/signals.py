"""Forget the cached block list when editors change it (publishing saves or deletes its rows).

The blocks' shared parts (intranet.plugins.shared) are retired by the frame whenever the live page tree
changes (intranet.plugins.pages_changed)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from home.blocks import settings_key
from home.models import HomeBlockSetting
from intranet import caching


@receiver([post_save, post_delete], sender=HomeBlockSetting)
def forget_block_settings(sender, instance, **kwargs):
    caching.forget_key(settings_key(instance.page_id))
