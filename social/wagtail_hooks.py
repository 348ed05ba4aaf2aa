"""The moderation queue in the Wagtail admin: flagged and hidden comments, hide/restore with a reason."""

from django.contrib.admin.utils import quote
from django.urls import path, reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from social import admin_views, selectors
from social.models import FlaggedComment
from social.services import MODERATE_PERMISSION


class ModerationPermissionHelper(PermissionHelper):
    """Only community managers see the queue; nobody adds, edits or deletes comments through it."""

    def user_can_list(self, user):
        return user.has_perm(MODERATE_PERMISSION)

    def user_can_inspect_obj(self, user, obj):
        return False

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class ModerationButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        if not self.request.user.has_perm(MODERATE_PERMISSION):
            return []
        hidden = not obj.is_public
        url = reverse("social_moderate", args=[quote(obj.pk)])
        buttons = [
            {
                "url": url,
                "label": _("Restore") if hidden else _("Hide"),
                "classname": "button button-small button-secondary",
                "title": _("Restore this comment") if hidden else _("Hide this comment"),
            }
        ]
        if not hidden and getattr(obj, "flag_count", 0):
            buttons.append(
                {
                    "url": url + "?actie=behouden",
                    "label": _("Keep"),
                    "classname": "button button-small button-secondary",
                    "title": _("Keep this comment: the reports are set aside"),
                }
            )
        return buttons


class ModerationQueueAdmin(ModelAdmin):
    model = FlaggedComment
    menu_label = _("Moderation")
    menu_icon = "warning"
    menu_order = 800
    add_to_settings_menu = False
    permission_helper_class = ModerationPermissionHelper
    button_helper_class = ModerationButtonHelper
    list_display = ("excerpt", "user_name", "flag_count", "status", "submit_date")
    list_filter = ("is_public",)
    search_fields = ("comment", "user_name")
    ordering = ("-submit_date",)

    def get_queryset(self, request):
        return selectors.moderation_queue(request.user)

    @admin_views.admin_column(_("Comment text"))
    def excerpt(self, obj):
        return Truncator(obj.comment).chars(120)

    @admin_views.admin_column(_("Times reported"))
    def flag_count(self, obj):
        return obj.flag_count

    @admin_views.admin_column(_("Status"))
    def status(self, obj):
        return _("Visible") if obj.is_public else _("Hidden")

    def get_admin_urls_for_registration(self):
        # Only the list and Plein's own hide/restore view: modeladmin's create, edit, delete (and inspect)
        # views would answer 403 for an existing comment and 404 for a missing one.
        index = self.url_helper.get_action_url_name("index")
        urls = tuple(url for url in super().get_admin_urls_for_registration() if url.name == index)
        own = (path("social/moderatie/<int:comment_id>/", admin_views.moderate, name="social_moderate"),)
        return urls + own


modeladmin_register(ModerationQueueAdmin)
