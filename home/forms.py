from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from home.services import PHOTO_MAX_BYTES
from intranet.uploads import HEADER_MAX_PIXELS, check_photo


class PhotoSubmissionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=120, widget=forms.TextInput(attrs={"maxlength": 120}))
    photo = forms.FileField(
        label=_("Photo"),
        help_text=_("A landscape photo (JPEG, PNG or WebP), at most 10 MB. You took it yourself."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    def clean_photo(self):
        upload = self.cleaned_data["photo"]
        try:
            check_photo(upload, limit=PHOTO_MAX_BYTES, max_pixels=HEADER_MAX_PIXELS)
        except ValidationError as error:
            raise ValidationError(error.messages) from error
        return upload
