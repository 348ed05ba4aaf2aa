import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Site

from intranet.models import IntranetSettings, contrast_with_white, validate_primary_colour

pytestmark = pytest.mark.django_db


def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast_with_white("#000000") == pytest.approx(21.0)
    assert contrast_with_white("#ffffff") == pytest.approx(1.0)
    assert contrast_with_white("#767676") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("colour", ["#154273", "#000000", "#767676"])
def test_dark_enough_colours_are_accepted(colour):
    validate_primary_colour(colour)


@pytest.mark.parametrize("colour", ["#ffff00", "#77aaff", "#777777"])
def test_light_colours_are_refused_with_the_ratio(colour):
    with pytest.raises(ValidationError) as error:
        validate_primary_colour(colour)
    assert "contrast" in str(error.value)


def test_colour_must_be_hex_so_nothing_can_be_injected_into_css():
    branding = IntranetSettings(site=Site.objects.get(), primary_colour="red;}body{display:none")
    with pytest.raises(ValidationError) as error:
        branding.full_clean()
    assert "primary_colour" in error.value.message_dict


def test_the_organisation_names_and_colours_its_intranet(employee_client):
    branding = IntranetSettings.for_site(Site.objects.get())
    branding.name = "Gemeentenet Zuidstad"
    branding.primary_colour = "#00556e"
    branding.save()
    html = employee_client.get("/").content.decode()
    assert "Gemeentenet Zuidstad" in html
    assert "--plein-primary: #00556e;" in html


def test_header_photo_with_credit(employee_client):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    photo = Image.objects.create(title="Markt", file=get_test_image_file())
    branding = IntranetSettings.for_site(Site.objects.get())
    branding.header_photo = photo
    branding.header_photo_credit = "Henk Jansen"
    branding.save()
    html = employee_client.get("/").content.decode()
    assert "Foto: Henk Jansen" in html
    assert "/media/images/" in html  # served through the protected media view
