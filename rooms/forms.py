"""Thin forms: they parse what people type; the rules live in rooms.services."""

import re
from datetime import timedelta

from django import forms
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intranet.text import clean_title_field
from people.models import Person
from rooms import selectors
from rooms.models import Room

MAX_ATTENDEES = 200
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time", "step": 900}, format="%H:%M")


class RoomChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _("%(building)s — %(room)s (floor %(floor)s, %(capacity)s people)") % {
            "building": obj.building.name,
            "room": obj.name,
            "floor": obj.floor,
            "capacity": obj.capacity,
        }


class TimeRangeMixin:
    """Turns date + start time + end time into aware datetimes in the intranet's time zone."""

    def clean(self):
        data = super().clean()
        day, start, end = data.get("date"), data.get("start_time"), data.get("end_time")
        if day and abs((day - timezone.localdate()).days) > 3660:
            # Far-off dates are typos, and year 1 or 9999 would overflow in time-zone arithmetic.
            self.add_error("date", _("Choose a date within ten years from today."))
        elif day and start and end:
            data["start"], data["end"] = selectors.local(day, start), selectors.local(day, end)
            if data["end"] <= data["start"]:
                self.add_error("end_time", _("The end time must be after the start time."))
        return data


class BookingForm(TimeRangeMixin, forms.Form):
    room = RoomChoiceField(
        label=_("Room"),
        queryset=Room.objects.none(),
        empty_label=_("Choose a room"),
        error_messages={
            "required": _("Choose a room."),
            "invalid_choice": _("This room does not exist or cannot be booked. Choose another room."),
        },
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    date = forms.DateField(label=_("Date"), widget=DATE)
    start_time = forms.TimeField(label=_("Start time"), widget=TIME)
    end_time = forms.TimeField(label=_("End time"), widget=TIME)
    attendees = forms.CharField(
        label=_("Attendees"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional: e-mail addresses or usernames of colleagues, separated by commas or new lines."),
    )
    repeat_until = forms.DateField(
        label=_("Repeat weekly until"),
        required=False,
        widget=DATE,
        help_text=_("Optional: book the same time every week up to and including this date."),
    )

    def __init__(self, *args, recurring=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = selectors.bookable_rooms()
        if not recurring:
            del self.fields["repeat_until"]

    def clean_title(self):
        # One line without invisible characters: the title becomes an e-mail subject and a calendar summary.
        return clean_title_field(self)

    def clean_attendees(self):
        names = [name.strip() for name in re.split(r"[,;\s]+", self.cleaned_data["attendees"]) if name.strip()]
        if len(names) > MAX_ATTENDEES:
            raise forms.ValidationError(_("Invite at most %(count)d colleagues.") % {"count": MAX_ATTENDEES})
        if not names:
            return []
        wanted = {name.lower() for name in names}
        people = list(
            Person.objects.annotate(address=Lower("email"), login=Lower("user__username"))
            .filter(Q(address__in=wanted) | Q(login__in=wanted), is_active=True)
            .select_related("user")
        )
        known = {p.address for p in people} | {p.login for p in people}
        unknown = [name for name in names if name.lower() not in known]
        if unknown:
            raise forms.ValidationError(
                _("We do not know these colleagues: %(names)s. Check the spelling.") % {"names": ", ".join(unknown)}
            )
        return people


def initial_from_query(params):
    """Prefill the booking form from a day-view or alternative link (?room=&date=&start=&end=...)."""
    initial = {key: params[key] for key in ("room", "date", "title", "attendees") if params.get(key)}
    start = params.get("start", "")
    if re.fullmatch(r"\d{2}:\d{2}", start):
        initial["start_time"] = start
        end = params.get("end", "")
        if not re.fullmatch(r"\d{2}:\d{2}", end):
            hours, minutes = int(start[:2]), int(start[3:])
            end = f"{min(hours + 1, 23):02d}:{minutes:02d}"
        initial["end_time"] = end
    return initial


def initial_from_booking(booking):
    start, end = timezone.localtime(booking.start), timezone.localtime(booking.end)
    return {
        "room": booking.room_id,
        "title": booking.title,
        "date": start.date(),
        "start_time": start.time(),
        "end_time": end.time(),
        "attendees": ", ".join(p.email or p.user.username for p in booking.attendees.all()),
    }


class FindRoomForm(TimeRangeMixin, forms.Form):
    date = forms.DateField(label=_("Date"), widget=DATE)
    start_time = forms.TimeField(label=_("Start time"), widget=TIME)
    end_time = forms.TimeField(label=_("End time"), widget=TIME)
    people = forms.IntegerField(label=_("Number of people"), min_value=1, max_value=500, initial=2)
    facility = forms.ChoiceField(
        label=_("Facility"), required=False, choices=[("", _("No preference"))] + list(Room.Facility.choices)
    )
    building = forms.ModelChoiceField(
        label=_("Building"), required=False, queryset=selectors.buildings(), empty_label=_("Any building")
    )

    @staticmethod
    def defaults():
        soon = timezone.localtime() + timedelta(hours=1)
        return {
            "date": soon.date(),
            "start_time": f"{soon.hour:02d}:00",
            "end_time": f"{min(soon.hour + 1, 23):02d}:00",
        }
