"""The Wagtail admin's form for team pages (TeamPage.base_form_class).

Only the team's own admins change its kind (a private team must not be opened up by an editor who
merely has page rights), and a name is normalised and checked as on the front end.
"""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from intranet.text import clean_title
from teams import uploads


class TeamPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        team = self.instance
        if team.pk and "kind" in self.fields and not team.is_admin(self.for_user):
            field = self.fields["kind"]
            field.disabled = True
            field.help_text = _("Only the team's admins can change who can see and join the team.")
            # The kind stored now, not the one in the revision shown: reverting to an old revision or
            # publishing someone's draft must not change it either.
            stored = type(team).objects.filter(pk=team.pk).values_list("kind", flat=True).first()
            self.initial["kind"] = stored or team.kind

    def clean_title(self):
        # Imported here: at the top it makes an import cycle (teams.services needs this module loaded first).
        from teams.services import name_clashes

        title = clean_title(self.cleaned_data.get("title"))
        if not title:
            raise forms.ValidationError(_("Give the team a name."))
        if name_clashes(title, exclude=self.instance if self.instance.pk else None, user=self.for_user):
            raise forms.ValidationError(
                _("There is already a team called “%(name)s”. Choose another name.") % {"name": title}
            )
        return title

    def clean_image(self):
        """The admin's file field takes any file; a team image must pass the same photo check as on
        the front end (the storage then names it by its content, intranet.uploads)."""
        image = self.cleaned_data.get("image")
        if isinstance(image, UploadedFile):
            try:
                uploads.check_photo(image)
            except forms.ValidationError as error:
                raise forms.ValidationError(error.messages) from error
        return image
