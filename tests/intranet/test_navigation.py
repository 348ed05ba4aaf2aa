"""The section bar: on every page, editable in the admin, the current section marked."""

import re

import pytest
from wagtail.blocks import StructBlockValidationError
from wagtail.models import Site

from intranet.models import IntranetSettings
from intranet.navigation import SectionLinkBlock, current_href

pytestmark = pytest.mark.django_db


def _bar(html):
    match = re.search(r'<nav id="section-nav".*?</nav>', html, re.S)
    assert match, "no section bar on the page"
    return match.group(0)


def _set_bar(*links):
    branding = IntranetSettings.for_site(Site.objects.get())
    branding.section_links = [("section", link) for link in links]
    branding.save()


def _links(bar):
    return re.findall(
        r'<a class="section-nav__link utrecht-nav-list__link" href="([^"]+)"( aria-current="page")?>([^<]+)</a>', bar
    )


def test_without_editor_links_the_default_sections_are_shown_in_dutch(employee_client):
    bar = _bar(employee_client.get("/prikbord/").content.decode())
    links = _links(bar)
    assert [label for _href, _cur, label in links] == [
        "Nieuws", "Mensen", "Teams", "Direct regelen", "Zalen", "Prikbord", "Apps", "Blogs"
    ]  # fmt: skip
    assert [href for href, current, _label in links if current] == ["/prikbord/"]


def test_a_deeper_page_marks_its_section_and_the_homepage_marks_none(employee_client):
    bar = _bar(employee_client.get("/zalen/zoeken/").content.decode())
    assert [href for href, current, _label in _links(bar) if current] == ["/zalen/"]
    home_bar = _bar(employee_client.get("/").content.decode())
    assert 'aria-current="page"' not in home_bar


def test_editors_order_the_bar_with_pages_and_addresses(employee_client, home):
    from home.models import ContentPage

    help_page = home.add_child(instance=ContentPage(title="Hulp", slug="hulp"))
    _set_bar({"label": "Zalen", "url": "/zalen/"}, {"label": "Hulp & handleiding", "page": help_page})
    bar = _bar(employee_client.get("/hulp/").content.decode())
    assert _links(bar) == [("/zalen/", "", "Zalen"), ("/hulp/", ' aria-current="page"', "Hulp &amp; handleiding")]


def test_an_unpublished_page_drops_out_of_the_bar(employee_client, home):
    from home.models import ContentPage

    page = home.add_child(instance=ContentPage(title="Oud", slug="oud"))
    _set_bar({"label": "Oud", "page": page}, {"label": "Apps", "url": "/apps/"})
    assert "Oud" in _bar(employee_client.get("/apps/").content.decode())
    page.unpublish()
    assert [label for _h, _c, label in _links(_bar(employee_client.get("/apps/").content.decode()))] == ["Apps"]


def test_the_bar_costs_no_query_of_its_own(employee_client, home):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from home.models import ContentPage

    page = home.add_child(instance=ContentPage(title="Hulp", slug="hulp"))
    employee_client.get("/apps/")
    with CaptureQueriesContext(connection) as with_defaults:
        employee_client.get("/apps/")
    _set_bar({"label": "Hulp", "page": page}, {"label": "Apps", "url": "/apps/"})
    employee_client.get("/apps/")  # the page links are resolved once per change
    with CaptureQueriesContext(connection) as with_pages:
        html = employee_client.get("/apps/").content.decode()
    assert len(with_defaults) > 5 and len(with_pages) == len(with_defaults)
    assert _links(_bar(html)) == [("/hulp/", "", "Hulp"), ("/apps/", ' aria-current="page"', "Apps")]


def test_a_link_needs_a_page_or_an_intranet_path():
    block = SectionLinkBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"label": "Leeg", "page": None, "url": ""}))
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"label": "Extern", "page": None, "url": "https://example.org/"}))
    assert block.clean(block.to_python({"label": "Zalen", "page": None, "url": "/zalen/"}))["url"] == "/zalen/"


def test_editors_edit_the_bar_in_the_settings(admin_client):
    response = admin_client.get(f"/admin/settings/intranet/intranetsettings/{Site.objects.get().pk}/")
    assert response.status_code == 200
    assert "Sectiebalk" in response.content.decode()


def test_longest_prefix_wins_and_external_or_root_links_never_match():
    links = [("Home", "/"), ("Nieuws", "/nieuws/"), ("Blogs", "/nieuws/blogs/"), ("X", "https://x.nl/")]
    assert current_href(links, "/nieuws/blogs/mijn-blog/") == "/nieuws/blogs/"
    assert current_href(links, "/nieuws/") == "/nieuws/"
    assert current_href(links, "/") is None


def test_anonymous_visitors_see_no_bar(client):
    assert 'id="section-nav"' not in client.get("/inloggen/").content.decode()


def test_the_phone_menu_has_a_no_script_link_and_a_disclosure_button(employee_client):
    html = employee_client.get("/").content.decode()
    assert 'href="#section-nav" data-menu-link' in html
    assert re.search(r'<button[^>]*aria-expanded="false" aria-controls="section-nav"[^>]*hidden', html)
