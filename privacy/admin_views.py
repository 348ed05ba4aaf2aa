"""'Recht op vergetelheid' in the Wagtail admin: an administrator erases one person, after confirming.

Every view checks privacy.erase_person itself (superusers have it) and answers 403 to anyone else.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from people.models import Person
from privacy import erasure
from privacy.models import ErasureLog


def _find(number):
    number = (number or "").strip()[:30]
    return Person.objects.filter(employee_number=number).select_related("user").first() if number else None


def erase_person(request):
    if not erasure.can_erase(request.user):
        return TemplateResponse(request, "privacy/admin/forbidden.html", {}, status=403)
    context = {"page_title": _("Right to erasure"), "log": ErasureLog.objects.select_related("actor")[:20]}
    if request.method != "POST":
        return TemplateResponse(request, "privacy/admin/erase.html", context)
    number = request.POST.get("employee_number", "")
    person = _find(number)
    context["employee_number"] = number.strip()[:30]
    if person is None:
        context["error"] = _("No person has this employee number.")
        return TemplateResponse(request, "privacy/admin/erase.html", context)
    if request.POST.get("confirm") != person.employee_number:
        # Step two: show whom and what, and ask to type the number again.
        context.update(person=person, preview=erasure.preview(person.user))
        return TemplateResponse(request, "privacy/admin/erase.html", context)
    try:
        erasure.erase(person.user, actor=request.user, via="wagtail admin", reason=ErasureLog.Reason.REQUEST)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("The personal data of employee number %(number)s has been erased.") % {"number": number}
        )
    return redirect("privacy_erase")
