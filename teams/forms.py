"""Forms for teams. They collect input; teams.services checks it (names, sizes, file types) and the
views put its Dutch errors beside the fields, keeping what the user typed."""

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from intranet.moderation import REASON_MAX
from intranet.text import clean_title_field
from prikbord import selectors as prikbord_selectors
from teams import uploads
from teams.models import DESCRIPTION_MAX, NAME_MAX, POST_TEXT_MAX, Kind

PHOTO_ACCEPT = "image/jpeg,image/png,image/webp"
DOCUMENT_ACCEPT = ",".join(f".{extension}" for extension in uploads.DOCUMENT_EXTENSIONS)


class TeamForm(forms.Form):
    title = forms.CharField(
        label=_("Name of the team"),
        # No maxlength attribute: an over-long name is answered with a message, not silently cut.
        error_messages={"required": _("Give the team a name.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "data-similar-teams": ""}),
    )
    description = forms.CharField(
        label=_("What is the team about?"),
        required=False,
        help_text=_("At most %(max)d characters.") % {"max": DESCRIPTION_MAX},
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    kind = forms.ChoiceField(
        label=_("Who can see and join the team?"),
        choices=Kind.choices,
        initial=Kind.OPEN,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose who can see and join the team."),
            "invalid_choice": _("Choose who can see and join the team."),
        },
    )
    image = forms.FileField(
        label=_("Image"),
        required=False,
        help_text=_("Optional: a JPEG, PNG or WebP photo of at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": PHOTO_ACCEPT}),
    )
    create_anyway = forms.BooleanField(
        label=_("These are not the same: create my team anyway"),
        required=False,
    )

    def clean_title(self):
        return clean_title_field(self)  # the services normalise too; this shows the name as it is kept

    @property
    def name_max(self):
        return NAME_MAX


class EditTeamForm(TeamForm):
    remove_image = forms.BooleanField(label=_("Remove the current image"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["create_anyway"]


class PostForm(forms.Form):
    text = forms.CharField(
        label=_("Your message"),
        error_messages={"required": _("Write something first.")},
        help_text=_("Mention a colleague with @ and their profile name. At most %(max)d characters.")
        % {"max": POST_TEXT_MAX},
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    is_question = forms.BooleanField(
        label=_("This is a question: I can mark the best answer"),
        required=False,
    )
    link = forms.CharField(
        label=_("Link"),
        required=False,
        help_text=_("Optional: a web address starting with https://."),
        widget=forms.URLInput(attrs={"inputmode": "url"}),
    )
    image = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("Optional: JPEG, PNG or WebP, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": PHOTO_ACCEPT}),
    )
    image_alt = forms.CharField(
        label=_("What does the photo show?"),
        required=False,
        max_length=250,
        help_text=_("A short description for colleagues who cannot see the photo, e.g. “Cake for Anna's farewell”."),
    )
    document = forms.FileField(
        label=_("Document"),
        required=False,
        help_text=_(
            "Optional, instead of a photo: PDF, Word, Excel, PowerPoint, OpenDocument, text or CSV, at most 20 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": DOCUMENT_ACCEPT}),
    )


class InviteForm(forms.Form):
    colleague = forms.CharField(
        label=_("Colleague to invite"),
        max_length=254,
        help_text=_("Type their name and choose from the list, or give their e-mail address or profile name."),
        # The name picker (social/social.js) asks the @mention endpoint; without JS a name works too.
        widget=forms.TextInput(attrs={"data-people-picker": reverse_lazy("social:mention_suggestions")}),
        error_messages={"required": _("Say whom to invite.")},
    )


class MoveForm(forms.Form):
    destination = forms.ChoiceField(label=_("Move to"), error_messages={"required": _("Choose where the post goes.")})
    reason = forms.CharField(
        label=_("Reason for the author"),
        max_length=REASON_MAX,
        error_messages={"required": _("Tell the author why the post is moved.")},
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": REASON_MAX}),
    )

    def __init__(self, *args, teams=(), **kwargs):
        super().__init__(*args, **kwargs)
        board = [(f"prikbord:{value}", label) for value, label in prikbord_selectors.categories()]
        team_choices = [(f"team:{pk}", title) for pk, title in teams]
        self.fields["destination"].choices = [
            ("", _("Choose…")),
            (_("Notice board"), board),
            (_("Teams"), team_choices),
        ]

    def destination_value(self):
        """(team_id, None) or (None, notice-board category)."""
        kind, _sep, value = self.cleaned_data["destination"].partition(":")
        return (int(value), None) if kind == "team" else (None, value)
