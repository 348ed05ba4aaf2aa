"""What api/ holds about a person: the API calls made with their own session (method, path, status,
when; no bodies). Token calls name a service account, not a person. Kept API_LOG_DAYS days (api.tasks)."""

from api.models import ApiCall
from intranet.personal_data import Exported, Kind, delete_rows, iso


def _calls_export(user):
    rows = ApiCall.objects.filter(user=user).order_by("at", "pk")
    return Exported(records=[{"method": c.method, "path": c.path, "status": c.status, "at": iso(c.at)} for c in rows])


KINDS = [
    Kind(
        "api.calls",
        "Calls to the integration API made with their own session (what and when, no content).",
        ("api.ApiCall.user",),
        _calls_export,
        delete_rows(ApiCall, "user"),
    ),
]
