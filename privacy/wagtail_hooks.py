from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from privacy import admin_views, erasure


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("privacy/vergetelheid/", admin_views.erase_person, name="privacy_erase")]


class EraseMenuItem(MenuItem):
    def is_shown(self, request):
        return erasure.can_erase(request.user)


@hooks.register("register_settings_menu_item")
def erase_menu_item():
    return EraseMenuItem(_("Right to erasure"), reverse("privacy_erase"), icon_name="bin", order=900)
