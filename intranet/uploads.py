"""Uploads checked by their content, not by their name, and stored under a name of our own.

Public:
- `check_photo(upload, limit, max_pixels=PHOTO_MAX_PIXELS)` returns the file extension for the
  photo's real format (and notes it on the upload as `checked_extension`), or raises a
  ValidationError with a code (too_large, not_an_image, wrong_type, too_many_pixels). Profiles, the
  notice board, teams and the header-photo submissions all check photos here, each with its own
  pixel cap. Only the image header is read: a small file of huge dimensions is refused before
  anything would decode it.
- `stored_name(upload)`: a random file name with the checked extension, for saving an upload.
- `random_path(folder, filename)`: for `upload_to`; keeps only an allow-listed extension.
- `dropped_files(form)`: how many chosen files a bound form shown again has lost (a browser cannot
  keep a chosen file after a failed submit); `templates/includes/dropped_files.html` says so, in one
  sentence, next to the file fields of every form that takes uploads.
The uploader's own file name is kept, where the UI shows it, only as data on the record.
"""

import uuid

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image

from intranet.media_headers import MEDIA_TYPES, extension_of

FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
# Decoded pixels per kind of image: a header photo spans the homepage, the rest are shown small.
PHOTO_MAX_PIXELS = 16_000_000
HEADER_MAX_PIXELS = 25_000_000


def check_photo(upload, limit, max_pixels=PHOTO_MAX_PIXELS):
    name = getattr(upload, "name", "") or _("photo")
    if upload.size > limit:
        raise ValidationError(
            _("“%(name)s” is too large (%(size)s); a photo can be at most %(max)s.")
            % {"name": name, "size": filesizeformat(upload.size), "max": filesizeformat(limit)},
            code="too_large",
        )
    try:
        upload.seek(0)
        # open() reads the header only; the pixel cap is checked before verify() walks the file.
        with Image.open(upload) as image:
            kind = image.format
            width, height = image.size
            if kind in FORMATS and width * height <= max_pixels:
                image.verify()
    except Image.DecompressionBombError as exc:  # beyond even Pillow's own cap
        raise ValidationError(_("“%(name)s” has too many pixels.") % {"name": name}, code="too_many_pixels") from exc
    except Exception as exc:  # Pillow raises many kinds for broken or disguised files.
        raise ValidationError(
            _("“%(name)s” is not a photo we can read. Choose a JPEG, PNG or WebP file.") % {"name": name},
            code="not_an_image",
        ) from exc
    finally:
        upload.seek(0)
    if kind not in FORMATS:
        raise ValidationError(_("“%(name)s” is not a JPEG, PNG or WebP photo.") % {"name": name}, code="wrong_type")
    if width * height > max_pixels:
        raise ValidationError(
            _(
                "“%(name)s” is %(width)d × %(height)d pixels; a photo can have at most %(max)s megapixels. "
                "Make it smaller and try again."
            )
            % {"name": name, "width": width, "height": height, "max": f"{max_pixels / 1_000_000:g}"},
            code="too_many_pixels",
        )
    upload.checked_extension = FORMATS[kind]
    return FORMATS[kind]


def _safe_extension(extension):
    extension = (extension or "").lower()
    return extension if extension in MEDIA_TYPES else "bin"


def stored_name(upload):
    """A random name with the extension a content check found ("bin" if none did): never the uploader's."""
    return f"{uuid.uuid4().hex}.{_safe_extension(getattr(upload, 'checked_extension', ''))}"


def random_path(folder, filename):
    """For upload_to: a random name in `folder`; an extension outside the allow-list becomes .bin, so
    a file saved by some other path (an admin form) still cannot be served as a page."""
    return f"{folder}/{uuid.uuid4().hex}.{_safe_extension(extension_of(filename))}"


def dropped_files(form) -> int:
    """How many files the bound `form` was sent; when the form is shown again (an error, or a question
    first, like the teams' "a team like this exists"), the browser has dropped them all, while the
    form keeps what was typed. 0 for an unbound form."""
    if not getattr(form, "is_bound", False):
        return 0
    files = form.files
    getlist = getattr(files, "getlist", None)
    lists = [getlist(name) for name in files] if getlist else [[upload] for upload in files.values()]
    return sum(1 for uploads in lists for upload in uploads if upload)
