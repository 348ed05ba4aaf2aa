"""Background jobs of privacy/ (queued with intranet.jobs.enqueue; retried by intranet.jobs)."""

from intranet.jobs import Periodic, job
from privacy.erasure import erase_due_leavers
from privacy.models import DataExport


@job()
def build_export(export_id):
    # Imported here: at the top it makes an import cycle (privacy.exports needs this module loaded first).
    from privacy import exports

    export = DataExport.objects.filter(pk=export_id, status=DataExport.Status.PENDING).select_related("user").first()
    if export is None:
        return  # already built (a retry after success) or withdrawn
    # A failure leaves it pending for the job's retries; request_export gives up on it after a day.
    exports.build(export)


@job()
def erase_leavers():
    """The periodic leavers' job (docs/privacy.md); safe to run twice: erased people are gone."""
    return erase_due_leavers()


@job()
def enforce_retention():
    """The periodic retention job (docs/privacy.md)."""
    # Imported here: at the top it makes an import cycle (privacy.retention needs this module loaded first).
    from privacy.retention import enforce

    return enforce()


# After the nightly HR import (docs/deploy.md), so a leaver's grace period counts from the import.
PERIODIC = [
    Periodic("privacy.erase_leavers", erase_leavers, "daily", hour=4),
    Periodic("privacy.enforce_retention", enforce_retention, "daily", hour=4),
]
