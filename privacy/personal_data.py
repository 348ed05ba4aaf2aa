"""What privacy/ itself holds about a person: their data exports, and erasures they carried out."""

from intranet.personal_data import Exported, Kind, delete_files_on_commit, iso, unlink
from privacy.models import DataExport, ErasureLog


def _exports_export(user):
    return Exported(
        records=[
            {"requested_at": iso(e.requested_at), "status": e.status, "expires_at": iso(e.expires_at)}
            for e in DataExport.objects.filter(user=user)
        ]
    )


def _exports_erase(user, erasure):
    exports = DataExport.objects.filter(user=user)
    delete_files_on_commit([e.file for e in exports])
    return exports.delete()[0]


def _erasures_export(user):
    return Exported(
        records=[{"done_at": iso(e.done_at), "reason": e.reason} for e in ErasureLog.objects.filter(actor=user)]
    )


KINDS = [
    Kind(
        "privacy.exports",
        "Requests for this data export.",
        ("privacy.DataExport.user",),
        _exports_export,
        _exports_erase,
    ),
    Kind(
        "privacy.erasures_done",
        "Erasures carried out as an administrator (the log keeps no data of the person erased).",
        ("privacy.ErasureLog.actor",),
        _erasures_export,
        unlink(ErasureLog, "actor"),
    ),
]
