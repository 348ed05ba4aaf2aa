"""The front-end form for writing a blog post (news/blogging.py does the work)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from intranet.text import clean_title_field


class BlogForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=120)
    intro = forms.CharField(
        label=_("Intro"),
        max_length=400,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One or two sentences shown in the list of blogs."),
    )
    text = forms.CharField(
        label=_("Text"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Leave an empty line between paragraphs."),
    )

    def clean_title(self):
        return clean_title_field(self)
