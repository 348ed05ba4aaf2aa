"""Limits for files shared in teams: photos through the frame's check, documents by extension and content.

A document must have an allowed extension AND look like that kind of file: PDF starts with "%PDF-",
Office Open XML and OpenDocument files are zip archives with their own marker inside, text and CSV
are UTF-8 (or Latin-1) without NUL bytes. Cheap checks that stop a renamed program or web page.
"""

import os
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from intranet.uploads import check_photo as _check_photo

DOCUMENT_EXTENSIONS = ("pdf", "docx", "xlsx", "pptx", "odt", "ods", "txt", "csv")
OOXML = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
ODF = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}


def photo_limit():
    return getattr(settings, "TEAMS_PHOTO_MAX_BYTES", 10 * 1024 * 1024)


def document_limit():
    return getattr(settings, "TEAMS_DOCUMENT_MAX_BYTES", 20 * 1024 * 1024)


def check_photo(upload):
    return _check_photo(upload, limit=photo_limit())


def _extension(name):
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def _looks_like(upload, extension):
    upload.seek(0)
    try:
        if extension == "pdf":
            return upload.read(5) == b"%PDF-"
        if extension in OOXML or extension in ODF:
            if not zipfile.is_zipfile(upload):
                return False
            upload.seek(0)
            with zipfile.ZipFile(upload) as archive:
                names = archive.namelist()
                if extension in OOXML:
                    return "[Content_Types].xml" in names and any(n.startswith(OOXML[extension]) for n in names)
                return "mimetype" in names and archive.read("mimetype").strip() == ODF[extension]
        head = upload.read(64 * 1024)
        # Plain text (txt, csv) in any 8-bit encoding: anything without NUL bytes.
        return b"\x00" not in head
    except (zipfile.BadZipFile, KeyError, OSError):
        return False
    finally:
        upload.seek(0)


def check_document(upload):
    """The extension to store the document under, or a ValidationError in Dutch."""
    name = os.path.basename(getattr(upload, "name", "") or "")
    extension = _extension(name)
    allowed = ", ".join(e.upper() for e in DOCUMENT_EXTENSIONS)
    if extension not in DOCUMENT_EXTENSIONS:
        raise ValidationError(
            _("“%(name)s” is not a document type we accept. Choose one of: %(types)s.")
            % {"name": name, "types": allowed},
            code="wrong_type",
        )
    if upload.size > document_limit():
        raise ValidationError(
            _("“%(name)s” is too large (%(size)s); a document can be at most %(max)s.")
            % {"name": name, "size": filesizeformat(upload.size), "max": filesizeformat(document_limit())},
            code="too_large",
        )
    if not _looks_like(upload, extension):
        raise ValidationError(
            _("“%(name)s” does not look like a %(type)s file. Check the file and try again.")
            % {"name": name, "type": extension.upper()},
            code="content_mismatch",
        )
    return extension
