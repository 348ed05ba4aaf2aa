"""Facilitair manages buildings (with opening hours), rooms and bookings in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import DeleteView, InspectView

from rooms import services
from rooms.models import Booking, Building, Room


class BuildingAdmin(ModelAdmin):
    model = Building
    menu_icon = "home"
    list_display = ("name", "address", "location", "opens_at", "closes_at", "open_on_weekends")
    search_fields = ("name", "address")


class RoomAdmin(ModelAdmin):
    model = Room
    menu_icon = "group"
    list_display = (
        "name",
        "building",
        "floor",
        "capacity",
        "has_screen",
        "has_video",
        "wheelchair_accessible",
        "is_active",
    )
    list_filter = ("building", "is_active", "has_screen", "has_video", "wheelchair_accessible")
    search_fields = ("name",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("building")


class BookingPermissionHelper(PermissionHelper):
    """Bookings are made and moved only through the front end, where every rule and the overlap check
    live (rooms.services); the admin lists, inspects and cancels them."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        # An event's booking goes with its event (Booking.held_by), never on its own.
        return not obj.held_by and super().user_can_delete_obj(user, obj)


class CancelBookingView(DeleteView):
    """Deleting in the admin is cancelling: the attendees hear of it, as from the front end."""

    def delete_instance(self):
        services.cancel_booking(user=self.request.user, booking=self.instance)


class BookingInspectView(InspectView):
    """Yes/no and an empty dash in Dutch, not Python's "True" and "None"."""

    def get_field_display_value(self, field_name, field=None):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        if value is None or value == "":
            return "—"
        return value


class BookingAdmin(ModelAdmin):
    model = Booking
    menu_icon = "date"
    permission_helper_class = BookingPermissionHelper
    delete_view_class = CancelBookingView
    inspect_view_enabled = True
    inspect_view_class = BookingInspectView
    list_display = ("title", "room", "start", "end", "organiser")
    list_filter = ("room__building",)
    search_fields = ("title",)
    ordering = ("-start",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("room__building", "organiser")


class RoomsGroup(ModelAdminGroup):
    menu_label = _("Meeting rooms")
    menu_icon = "home"
    menu_order = 400
    items = (BuildingAdmin, RoomAdmin, BookingAdmin)


modeladmin_register(RoomsGroup)
