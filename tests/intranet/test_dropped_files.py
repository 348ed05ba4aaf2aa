"""One notice for the files a browser drops when a form is shown again (intranet.uploads.dropped_files)."""

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.datastructures import MultiValueDict

from intranet.uploads import dropped_files


class UploadForm(forms.Form):
    title = forms.CharField()
    photos = forms.FileField(required=False)
    document = forms.FileField(required=False)


def upload(name):
    return SimpleUploadedFile(name, b"bytes")


def notice(form):
    with translation.override("nl"):
        return render_to_string("includes/dropped_files.html", {"form": form})


def test_an_unbound_form_or_one_without_files_has_dropped_nothing():
    assert dropped_files(UploadForm()) == 0
    assert dropped_files(UploadForm({"title": ""})) == 0
    assert notice(UploadForm({"title": ""})).strip() == ""


def test_every_file_of_a_bound_form_counts_and_the_sentence_follows_the_number():
    one = UploadForm({"title": ""}, {"document": upload("a.pdf")})
    assert dropped_files(one) == 1
    assert "Je browser kan een gekozen bestand niet bewaren" in notice(one) and "kies het opnieuw" in notice(one)
    files = MultiValueDict({"photos": [upload("a.jpg"), upload("b.jpg")], "document": [upload("c.pdf")]})
    three = UploadForm({"title": ""}, files)
    assert dropped_files(three) == 3
    assert "gekozen bestanden" in notice(three) and "kies ze opnieuw" in notice(three)
