"""Uploads on a full or read-only disk: a form error that keeps the input, and no file left behind.

MediaStorage is the default file storage (the file system; intranet.s3_storage keeps media on an
S3-compatible store instead). When the disk refuses a write it removes what it had written of that
file and raises StorageUnavailable, a ValidationError: the services' transaction rolls back, so no
record points at a missing file, and the views, which show a service's ValidationError beside the
form, keep what was typed.
"""

import contextlib
import errno
import logging
import os
import tempfile

from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class StorageUnavailable(ValidationError):
    def __init__(self):
        super().__init__(
            _(
                "Your file could not be saved because the storage is not available right now. "
                "Nothing has been saved; what you typed is still here. Try again later."
            ),
            code="storage",
        )


class MediaStorage(FileSystemStorage):
    def _save(self, name, content):
        try:
            return super()._save(name, content)
        except FileExistsError:
            raise
        except OSError as exc:
            if exc.errno not in (errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EPERM, errno.EDQUOT, errno.EIO):
                raise
            # FileSystemStorage creates the file with O_EXCL, so a file at this path is our own
            # partial write.
            with contextlib.suppress(OSError):
                os.remove(self.path(name))
            logger.error("Media storage refused a write (%s): %s", errno.errorcode.get(exc.errno, exc.errno), name)
            raise StorageUnavailable() from exc

    def check_writable(self):
        """For /health/: the media folder takes a small write (room left, not read-only)."""
        os.makedirs(self.location, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=self.location, prefix=".health-", delete=True) as probe:
            probe.write(b"ok")
            probe.flush()
            os.fsync(probe.fileno())
