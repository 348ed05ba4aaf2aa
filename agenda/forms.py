"""Forms: the team event form on the front end and the EventPage's admin form. They parse; the rules
are in agenda.services (validate_event, the rooms' booking rules), shown beside the fields."""

from datetime import datetime, time

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from agenda.models import DESCRIPTION_MAX
from agenda.services import check_room, publish_problems, validate_event
from intranet.text import clean_title_field
from rooms.forms import RoomChoiceField
from rooms.selectors import bookable_rooms

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time", "step": 900}, format="%H:%M")


class TeamEventForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    start_date = forms.DateField(label=_("Start date"), widget=DATE)
    start_time = forms.TimeField(label=_("Start time"), widget=TIME, required=False)
    end_date = forms.DateField(label=_("End date"), widget=DATE, required=False, help_text=_("For a multi-day event."))
    end_time = forms.TimeField(label=_("End time"), widget=TIME, required=False)
    all_day = forms.BooleanField(label=_("All day"), required=False)
    room = RoomChoiceField(label=_("Plein room"), queryset=bookable_rooms().none(), required=False)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    online_link = forms.URLField(label=_("Online link"), required=False, max_length=500, assume_scheme="https")
    description = forms.CharField(
        label=_("Description"), required=False, max_length=DESCRIPTION_MAX, widget=forms.Textarea(attrs={"rows": 5})
    )
    signup_enabled = forms.BooleanField(label=_("Sign-up"), required=False)
    capacity = forms.IntegerField(
        label=_("Capacity"), required=False, min_value=1, help_text=_("Leave empty for no limit.")
    )
    signup_deadline = forms.DateField(label=_("Sign-up deadline"), required=False, widget=DATE)
    waiting_list = forms.BooleanField(label=_("Waiting list"), required=False, initial=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = bookable_rooms()

    def clean_title(self):
        return clean_title_field(self)

    def clean(self):
        data = super().clean()
        day = data.get("start_date")
        if not day:
            return data
        end_day = data.get("end_date") or day
        if data.get("all_day"):
            data["start"] = timezone.make_aware(datetime.combine(day, time.min))
            data["end"] = timezone.make_aware(datetime.combine(end_day, time(23, 59)))
        else:
            if not data.get("start_time"):
                self.add_error("start_time", _("Give a start time, or tick all day."))
                return data
            end_time = data.get("end_time") or data["start_time"]
            data["start"] = timezone.make_aware(datetime.combine(day, data["start_time"]))
            data["end"] = timezone.make_aware(datetime.combine(end_day, end_time))
        deadline = data.get("signup_deadline")
        if deadline and deadline == day:
            data["signup_deadline"] = data["start"]  # the event's own day: until it starts
        else:
            data["signup_deadline"] = (
                timezone.make_aware(datetime.combine(deadline, time(23, 59))) if deadline else None
            )
        return data

    def event_data(self):
        data = self.cleaned_data
        return {
            "title": data["title"],
            "start": data["start"],
            "end": data["end"],
            "all_day": data["all_day"],
            "place": data["place"],
            "room": data["room"],
            "online_link": data["online_link"],
            "description": data["description"],
            "signup_enabled": data["signup_enabled"],
            "capacity": data["capacity"],
            "signup_deadline": data["signup_deadline"],
            "waiting_list": data["waiting_list"],
        }

    @classmethod
    def initial_for(cls, event):
        start, end = timezone.localtime(event.start), timezone.localtime(event.end)
        deadline = timezone.localtime(event.signup_deadline).date() if event.signup_deadline else None
        return {
            "title": event.title,
            "start_date": start.date(),
            "start_time": start.time(),
            "end_date": end.date(),
            "end_time": end.time(),
            "all_day": event.all_day,
            "room": event.room_id,
            "place": event.place,
            "online_link": event.online_link,
            "description": event.description,
            "signup_enabled": event.signup_enabled,
            "capacity": event.capacity,
            "signup_deadline": deadline,
            "waiting_list": event.waiting_list,
        }


class EventPageForm(WagtailAdminPageForm):
    """The editors' form: the same rules as a team event, the room checked before publishing."""

    def clean(self):
        data = super().clean()
        fields = ("start", "end", "all_day", "room", "capacity", "signup_deadline")
        try:
            validate_event(**{name: data.get(name) for name in fields})
            if data.get("room") and data.get("start") and data.get("end"):
                page = self.instance
                page.room, page.start, page.end, page.all_day = (
                    data["room"],
                    data["start"],
                    data["end"],
                    data["all_day"],
                )
                check_room(page)
                problems = publish_problems(
                    page,
                    go_live_at=data.get("go_live_at"),
                    organisers=data.get("organisers"),
                    user=self.for_user,
                    publishing="action-publish" in self.data,
                )
                if problems:
                    raise ValidationError(problems)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        return data
