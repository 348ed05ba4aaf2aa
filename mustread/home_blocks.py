"""The homepage's must-read block: what the reader still has to confirm, above everything else."""

from django.utils.translation import gettext_lazy as _

from intranet.plugins import HomeBlock
from mustread import selectors

BLOCKS = {"mustread.outstanding": _("Must-read: still to confirm")}


def blocks(request):
    items = selectors.outstanding_for(request.user)
    if not items:
        return []
    return [
        HomeBlock(
            key="mustread.outstanding",
            template="mustread/home_block.html",
            context={"items": items},
            order=1,
            wide=True,
        )
    ]
