"""What mustread/ holds about a person: their confirmations ("gelezen en begrepen"), and the must-reads
they set up as editor.

Erasure keeps a confirmation as an anonymous record (the count per version stays right for the
auditor) but takes out the account, the name and the employee number: docs/privacy.md."""

from intranet.personal_data import Exported, Kind, iso, unlink
from mustread.models import Confirmation, MustRead


def _export(user):
    return Exported(
        records=[
            {
                "page": c.page_title,
                "version": c.version,
                "confirmed_at": iso(c.confirmed_at),
                "organisation_unit": c.unit_name,
            }
            for c in Confirmation.objects.filter(user=user).order_by("confirmed_at", "pk")
        ]
    )


def _erase(user, erasure):
    return Confirmation.objects.filter(user=user).update(user=None, name=erasure.placeholder, employee_number="")


KINDS = [
    Kind(
        name="mustread.confirmations",
        description="Pages you confirmed you have read and understood.",
        covers=("mustread.Confirmation.user",),
        export=_export,
        erase=_erase,
    ),
    Kind(
        name="mustread.set_up",
        description="Must-reads you set up as editor (only the link to your account).",
        covers=("mustread.MustRead.created_by",),
        export=lambda user: Exported(
            records=[{"page": str(m.page)} for m in MustRead.objects.filter(created_by=user).select_related("page")]
        ),
        erase=unlink(MustRead, "created_by"),
    ),
]
