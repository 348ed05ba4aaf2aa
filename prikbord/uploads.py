"""The notice board's photo limit; the check itself is the frame's (intranet.uploads)."""

from django.conf import settings

from intranet.uploads import check_photo as _check_photo


def max_bytes():
    return getattr(settings, "PRIKBORD_PHOTO_MAX_BYTES", 5 * 1024 * 1024)


def check_photo(upload):
    return _check_photo(upload, limit=max_bytes())
