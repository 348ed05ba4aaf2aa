"""The Wagtail admin carries Plein's name and the organisation's logo."""

import pytest
from wagtail.images.models import Image as WagtailImage
from wagtail.models import Site

from intranet.models import IntranetSettings
from tests.home.conftest import image_upload

pytestmark = pytest.mark.django_db


def test_admin_shows_plein_and_the_organisations_name(admin_client):
    branding = IntranetSettings.for_site(Site.objects.get())
    branding.name = "Gemeentenet Zuidstad"
    branding.save()
    html = admin_client.get("/admin/").content.decode()
    assert "- Plein</title>" in html and "- Wagtail</title>" not in html
    assert "Gemeentenet Zuidstad" in html
    assert 'class="plein-admin-logo" src="/static/img/logo.svg"' in html


def test_admin_shows_the_organisations_logo_when_set(admin_client):
    branding = IntranetSettings.for_site(Site.objects.get())
    branding.logo = WagtailImage.objects.create(title="Logo", file=image_upload("wapen.png", fmt="PNG"))
    branding.save()
    html = admin_client.get("/admin/").content.decode()
    assert "wapen" in html and "plein-admin-logo" in html
