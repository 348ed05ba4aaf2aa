"""Photo uploads checked by their content, not by their name: JPEG, PNG or WebP, within a size limit.

Public: `check_photo(upload, limit)` returns the file extension to store it under, or raises a
ValidationError with a code (too_large, not_an_image, wrong_type, too_many_pixels). Profiles, the
notice board and the header-photo submissions all check photos here.
"""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image

FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_PIXELS = 40_000_000


def check_photo(upload, limit):
    name = getattr(upload, "name", "") or _("photo")
    if upload.size > limit:
        raise ValidationError(
            _("“%(name)s” is too large (%(size)s); a photo can be at most %(max)s.")
            % {"name": name, "size": filesizeformat(upload.size), "max": filesizeformat(limit)},
            code="too_large",
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            kind = image.format
            width, height = image.size
            image.verify()
    except Exception as exc:  # Pillow raises many kinds for broken or disguised files.
        raise ValidationError(
            _("“%(name)s” is not a photo we can read. Choose a JPEG, PNG or WebP file.") % {"name": name},
            code="not_an_image",
        ) from exc
    finally:
        upload.seek(0)
    if kind not in FORMATS:
        raise ValidationError(_("“%(name)s” is not a JPEG, PNG or WebP photo.") % {"name": name}, code="wrong_type")
    if width * height > MAX_PIXELS:
        raise ValidationError(_("“%(name)s” has too many pixels.") % {"name": name}, code="too_many_pixels")
    return FORMATS[kind]
