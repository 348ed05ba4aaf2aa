"""Limits for files shared in teams: photos through the frame's check, documents by extension and content.

A document must have an allowed extension AND look like that kind of file: PDF starts with "%PDF-",
Office Open XML and OpenDocument files are zip archives with their own marker inside, text and CSV
are UTF-8 (or Latin-1) without NUL bytes. Cheap checks that stop a renamed program or web page.
Archives are judged by their declared sizes (members, total, compression ratio) before anything is
decompressed, and the one member read (ODF's mimetype) is read with a hard cap.
"""

import os
import struct
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


# Declared sizes are checked before anything is decompressed (a zip bomb must not cost memory).
ZIP_MAX_MEMBERS = 5000
ZIP_MAX_DIRECTORY_BYTES = 2 * 1024 * 1024
ZIP_MAX_UNPACKED_BYTES = 250 * 1024 * 1024
ZIP_MAX_RATIO = 200  # for members over a megabyte; office XML packs ten to thirty times
MIMETYPE_MAX_BYTES = 100
_EOCD = struct.Struct("<4s4H2LH")


def _extension(name):
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def _zip_directory_is_sane(upload):
    """Member count and directory size from the end-of-directory record, before ZipFile parses it."""
    upload.seek(0, os.SEEK_END)
    size = upload.tell()
    upload.seek(max(0, size - _EOCD.size - 65535))
    tail = upload.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < _EOCD.size:
        return False
    _sig, _disk, _start_disk, _here, members, directory_bytes, _offset, _comment = _EOCD.unpack_from(tail, at)
    # 0xFFFF / 0xFFFFFFFF mean Zip64: nothing an office file of at most 20 MB needs.
    return members <= ZIP_MAX_MEMBERS and directory_bytes <= ZIP_MAX_DIRECTORY_BYTES


def _zip_sizes_are_sane(archive):
    infos = archive.infolist()
    if len(infos) > ZIP_MAX_MEMBERS or sum(info.file_size for info in infos) > ZIP_MAX_UNPACKED_BYTES:
        return False
    return all(
        info.file_size <= 1024 * 1024 or info.file_size <= ZIP_MAX_RATIO * max(info.compress_size, 1) for info in infos
    )


def _odf_mimetype(archive):
    try:
        info = archive.getinfo("mimetype")
    except KeyError:
        return b""
    if info.file_size > MIMETYPE_MAX_BYTES:
        return b""
    with archive.open(info) as member:  # a hard cap, whatever the header claimed
        return member.read(MIMETYPE_MAX_BYTES + 1).strip()


def _looks_like(upload, extension):
    upload.seek(0)
    try:
        if extension == "pdf":
            return upload.read(5) == b"%PDF-"
        if extension in OOXML or extension in ODF:
            if not _zip_directory_is_sane(upload):
                return False
            upload.seek(0)
            with zipfile.ZipFile(upload) as archive:
                if not _zip_sizes_are_sane(archive):
                    return False
                names = archive.namelist()
                if extension in OOXML:
                    return "[Content_Types].xml" in names and any(n.startswith(OOXML[extension]) for n in names)
                return _odf_mimetype(archive) == ODF[extension]
        head = upload.read(64 * 1024)
        # Plain text (txt, csv) in any 8-bit encoding: anything without NUL bytes. It is only ever sent
        # as a text/plain or text/csv download (intranet.media_headers), never shown as a page.
        return b"\x00" not in head
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, RuntimeError, struct.error):
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
    # The content matched the extension: it is the stored file's extension (intranet.uploads.stored_name).
    upload.checked_extension = extension
    return extension
