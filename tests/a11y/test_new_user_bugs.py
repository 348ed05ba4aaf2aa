"""Bugs a new user met (issue 15): each test fails without its fix."""

import pytest

from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_staff_without_admin_rights_get_a_friendly_page_not_a_redirect_loop(client):
    client.force_login(PersonFactory().user)
    response = client.get("/admin/", follow=True)
    assert len(response.redirect_chain) < 5
    assert response.status_code == 403
    html = response.content.decode()
    assert "Geen toegang tot de beheeromgeving" in html
    assert 'href="/"' in html


def test_the_notice_board_call_is_oproep_and_the_phone_call_is_bel(client):
    from django.utils import translation

    from prikbord.models import Category

    with translation.override("nl"):
        assert str(Category.CALL.label) == "Oproep"
    person = PersonFactory(phone="06 12345678")
    client.force_login(person.user)
    html = client.get(person.get_absolute_url()).content.decode()
    assert "Bel 06 12345678" in html


def test_one_suggestion_is_announced_in_the_singular(client):
    client.force_login(PersonFactory().user)
    html = client.get("/zoeken/").content.decode()
    assert 'data-count-one="1 suggestie beschikbaar."' in html
    from pathlib import Path

    from django.conf import settings

    script = (Path(settings.BASE_DIR) / "search/static/search/search.js").read_text()
    assert 'found === 1 ? "data-count-one"' in script


def test_dates_use_dutch_lowercase_month_abbreviations():
    """Django's "M" title-cases the month ("ma 7 Dec"); Dutch writes "ma 7 dec" ("b")."""
    import datetime
    import re
    from pathlib import Path

    from django.conf import settings
    from django.template import Context, Template
    from django.utils import translation

    offenders = []
    for template in Path(settings.BASE_DIR).glob("*/templates/**/*.html"):
        if ".venv" in template.parts:
            continue
        for fmt in re.findall(r'\|date:"([^"]*)"', template.read_text()):
            if re.search(r"(?<!\\)M", fmt):
                offenders.append(f"{template.name}: {fmt}")
    assert not offenders
    with translation.override("nl"):
        text = Template('{{ day|date:"D j b" }}').render(Context({"day": datetime.date(2026, 12, 7)}))
    assert text == "ma 7 dec"


def test_no_english_left_in_the_admin(client, superuser):
    import datetime
    import re

    from django.utils import timezone

    from news.blocks import ArticleBody
    from rooms.models import Booking, Building, Room

    person = PersonFactory(first_name="Ria", last_name="Vos")
    room = Room.objects.create(name="Zaal 1", building=Building.objects.create(name="Stadhuis"), capacity=4)
    start = timezone.now() + datetime.timedelta(days=1)
    booking = Booking.objects.create(
        title="Overleg", room=room, start=start, end=start + datetime.timedelta(hours=1), organiser=person
    )
    client.force_login(superuser)
    people_list = client.get("/admin/people/person/").content.decode()
    assert "Full name" not in people_list and "Naam" in people_list
    from django.contrib.admin.utils import label_for_field
    from django.utils import translation

    from directregelen.admin_queue import RequestAdmin
    from directregelen.models import Request

    with translation.override("nl"):  # the column heading modeladmin's list draws
        assert str(label_for_field("requester_name", Request, RequestAdmin())) == "aanvrager"
    inspect = client.get(f"/admin/rooms/booking/inspect/{booking.pk}/").content.decode()
    assert inspect.count("Overleg") and not re.search(r">\s*(True|False|None)\s*<", inspect)
    labels = {name: str(block.label) for name, block in ArticleBody.base_blocks.items()}
    assert "Image" not in labels.values() and "Quote" not in labels.values()


def test_a_mistyped_url_under_make_run_shows_pleins_404(client, settings):
    from intranet.settings import dev

    settings.DEBUG = True
    settings.MIDDLEWARE = dev.MIDDLEWARE
    client.force_login(PersonFactory().user)
    response = client.get("/nieuws-bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Pagina niet gevonden" in html and "Using the URLconf" not in html


def test_the_accessibility_statement_is_linked_in_the_footer(client, settings):
    settings.ACCESSIBILITY_CONTACT_EMAIL = "toegankelijkheid@gemeente.example"
    client.force_login(PersonFactory().user)
    home = client.get("/zoeken/").content.decode()
    assert 'href="/toegankelijkheid/"' in home and "Toegankelijkheidsverklaring" in home
    statement = client.get("/toegankelijkheid/").content.decode()
    for heading in ("Nalevingsstatus", "Wat is onderzocht", "Bekende beperkingen", "Contact en klachten"):
        assert heading in statement
    assert "mailto:toegankelijkheid@gemeente.example" in statement
    client.logout()
    assert client.get("/toegankelijkheid/").status_code == 302  # behind the login, like the rest
