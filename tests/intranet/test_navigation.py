"""The section bar: on every page, editable in the admin, the current section marked."""

import re

import pytest
from django.core.exceptions import ValidationError

from intranet.navigation import SectionLink, SectionNavigation, current_href

pytestmark = pytest.mark.django_db


def _bar(html):
    match = re.search(r'<nav id="section-nav".*?</nav>', html, re.S)
    assert match, "no section bar on the page"
    return match.group(0)


def _links(bar):
    return re.findall(r'<a class="section-nav__link" href="([^"]+)"( aria-current="page")?>([^<]+)</a>', bar)


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
    navigation = SectionNavigation.load()
    SectionLink.objects.create(navigation=navigation, label="Hulp & handleiding", page=help_page, sort_order=1)
    SectionLink.objects.create(navigation=navigation, label="Zalen", url="/zalen/", sort_order=0)
    bar = _bar(employee_client.get("/hulp/").content.decode())
    assert _links(bar) == [("/zalen/", "", "Zalen"), ("/hulp/", ' aria-current="page"', "Hulp &amp; handleiding")]


def test_an_unpublished_page_drops_out_of_the_bar(employee_client, home):
    from home.models import ContentPage

    page = home.add_child(instance=ContentPage(title="Oud", slug="oud"))
    SectionLink.objects.create(navigation=SectionNavigation.load(), label="Oud", page=page)
    SectionLink.objects.create(navigation=SectionNavigation.load(), label="Apps", url="/apps/", sort_order=1)
    assert "Oud" in _bar(employee_client.get("/apps/").content.decode())
    page.unpublish()
    assert [label for _h, _c, label in _links(_bar(employee_client.get("/apps/").content.decode()))] == ["Apps"]


def test_the_bar_costs_no_query_once_cached(employee_client, django_assert_num_queries):
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get("/teams/")
    template = Template("{% load plein_nav %}{% section_nav %}")
    template.render(Context({"request": request}))
    with django_assert_num_queries(0):
        assert 'href="/teams/" aria-current="page"' in template.render(Context({"request": request}))


def test_a_link_needs_a_page_or_an_intranet_path():
    with pytest.raises(ValidationError):
        SectionLink(label="Leeg").clean()
    with pytest.raises(ValidationError):
        SectionLink(label="Extern", url="https://example.org/").clean()
    SectionLink(label="Zalen", url="/zalen/").clean()


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
