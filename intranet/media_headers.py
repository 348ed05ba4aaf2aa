"""The one header set for every uploaded file the intranet sends (/media/ and Wagtail's /documenten/).

An uploaded file must never act as a page or a script on the intranet's own origin, whatever bytes
it holds or whatever its uploader named it. So:
- the type comes from an allow-list keyed on the server-chosen extension (never guessed from an
  uploader's name); anything else goes out as application/octet-stream;
- only images are shown inline; everything else is a download (Content-Disposition: attachment);
- every response carries nosniff and a sandboxing CSP, so even a file a browser did render could
  run no script and reach nothing.

protected_media calls `secure_file_response`; `MediaHeadersMiddleware` gives Wagtail's document
serve view (and anything else answering on those URLs) the same treatment.
"""

import posixpath
import unicodedata

from django.utils.http import content_disposition_header

OCTET_STREAM = "application/octet-stream"
IMAGE_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "gif": "image/gif",
    "avif": "image/avif",  # Wagtail renditions may be converted to AVIF
}
DOWNLOAD_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "txt": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "zip": "application/zip",  # "Mijn gegevens" exports (privacy/exports.py)
    # wagtailmedia videos and audio (news pages); <video>/<audio> ignore Content-Disposition.
    "mp4": "video/mp4",
    "m4v": "video/mp4",
    "webm": "video/webm",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "ogg": "audio/ogg",
    "vtt": "text/vtt; charset=utf-8",  # captions for videos (<track>)
}
MEDIA_TYPES = {**IMAGE_TYPES, **DOWNLOAD_TYPES}
IMAGE_CSP = "sandbox; default-src 'none'; img-src 'self'"
OTHER_CSP = "sandbox; default-src 'none'"


def extension_of(name):
    return posixpath.splitext(name or "")[1].lower().lstrip(".")


def content_type_for(name):
    """The type for a stored file, from its (server-chosen) extension; unknown means octet-stream."""
    return MEDIA_TYPES.get(extension_of(name), OCTET_STREAM)


def safe_download_name(name, stored_name):
    """The name a download is saved under: the uploader's base name (control characters and path
    separators out) with the stored file's extension, so the name never decides the type."""
    base = posixpath.splitext(posixpath.basename((name or "").replace("\\", "/")))[0]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C" and ch not in "/\\").strip(" .")
    extension = extension_of(stored_name)
    if extension not in MEDIA_TYPES:
        extension = "bin"
    return f"{(base or 'bestand')[:100]}.{extension}"


def secure_file_response(response, stored_name, download_name=None):
    """Set type, disposition, nosniff and CSP on a response that sends the file `stored_name`."""
    content_type = content_type_for(stored_name)
    response["Content-Type"] = content_type
    filename = safe_download_name(download_name or stored_name, stored_name)
    inline = content_type in IMAGE_TYPES.values()
    response["Content-Disposition"] = content_disposition_header(not inline, filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = IMAGE_CSP if inline else OTHER_CSP
    response.plein_media_secured = True
    return response


class MediaHeadersMiddleware:
    """Wagtail's document view guesses the type from the editor's file name and shows PDFs inline
    with a CSP that does not sandbox: give it (and any media answer not yet secured) the header set."""

    URL_NAMES = {"media", "wagtaildocs_serve"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is None or match.url_name not in self.URL_NAMES or getattr(response, "plein_media_secured", False):
            return response
        response["X-Content-Type-Options"] = "nosniff"
        is_file = response.streaming or any(h in response for h in ("X-Accel-Redirect", "X-Sendfile"))
        if response.status_code == 200 and is_file:
            # A file (Wagtail's password form for a restricted collection is a page, left as it is).
            # wagtaildocs_serve checked that this last path segment is the document's stored file name.
            stored_name = posixpath.basename(request.path_info)
            secure_file_response(response, stored_name, stored_name)
        elif response.status_code in (304, 206):
            response["Content-Security-Policy"] = OTHER_CSP
        return response
