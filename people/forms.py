"""Forms of the people pages: the directory filter (GET) and editing one's own profile."""

import string

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from intranet.uploads import check_photo
from people.models import DAY_PARTS, WEEKDAYS, Location, OrganisationUnit, Person, working_day_bit

MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_TAGS = 15
MAX_TAG_LENGTH = 50
LETTERS = list(string.ascii_uppercase)

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ()\-]{5,19}$", _("Enter a phone number with digits only, such as 010 123 4567 or +31 6 12345678.")
)


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return "— " * (obj.depth - 1) + obj.name


class DirectoryFilterForm(forms.Form):
    """A plain GET form: the directory works without JavaScript; the script only fetches sooner."""

    q = forms.CharField(label=_("Name, function or expertise"), max_length=100, required=False)
    unit = UnitChoiceField(
        label=_("Organisation unit"),
        queryset=OrganisationUnit.objects.order_by("path"),
        to_field_name="slug",
        required=False,
        empty_label=_("All units"),
    )
    location = forms.ModelChoiceField(
        label=_("Location"), queryset=Location.objects.all(), required=False, empty_label=_("All locations")
    )
    expertise = forms.SlugField(label=_("Expertise"), required=False, max_length=100)
    letter = forms.ChoiceField(label=_("Letter"), choices=[("", "")] + [(c, c) for c in LETTERS], required=False)

    def __init__(self, *args, units=None, locations=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Reuse the lists the page already loaded for its menus: no second query per select.
        if units is not None:
            self.fields["unit"].choices = [("", _("All units"))] + [
                (u.slug, self.fields["unit"].label_from_instance(u)) for u in units
            ]
        if locations is not None:
            self.fields["location"].choices = [("", _("All locations"))] + [(loc.pk, loc.name) for loc in locations]


def working_day_choices():
    return [
        (str(working_day_bit(day, part)), f"{WEEKDAYS[day]} {DAY_PARTS[part]}")
        for day in range(len(WEEKDAYS))
        for part in range(len(DAY_PARTS))
    ]


class ProfileForm(forms.ModelForm):
    """What an employee fills in themself; HR-owned fields (name, function, unit) come from the import."""

    photo_upload = forms.FileField(
        label=_("Profile photo"),
        required=False,
        help_text=_("A JPEG, PNG or WebP photo of at most 10 MB. It is shown as a square."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    photo_description = forms.CharField(
        label=_("What does your photo show?"),
        required=False,
        max_length=250,
        help_text=_("A short description for colleagues who cannot see the photo, e.g. “Anna laughing on a bike”."),
    )
    remove_photo = forms.BooleanField(label=_("Remove my photo"), required=False)
    expertise_text = forms.CharField(
        label=_("Ask me about"),
        required=False,
        max_length=1000,
        help_text=_("Topics colleagues may ask you about, separated by commas, e.g. GIS, Wmo, Excel."),
    )
    working_day_parts = forms.MultipleChoiceField(
        label=_("Working days"), required=False, choices=working_day_choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Person
        fields = ["phone", "mobile", "location", "bio"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("phone", "mobile"):
            self.fields[name].validators.append(phone_validator)
            self.fields[name].widget.attrs.update({"type": "tel", "autocomplete": "tel"})
        self.fields["bio"].help_text = _("A few lines about your work and yourself (at most 2000 characters).")
        if not self.is_bound:
            self.initial["photo_description"] = self.instance.photo.description if self.instance.photo_id else ""
            self.initial["expertise_text"] = ", ".join(tag.name for tag in self.instance.expertise.all())
            self.initial["working_day_parts"] = [
                value for value, _label in working_day_choices() if self.instance.working_days & int(value)
            ]

    def clean_photo_upload(self):
        upload = self.cleaned_data.get("photo_upload")
        if not upload:
            return None
        try:
            check_photo(upload, limit=MAX_PHOTO_BYTES)
        except forms.ValidationError as error:
            if error.code == "too_large":
                raise forms.ValidationError(_("This photo is larger than 10 MB. Choose a smaller photo.")) from error
            if error.code == "too_many_pixels":
                raise forms.ValidationError(error.messages) from error
            raise forms.ValidationError(
                _("This file is not a JPEG, PNG or WebP photo. Choose another file.")
            ) from error
        return upload

    def clean_expertise_text(self):
        names = []
        for raw in self.cleaned_data.get("expertise_text", "").split(","):
            name = " ".join(raw.split())
            if not name:
                continue
            if not any(char.isalnum() for char in name):
                raise forms.ValidationError(_("A topic needs at least one letter or digit."))
            if len(name) > MAX_TAG_LENGTH:
                raise forms.ValidationError(
                    _("Keep each topic under %(max)d characters: “%(name)s…” is too long.")
                    % {"max": MAX_TAG_LENGTH, "name": name[:20]}
                )
            if name.lower() not in (n.lower() for n in names):
                names.append(name)
        if len(names) > MAX_TAGS:
            raise forms.ValidationError(_("Choose at most %(max)d topics.") % {"max": MAX_TAGS})
        return names

    def clean_working_day_parts(self):
        return sum(int(value) for value in self.cleaned_data.get("working_day_parts", []))
