"""The protected media view's rule for data exports: only their owner, only until they expire."""

from django.utils import timezone

from intranet.media_access import Allowed
from privacy.models import EXPORT_FOLDER, DataExport


def can_download_export(user, path):
    if not path.startswith(f"{EXPORT_FOLDER}/"):
        return None
    if not user.is_authenticated:
        return False
    export = DataExport.objects.filter(
        file=path, user_id=user.pk, status=DataExport.Status.READY, expires_at__gt=timezone.now()
    ).first()
    if export is None:
        return False  # someone else's, expired or unknown: a 404 like any missing file
    return Allowed(download_name=f"mijn-gegevens-{export.finished_at:%Y-%m-%d}.zip")
