"""'Mijn gegevens': ask for a copy of everything Plein holds about you, and download it when ready."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from intranet import personal_data
from privacy import exports
from privacy.models import DataExport


def my_data(request):
    mine = list(DataExport.objects.filter(user=request.user)[:10])
    now = timezone.now()
    context = {
        "exports": mine,
        "now": now,
        "pending": any(e.status == DataExport.Status.PENDING for e in mine),
        "kinds": personal_data.kinds(),
        "export_days": settings.PRIVACY_EXPORT_DAYS,
    }
    return render(request, "privacy/my_data.html", context)


@require_POST
def request_export(request):
    try:
        exports.request_export(request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("We are collecting your data. You will get a notification when it is ready."))
    return redirect("privacy:my_data")
