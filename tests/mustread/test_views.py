"""The must-read in the real pages: the box on the news page, the homepage block, confirming, the editor's
admin screen, and the progress page with who may see what."""

import pytest
from django.test import Client
from django.urls import reverse

from mustread import services
from mustread.models import Confirmation, MustRead
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

BUTTON = "Gelezen en begrepen"


def block_keys(response):
    return [chunk.split('"')[0] for chunk in response.content.decode().split('data-block="')[1:]]


def test_the_homepage_shows_it_first_until_confirmed(employee_client, news_page, mark):
    mark(news_page)
    response = employee_client.get("/")
    assert block_keys(response)[0] == "mustread.outstanding"
    assert "Nieuwe integriteitscode" in response.content.decode()
    # Opening the page is no confirmation.
    page = employee_client.get(news_page.url)
    html = page.content.decode()
    assert BUTTON in html and 'type="submit"' in html and "csrfmiddlewaretoken" in html
    assert "mustread.outstanding" in block_keys(employee_client.get("/"))
    confirmed = employee_client.post(reverse("mustread:confirm", args=[news_page.pk]), follow=True)
    assert confirmed.redirect_chain[-1][0] == news_page.url
    html = confirmed.content.decode()
    assert "gelezen en begrepen" in html.lower() and BUTTON not in html
    assert "mustread.outstanding" not in block_keys(employee_client.get("/"))


def test_confirming_needs_post_and_a_csrf_token(employee, news_page, mark):
    mark(news_page)
    client = Client(enforce_csrf_checks=True)
    client.force_login(employee)
    url = reverse("mustread:confirm", args=[news_page.pk])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403
    assert not Confirmation.objects.exists()


def test_outsiders_get_a_404_when_confirming(client, news_page, mark, units):
    mark(news_page, units=[units["team"]])
    outsider = PersonFactory(organisation_unit=units["other"]).user
    client.force_login(outsider)
    assert client.post(reverse("mustread:confirm", args=[news_page.pk])).status_code == 404
    assert client.post(reverse("mustread:confirm", args=[999999])).status_code == 404
    assert BUTTON not in client.get(news_page.url).content.decode()
    assert not Confirmation.objects.exists()


def test_the_page_says_when_it_changed_since_confirming(employee_client, employee, news_page, mark):
    mark(news_page)
    services.confirm(employee, news_page)
    mark(news_page, ask_again=True)
    html = employee_client.get(news_page.url).content.decode()
    assert "belangrijke manier gewijzigd" in html and BUTTON in html


def test_the_editor_marks_a_page_in_the_admin(client, editor, news_page, units):
    client.force_login(editor)
    url = reverse("mustread_admin_edit", args=[news_page.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"active": "on", "units": [units["department"].pk], "deadline": "2030-01-31"})
    assert response.status_code == 302
    must_read = MustRead.objects.get(page=news_page)
    assert list(must_read.units.all()) == [units["department"]]
    assert str(must_read.deadline) == "2030-01-31"
    response = client.post(url, {"active": "on", "ask_again": "on"})
    must_read.refresh_from_db()
    assert must_read.version == 2 and not must_read.units.exists()
    # The button in the page editor's header leads here.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[news_page.pk])).content.decode()
    assert url in edit


def test_the_admin_screen_is_a_404_for_other_page_types_and_non_editors(client, editor, home, news_page):
    client.force_login(editor)
    assert client.get(reverse("mustread_admin_edit", args=[home.pk])).status_code == 404
    other = PersonFactory().user
    other.is_staff = True
    other.save()
    client.force_login(other)
    assert client.get(reverse("mustread_admin_edit", args=[news_page.pk])).status_code in (302, 403, 404)
    assert not MustRead.objects.exists()


def test_the_page_links_to_the_progress_for_its_editors_only(client, editor, employee, news_page, mark):
    mark(news_page)
    url = reverse("mustread:progress", args=[news_page.pk])
    client.force_login(editor)
    assert url in client.get(news_page.url).content.decode()
    client.force_login(employee)
    html = client.get(news_page.url).content.decode()
    assert BUTTON in html and url not in html


def test_the_homepage_block_follows_new_must_reads_units_and_restrictions_at_once(
    employee_client, employee, make_news, mark, units
):
    """The block is kept per reader (mustread.selectors.outstanding_for): a new must-read, a changed
    audience, a move to another unit and a section closed to the reader all show on the next visit."""
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    def block():
        html = employee_client.get("/").content.decode()
        if 'data-block="mustread.outstanding"' not in html:
            return ""
        start = html.index('data-block="mustread.outstanding"')
        return html[start : html.index("</section>", start)]

    person = employee.person
    person.organisation_unit = units["team"]
    person.save()
    assert block() == ""
    first = make_news("Nieuwe integriteitscode")
    mark(first)
    assert "Nieuwe integriteitscode" in block()
    mark(first, units=[units["other"]])  # now only for Bedrijfsvoering
    assert block() == ""
    person.organisation_unit = units["other"]
    person.save()
    assert "Nieuwe integriteitscode" in block()
    board, council = Group.objects.create(name="Directie"), Group.objects.create(name="Raad")
    employee.groups.add(board)
    restriction = PageViewRestriction.objects.create(page=first, restriction_type=PageViewRestriction.GROUPS)
    assert block() == ""  # a group restriction with no groups yet: closed to all but superusers
    restriction.groups.set([board])  # the groups come after saving, as in the admin's privacy form
    assert "Nieuwe integriteitscode" in block()
    restriction.groups.set([council])
    assert block() == ""
