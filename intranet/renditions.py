"""Image renditions that never break a page and are made once (docs/operations.md).

Wagtail makes a rendition (a resized copy) the first time a page shows an image that size. Two
things could go wrong: on a full or read-only disk the write failed and so did every page showing
that image (the header avatar: every page of that person); and several requests at once each wrote
the same rendition file. install() wraps Wagtail's create_rendition: makers of one image take
turns (a row lock on the image; those who waited find the rendition already made), and when the
disk refuses the write the page shows the original image, scaled by the browser, instead of an
error. A missing original stays Wagtail's own concern (SourceImageIOError: its "not found" image).
"""

import logging

from django.db import transaction
from wagtail.images.models import AbstractImage, SourceImageIOError

from intranet.storage import StorageUnavailable

logger = logging.getLogger(__name__)


def _storage_errors():
    """What a failing store raises: the disk's OSError, or boto's errors when media are on S3 and
    the original cannot be read (intranet.s3_storage turns only refused writes into StorageUnavailable)."""
    try:
        # Imported here: boto3 is an optional dependency, needed only with S3 storage.
        from botocore.exceptions import BotoCoreError, ClientError
    except ImportError:  # pragma: no cover (boto3 is a requirement, but the file system needs none of it)
        return (StorageUnavailable, OSError)
    return (StorageUnavailable, OSError, BotoCoreError, ClientError)


def install():
    if getattr(AbstractImage.create_rendition, "plein_wrapped", False):
        return
    make = AbstractImage.create_rendition

    def create_rendition(self, filter):
        Rendition = self.get_rendition_model()
        try:
            with transaction.atomic():
                list(type(self)._default_manager.select_for_update().filter(pk=self.pk).values_list("pk"))
                try:
                    return self.renditions.get(filter_spec=filter.spec, focal_point_key=filter.get_cache_key(self))
                except Rendition.DoesNotExist:
                    return make(self, filter)
        except SourceImageIOError:
            raise
        except _storage_errors() as exc:
            logger.error("Rendition %s of image %s could not be written: %s", filter.spec, self.pk, exc)
            return Rendition(
                image=self, filter_spec=filter.spec, width=self.width, height=self.height, file=self.file.name
            )

    create_rendition.plein_wrapped = True
    AbstractImage.create_rendition = create_rendition
