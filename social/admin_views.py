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
    """Hide a visible comment or restore a hidden one, always with a reason."""
    if not services.can_moderate(request.user):
        raise PermissionDenied
    comment = selectors.access_moderatable_by_id(request.user, comment_id)
    hiding = comment.is_public
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if hiding:
                services.hide_comment(request.user, comment, form.cleaned_data["reason"])
            else:
                services.restore_comment(request.user, comment, form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error("reason", error)
        else:
            messages.success(
                request, _("The comment has been hidden.") if hiding else _("The comment has been restored.")
            )
            return redirect("social_flaggedcomment_modeladmin_index")
    context = {
        "comment": comment,
        "form": form,
        "hiding": hiding,
        "flags": comment.flags.select_related("user").order_by("-flag_date"),
        "history": comment.moderation_actions.select_related("moderator"),
    }
    return TemplateResponse(request, "social/admin/moderate.html", context)
