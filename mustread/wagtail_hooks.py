"""The "Must-read" button in the page editor's header menu and the page listing's "more" menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from mustread import access, admin_views
from mustread.audience import page_type_opted_in


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("verplicht-gelezen/<int:page_id>/", admin_views.edit, name="mustread_admin_edit")]


def _button(page, user, priority):
    if page_type_opted_in(page) and access.can_edit(user, page):
        yield ListingButton(
            _("Must-read"), reverse("mustread_admin_edit", args=[page.pk]), icon_name="tick-inverse", priority=priority
        )


@hooks.register("register_page_header_buttons")
def page_header_button(page, user, view_name, next_url=None):
    yield from _button(page, user, 66)


@hooks.register("register_page_listing_more_buttons")
def page_listing_button(page, user, next_url=None):
    yield from _button(page, user, 55)
