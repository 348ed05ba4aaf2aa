from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from insights.metrics.common import DEFAULT_DAYS, PRESETS, Period
from insights.models import KpiSnapshot
from intranet.text import clean_title_field

MAX_DAYS = 3 * 366


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class SnapshotChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        day = date_format(obj.taken_on)
        return f"{day} – {obj.note}" if obj.note else day


class PeriodForm(forms.Form):
    """The dashboard's period (a preset or two dates) and the baseline snapshot to compare with."""

    dagen = forms.TypedChoiceField(
        label=_("Period"),
        choices=[(days, _("Last %(days)s days") % {"days": days}) for days in PRESETS] + [("", _("Dates below"))],
        coerce=int,
        empty_value=None,
        required=False,
    )
    van = forms.DateField(label=_("From"), required=False, widget=DateInput())
    tot = forms.DateField(label=_("Up to and including"), required=False, widget=DateInput())
    basis = SnapshotChoiceField(
        label=_("Compare with snapshot"),
        queryset=KpiSnapshot.objects.only("pk", "taken_on", "note").order_by("-taken_on"),
        required=False,
        empty_label=_("No comparison"),
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("van"), data.get("tot")
        if data.get("dagen") is None and (start or end):
            if not (start and end):
                raise forms.ValidationError(_("Fill in both dates, or choose a period."))
            if start > end:
                self.add_error("tot", _("The end date comes before the start date."))
            elif (end - start).days >= MAX_DAYS:
                self.add_error("van", _("Choose a period of at most three years."))
            elif end > timezone.localdate():
                self.add_error("tot", _("The end date lies in the future."))
        return data

    def period(self):
        """The chosen period; the default (last 30 days) while the form is invalid or empty."""
        if self.is_bound and self.is_valid():
            data = self.cleaned_data
            if data.get("dagen") is None and data.get("van") and data.get("tot"):
                return Period(data["van"], data["tot"])
            if data.get("dagen"):
                return Period.last(data["dagen"])
        return Period.last(DEFAULT_DAYS)

    def query_string(self):
        """The same choice as URL parameters, for the CSV links."""
        period = self.period()
        params = {"van": period.start.isoformat(), "tot": period.end.isoformat()}
        return "&".join(f"{key}={value}" for key, value in params.items())


class TipForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=120)

    def clean_title(self):
        return clean_title_field(self)

    text = forms.CharField(label=_("Tip"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))
