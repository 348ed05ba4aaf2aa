"""WCAG 1.3.1: help texts and errors are tied to their fields, radio groups to their errors."""

import re

import pytest
from bs4 import BeautifulSoup

from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _described(soup, element):
    """The texts aria-describedby points at; every id must exist."""
    texts = []
    for ident in (element.get("aria-describedby") or "").split():
        target = soup.find(id=ident)
        assert target is not None, f"aria-describedby names #{ident}, which is not on the page"
        texts.append(target.get_text(" ", strip=True))
    return " ".join(texts)


def test_help_texts_and_errors_are_tied_to_their_fields_and_the_radio_group(client):
    client.force_login(PersonFactory().user)
    response = client.post("/prikbord/nieuw/", {"title": "", "text": "", "price": "veel"})
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    price = soup.find("input", attrs={"name": "price"})
    described = _described(soup, price)
    assert "in euro" in described  # the help text
    assert (
        price.get("aria-invalid") == "true" and soup.find(id=f"{price['id']}_error").get_text(strip=True) in described
    )
    # Every help text on the page is named by its field.
    for help_text in soup.select(".field__help[id]"):
        assert soup.find(attrs={"aria-describedby": re.compile(rf"\b{help_text['id']}\b")}), help_text["id"]
    # The category radios: the group names its error, and each radio says it is invalid.
    group = soup.find("input", attrs={"name": "category"}).find_parent("fieldset")
    assert group.find("legend") is not None
    error = soup.find(id="id_category_error").get_text(" ", strip=True)
    assert error and error in _described(soup, group)
    assert all(radio.get("aria-invalid") == "true" for radio in group.find_all("input", attrs={"name": "category"}))


def test_a_radio_group_in_the_shared_field_template_is_a_fieldset_tied_to_help_and_error():
    from django import forms
    from django.template.loader import render_to_string

    class Choice(forms.Form):
        colour = forms.ChoiceField(
            label="Kleur", choices=[("r", "Rood"), ("b", "Blauw")], widget=forms.RadioSelect, help_text="Kies er één."
        )

    form = Choice(data={})
    soup = BeautifulSoup(render_to_string("includes/field.html", {"field": form["colour"]}), "html.parser")
    fieldset = soup.find("fieldset")
    assert fieldset.find("legend").get_text(strip=True).startswith("Kleur")
    assert fieldset["aria-describedby"] == "id_colour_helptext id_colour_error"
    assert soup.find(id="id_colour_helptext") and soup.find(id="id_colour_error")
    radios = soup.find_all("input", attrs={"type": "radio"})
    assert radios and all(radio["aria-describedby"] == "id_colour_helptext id_colour_error" for radio in radios)
