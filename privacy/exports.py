"""Building the "Mijn gegevens" ZIP: every app's declared kinds as JSON, plus the files (docs/privacy.md).

Layout: manifest.json (format version, when, kinds with record and file counts), data/<kind>.json
(a list of records) and files/<kind>/<name>.
"""

import json
import tempfile
import uuid
import zipfile
from datetime import timedelta

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from intranet import personal_data, throttle
from intranet.jobs import enqueue
from privacy.models import EXPORT_FOLDER, DataExport
from privacy.tasks import build_export
from social.notifications import notify

FORMAT_VERSION = 1
# A job still pending after this long has failed all its retries: the person may ask again.
STALE_AFTER = timedelta(days=1)


def request_export(user):
    """Queue an export for `user`; throttled, and at most one waiting at a time."""
    waiting = DataExport.objects.filter(user=user, status=DataExport.Status.PENDING)
    waiting.filter(requested_at__lt=timezone.now() - STALE_AFTER).update(status=DataExport.Status.FAILED)
    pending = waiting.first()
    if pending is not None:
        return pending
    throttle.hit(user, "privacy_export", message=_("You asked for your data several times already. Try again later."))
    with transaction.atomic():
        export = DataExport.objects.create(user=user)
        enqueue(build_export, str(export.pk))
    return export


def write_archive(user, target):
    """Write the ZIP for `user` to the open binary file `target`; returns the manifest."""
    manifest = {
        "format": "plein-personal-data",
        "version": FORMAT_VERSION,
        "created_at": timezone.now().isoformat(),
        "account": user.get_username(),
        "kinds": [],
    }
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for kind in personal_data.kinds():
            exported = kind.export(user)
            archive.writestr(
                f"data/{kind.name}.json",
                json.dumps(exported.records, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            )
            written = 0
            for name, stored in exported.files:
                try:
                    with stored.open("rb") as source, archive.open(f"files/{kind.name}/{name}", "w") as out:
                        for chunk in iter(lambda: source.read(1 << 16), b""):
                            out.write(chunk)
                    written += 1
                except FileNotFoundError:
                    continue  # a record whose file is gone: the JSON still says it had one
            manifest["kinds"].append(
                {"kind": kind.name, "description": kind.description, "records": len(exported.records), "files": written}
            )
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    return manifest


def build(export):
    """Make the ZIP of a pending export, store it and tell its owner."""
    with tempfile.TemporaryFile() as handle:
        write_archive(export.user, handle)
        handle.seek(0)
        name = default_storage.save(f"{EXPORT_FOLDER}/{uuid.uuid4().hex}.zip", File(handle))
        size = handle.seek(0, 2)
    now = timezone.now()
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):  # stored text: in Dutch
        export.file.name = name
        export.size = size
        export.status = DataExport.Status.READY
        export.finished_at = now
        export.expires_at = now + timedelta(days=settings.PRIVACY_EXPORT_DAYS)
        export.save(update_fields=["file", "size", "status", "finished_at", "expires_at"])
        notify(
            [export.user],
            verb="notice",
            actor=None,
            target=None,
            title=_("Your data export is ready. You can download it until %(date)s.")
            % {"date": timezone.localtime(export.expires_at).strftime("%d-%m-%Y")},
            url=reverse("privacy:my_data"),
        )


def expire_exports(now=None):
    """Delete the ZIPs of exports past their date; returns how many."""
    now = now or timezone.now()
    count = 0
    for export in DataExport.objects.filter(status=DataExport.Status.READY, expires_at__lte=now):
        if export.file:
            export.file.storage.delete(export.file.name)
        DataExport.objects.filter(pk=export.pk).update(status=DataExport.Status.EXPIRED, file="")
        count += 1
    return count
