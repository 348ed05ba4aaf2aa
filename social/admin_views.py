from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin import messages

from social import selectors, services
from social.forms import ReasonForm


def admin_column(label):
    """Give a ModelAdmin list column its heading."""

    def decorate(func):
        func.short_description = label
        return func

    return decorate


def moderate(request, comment_id):
    """Hide a visible comment, keep it (the reports are rejected) or restore a hidden one, with a reason."""
    if not services.can_moderate(request.user):
        raise PermissionDenied
    comment = selectors.access_moderatable_by_id(request.user, comment_id)
    keeping = comment.is_public and request.GET.get("actie") == "behouden"
    hiding = comment.is_public and not keeping
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        try:
            if keeping:
                services.keep_comment(request.user, comment, reason)
            elif hiding:
                services.hide_comment(request.user, comment, reason)
            else:
                services.restore_comment(request.user, comment, reason)
        except ValidationError as error:
            form.add_error("reason", error)
        else:
            if keeping:
                done = _("The comment stays visible; the reports have been set aside.")
            else:
                done = _("The comment has been hidden.") if hiding else _("The comment has been restored.")
            messages.success(request, done)
            return redirect("social_flaggedcomment_modeladmin_index")
    context = {
        "comment": comment,
        "form": form,
        "hiding": hiding,
        "keeping": keeping,
        "flags": comment.flags.select_related("user").order_by("-flag_date"),
        "history": comment.moderation_actions.select_related("moderator"),
    }
    return TemplateResponse(request, "social/admin/moderate.html", context)
