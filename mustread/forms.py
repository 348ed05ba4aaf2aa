from django import forms
from django.utils.translation import gettext_lazy as _

from people.models import OrganisationUnit


class UnitChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, unit):
        return "— " * (unit.depth - 1) + unit.name


class MustReadForm(forms.Form):
    active = forms.BooleanField(label=_("Must be read"), required=False, initial=True)
    units = UnitChoiceField(
        label=_("For organisation units"),
        queryset=OrganisationUnit.objects.order_by("path"),
        required=False,
        help_text=_("Leave empty for everyone. A unit includes all units below it."),
        widget=forms.CheckboxSelectMultiple,
    )
    deadline = forms.DateField(
        label=_("Read before"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    ask_again = forms.BooleanField(
        label=_("Ask for confirmation again"),
        required=False,
        help_text=_(
            "The page changed in an important way: everyone confirms the published version again. "
            "Earlier confirmations are kept as records."
        ),
    )

    @classmethod
    def for_must_read(cls, must_read, data=None):
        if must_read is None:
            return cls(data)
        initial = {"active": must_read.active, "units": list(must_read.units.all()), "deadline": must_read.deadline}
        return cls(data, initial=initial)
