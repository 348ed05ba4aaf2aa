"""What launcher/ holds about a person: the apps they pinned as favourites."""

from intranet.personal_data import Exported, Kind, delete_rows
from launcher.models import Pin


def _export(user):
    return Exported(
        records=[
            {"app": pin.app.name, "position": pin.position}
            for pin in Pin.objects.filter(user=user).select_related("app")
        ]
    )


KINDS = [
    Kind("launcher.favourites", "Apps pinned as favourites.", ("launcher.Pin.user",), _export, delete_rows(Pin, "user"))
]
