"""Media on an S3-compatible store, shared by several app servers (MEDIA_STORAGE=s3, docs/operations.md).

A module of its own so that a server on the file system never loads boto3.
"""

import logging
from urllib.parse import urljoin

from boto3.exceptions import S3UploadFailedError
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from intranet.media_headers import content_type_for
from intranet.storage import StorageUnavailable

logger = logging.getLogger(__name__)


class S3MediaStorage(S3Storage):
    """Media on an S3-compatible store (MEDIA_STORAGE=s3), shared by every app server.

    The bucket stays private: url() is the intranet's own /media/ address, so every file is fetched
    through protected_media and its permission check, never from the store directly. Names are kept
    (no overwrite: Wagtail names originals after the editor's file), the stored Content-Type comes
    from the allow-list (intranet.media_headers), and a write the store refuses or cannot take
    (an error answer, a timeout, the store away) is a StorageUnavailable form error like a full disk.
    """

    def get_default_settings(self):
        return {
            **super().get_default_settings(),
            "file_overwrite": False,
            "default_acl": None,  # the bucket's own (private) policy; no public-read ACL ever
            "querystring_auth": True,
            # Short waits: an upload or a page must not hang on a store that does not answer.
            "client_config": Config(
                connect_timeout=float(getattr(settings, "MEDIA_S3_CONNECT_TIMEOUT", 2)),
                read_timeout=float(getattr(settings, "MEDIA_S3_READ_TIMEOUT", 20)),
                retries={"max_attempts": 2, "mode": "standard"},
                s3={"addressing_style": getattr(settings, "AWS_S3_ADDRESSING_STYLE", None) or "path"},
            ),
        }

    def get_object_parameters(self, name):
        return {"ContentType": content_type_for(name).split(";")[0], **super().get_object_parameters(name)}

    def url(self, name, parameters=None, expire=None, http_method=None):
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name))

    def save(self, name, content, max_length=None):
        # get_available_name asks the store too (HEAD), so the whole save is guarded, not only _save.
        try:
            return super().save(name, content, max_length=max_length)
        except (BotoCoreError, ClientError, S3UploadFailedError) as exc:
            logger.error("Media storage refused a write (%s): %s", exc.__class__.__name__, name)
            raise StorageUnavailable() from exc

    def open_stream(self, name):
        """(body, length) of a stored file for streaming, or None when there is no such file."""
        key = self._normalize_name(clean_name(name))
        try:
            answer = self.connection.meta.client.get_object(Bucket=self.bucket_name, Key=key)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                return None
            raise
        return answer["Body"], answer.get("ContentLength")

    def check_writable(self):
        key = self._normalize_name(".health-probe")
        client = self.connection.meta.client
        client.put_object(Bucket=self.bucket_name, Key=key, Body=b"ok")
        client.delete_object(Bucket=self.bucket_name, Key=key)
