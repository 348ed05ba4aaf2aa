from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from intranet.moderation import REASON_MAX
from social.models import NotificationPreference


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Your comment"),
        help_text=_("Mention a colleague with @ and their profile name, e.g. @jan-de-vries."),
        widget=forms.Textarea(attrs={"rows": 4, "data-mentions": reverse_lazy("social:mention_suggestions")}),
        error_messages={"required": _("Write a comment first.")},
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = getattr(settings, "COMMENT_MAX_LENGTH", 3000)
        # No maxlength attribute: the browser would cut text silently; the server explains instead.
        self.fields["comment"].validators.append(MaxLengthValidator(limit))
        self.fields["comment"].error_messages["max_length"] = _(
            "A comment can be at most %(limit_value)d characters; yours has %(show_value)d."
        )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": REASON_MAX}),
        max_length=REASON_MAX,
        error_messages={"required": _("Give a reason.")},
    )


class PreferenceForm(forms.Form):
    email = forms.ChoiceField(
        label=_("E-mail me about notifications"),
        choices=NotificationPreference.Email.choices,
        widget=forms.RadioSelect,
    )
