import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from intranet.moderation import REASON_MAX
from intranet.text import clean_title_field
from prikbord.models import MAX_PHOTOS, TEXT_MAX, TITLE_MAX, Category, Post
from prikbord.uploads import check_photo

PRICE = re.compile(r"^(?P<whole>\d{1,3}(\.\d{3})+|\d+)(,(?P<cents>\d{1,2}|-{1,2}))?$")
MAX_PRICE = Decimal("9999999.99")


def parse_price(value):
    """Dutch amounts: "12", "12,50", "1.234,50", "12,-" and "€ 12,50"; a dot before two digits is cents."""
    text = value.replace("€", "").replace(" ", "").replace("\u00a0", "").strip()
    if re.fullmatch(r"\d+\.\d{1,2}", text):
        text = text.replace(".", ",")
    match = PRICE.match(text)
    if not match:
        raise ValidationError(_("Enter an amount in euros, for example 12,50."), code="invalid")
    cents = match.group("cents") or "0"
    cents = "0" if cents.startswith("-") else cents
    try:
        amount = Decimal(f"{match.group('whole').replace('.', '')}.{cents.ljust(2, '0')}")
    except InvalidOperation as exc:  # pragma: no cover - the pattern already rules this out
        raise ValidationError(_("Enter an amount in euros, for example 12,50."), code="invalid") from exc
    if amount > MAX_PRICE:
        raise ValidationError(_("That amount is too high."), code="too_high")
    return amount


class MultiplePhotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    widget = MultiplePhotoInput

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if len(files) > MAX_PHOTOS:
            raise ValidationError(_("Choose at most %(max)d photos.") % {"max": MAX_PHOTOS}, code="too_many")
        errors = []
        for upload in files:
            try:
                check_photo(upload)
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return files


class PostForm(forms.ModelForm):
    price = forms.CharField(
        label=_("Price"),
        required=False,
        max_length=20,
        help_text=_("Optional, in euros, for example 12,50."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    photos = PhotosField(
        label=_("Photos"),
        required=False,
        help_text=_("At most 3 photos (JPEG, PNG or WebP), each at most 5 MB."),
        widget=MultiplePhotoInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    photos_alt = forms.CharField(
        label=_("What do the photos show?"),
        required=False,
        max_length=250,
        help_text=_("A short description for colleagues who cannot see the photos, e.g. “Blue children's bike”."),
    )

    class Meta:
        model = Post
        fields = ["category", "title", "text"]
        widgets = {
            "category": forms.RadioSelect,
            "title": forms.TextInput(attrs={"maxlength": TITLE_MAX}),
            "text": forms.Textarea(attrs={"rows": 6, "maxlength": TEXT_MAX}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = Category.choices

    def clean_title(self):
        return clean_title_field(self)  # look-alike titles with invisible characters (intranet.text)

    def clean_price(self):
        value = self.cleaned_data.get("price", "").strip()
        return parse_price(value) if value else None


class ModerationForm(forms.Form):
    action = forms.ChoiceField(
        label=_("What to do"),
        choices=[("move", _("Move to another category")), ("remove", _("Remove"))],
        widget=forms.RadioSelect,
    )
    category = forms.ChoiceField(label=_("New category"), choices=Category.choices, required=False)
    reason = forms.CharField(
        label=_("Reason for the author"),
        max_length=REASON_MAX,
        error_messages={"required": _("Tell the author why.")},
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": REASON_MAX}),
    )
