"""The photo field of request forms: a picture from a phone's camera or a PDF, checked and kept private.

Files are checked by their first bytes, not by the name or the browser's claim, and stored under a
folder of MEDIA_ROOT that the general media view refuses; only directregelen.views.attachment serves
them, to the requester and the department's staff.
"""

import os
import posixpath
import uuid

from django import forms
from django.conf import settings
from django.core.files.storage import Storage
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder

from intranet.storage import MediaStorage

PRIVATE_PREFIX = "prive"
ALLOWED_TYPES = {
    # content type: (extensions, test on the first bytes)
    "image/jpeg": ((".jpg", ".jpeg"), lambda head: head.startswith(b"\xff\xd8\xff")),
    "image/png": ((".png",), lambda head: head.startswith(b"\x89PNG\r\n\x1a\n")),
    "image/webp": ((".webp",), lambda head: head[:4] == b"RIFF" and head[8:12] == b"WEBP"),
    "application/pdf": ((".pdf",), lambda head: head.startswith(b"%PDF-")),
}
ACCEPT = ",".join([*ALLOWED_TYPES, ".jpg", ".jpeg", ".png", ".webp", ".pdf"])


def max_upload_size():
    return getattr(settings, "DIRECTREGELEN_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)


@deconstructible(path="directregelen.uploads.PrivateStorage")
class PrivateStorage(Storage):
    """MEDIA_ROOT/prive on the file system, or prive/ in the bucket when media are on an S3-compatible
    store (MEDIA_STORAGE=s3), so every app server finds the files; never a public URL. The backend
    follows the settings (tests change MEDIA_ROOT and STORAGES)."""

    def _backend(self):
        config = settings.STORAGES["default"]
        key = (config["BACKEND"], repr(config.get("OPTIONS")), str(settings.MEDIA_ROOT))
        if getattr(self, "_backend_key", None) != key:
            if config["BACKEND"] == "intranet.s3_storage.S3MediaStorage":
                # Imported here: boto3 is an optional dependency, needed only with S3 storage.
                from intranet.s3_storage import S3MediaStorage

                options = config.get("OPTIONS", {})
                location = options.get("location", getattr(settings, "AWS_LOCATION", ""))
                backend = S3MediaStorage(**{**options, "location": posixpath.join(location, PRIVATE_PREFIX)})
            else:
                backend = MediaStorage(location=os.path.join(settings.MEDIA_ROOT, PRIVATE_PREFIX))
            self._backend_key, self._backend_storage = key, backend
        return self._backend_storage

    def save(self, name, content, max_length=None):
        return self._backend().save(name, content, max_length=max_length)

    def _open(self, name, mode="rb"):
        return self._backend().open(name, mode)

    def delete(self, name):
        return self._backend().delete(name)

    def exists(self, name):
        return self._backend().exists(name)

    def size(self, name):
        return self._backend().size(name)

    def path(self, name):
        return self._backend().path(name)

    def listdir(self, path):
        return self._backend().listdir(path)

    def url(self, name):
        raise ValueError("Private request files have no public URL; use directregelen:attachment.")


private_storage = PrivateStorage()


def attachment_path(instance, filename):
    """A random name: the original one is kept in the database, never in a guessable path."""
    extension = os.path.splitext(filename)[1].lower()
    return f"aanvragen/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


def sniff_content_type(upload):
    """The allowed content type the file's bytes and name agree on, or None."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    extension = os.path.splitext(upload.name or "")[1].lower()
    for content_type, (extensions, matches) in ALLOWED_TYPES.items():
        if extension in extensions and matches(head):
            return content_type
    return None


class UploadField(forms.FileField):
    widget = forms.ClearableFileInput

    default_error_messages = {
        "type": _("Choose a photo (JPEG, PNG or WebP) or a PDF file."),
        "size": _("The file is too large (%(size)s); the limit is %(limit)s."),
    }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": ACCEPT}))
        kwargs.pop("initial", None)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload:
            return upload
        if upload.size > max_upload_size():
            raise forms.ValidationError(
                self.error_messages["size"],
                code="size",
                params={"size": filesizeformat(upload.size), "limit": filesizeformat(max_upload_size())},
            )
        content_type = sniff_content_type(upload)
        if content_type is None:
            raise forms.ValidationError(self.error_messages["type"], code="type")
        upload.checked_content_type = content_type
        return upload


class RequestFormBuilder(FormBuilder):
    def create_photo_field(self, field, options):
        return UploadField(**options)
