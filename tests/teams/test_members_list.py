"""A large team's member list: paged and sorted in the database (admins first, then by name) on an
index of the membership table, its count from the team, and a fixed number of queries at any size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from people.models import Person
from teams import selectors
from teams.models import Membership
from teams.views import MEMBERS_PER_PAGE
from tests.factories import PersonFactory
from tests.teams.helpers import add_member

pytestmark = pytest.mark.django_db

SURNAMES = ["Visser", "Bakker", "Jansen", "de Vries", "Mulder", "Smit", "Bos", "Dekker", "Peters", "Kok"]


def grow(team, size):
    for number in range(size):
        last = SURNAMES[number % len(SURNAMES)]
        person = PersonFactory(first_name=f"Lid{number:03d}", last_name=last, user__username=f"lid{number}")
        add_member(team, person.user)
    return team


def names_on(html):
    import re

    table = html.split('<ul class="member-table">', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<a href="/mensen/[^"]+/">([^<]+)</a>', table)


def test_members_page_lists_admins_first_then_by_name_over_pages(client, open_team, alice):
    grow(open_team, MEMBERS_PER_PAGE + 7)
    client.force_login(alice)
    first = client.get(open_team.url + "leden/").text
    second = client.get(open_team.url + "leden/?page=2").text
    shown = names_on(first) + names_on(second)
    assert shown[0] == "Alice Admiraal"  # the admin first
    members = shown[1:]
    assert len(shown) == MEMBERS_PER_PAGE + 8 and len(names_on(first)) == MEMBERS_PER_PAGE
    expected = list(
        Person.objects.filter(user__team_memberships__team=open_team, user__team_memberships__role="member")
        .order_by("sort_name", "pk")
        .values_list("sort_name", flat=True)
    )
    assert [Person.objects.get(first_name=n.split()[0]).sort_name for n in members] == expected
    assert f"{MEMBERS_PER_PAGE + 8} leden" in first
    assert "Pagina 2 van 2" in second


def test_a_changed_name_moves_the_member_in_the_list(open_team, alice):
    grow(open_team, 3)
    person = Person.objects.get(first_name="Lid001")  # Bakker
    person.last_name = "Zwart"
    person.save()
    assert Membership.objects.get(user=person.user).sort_name == person.sort_name
    assert list(selectors.all_members(open_team))[-1].user_id == person.user_id


def test_the_hr_import_path_refreshes_the_copied_names(open_team):
    from people import signals

    grow(open_team, 2)
    Person.objects.filter(first_name="Lid000").update(sort_name="aaa eerst")  # a bulk write: no post_save
    signals.people_bulk_changed.send(sender=None)
    assert Membership.objects.get(user__person__first_name="Lid000").sort_name == "aaa eerst"


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the small test table makes PostgreSQL scan")
def test_the_member_list_is_read_from_its_index(open_team):
    grow(open_team, 3)
    plan = selectors.all_members(open_team)[:MEMBERS_PER_PAGE].explain()
    assert "teams_member_by_name" in plan and "TEMP B-TREE" not in plan.upper()


def test_members_and_team_page_queries_are_the_same_at_two_sizes(client, make_team, alice):
    small, large = make_team("Klein team"), make_team("Groot team")
    grow(small, 3)
    for number in range(MEMBERS_PER_PAGE + 30):
        person = PersonFactory(first_name=f"Groot{number}", user__username=f"groot{number}")
        add_member(large, person.user)
    client.force_login(alice)
    for path in ("leden/", ""):
        client.get(small.url + path)
        client.get(large.url + path)
        with CaptureQueriesContext(connection) as on_small:
            client.get(small.url + path)
        with CaptureQueriesContext(connection) as on_large:
            response = client.get(large.url + path)
        assert response.status_code == 200
        assert len(on_large) == len(on_small), path
    assert f"{MEMBERS_PER_PAGE + 31} leden" in response.text  # the team page's count, beside its sample


def test_avatars_come_from_the_people_cache_and_follow_a_new_photo_at_once(client, open_team, alice):
    """Members' and authors' avatars are read from the people avatar cache (teams.selectors.with_avatars):
    a new member shows at once, and a photo added afterwards replaces the initials on the next view."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model

    from teams import services
    from tests.teams.conftest import image_upload

    client.force_login(alice)
    client.get(open_team.url)  # avatars of the members so far are cached now
    person = PersonFactory(first_name="Nieuw", last_name="Lid", user__username="nieuwlid")
    add_member(open_team, person.user)
    services.create_post(person.user, open_team, text="Hallo allemaal")
    for path in ("", "leden/"):
        html = client.get(open_team.url + path).text
        assert "Nieuw Lid" in html and '<span class="avatar avatar--small" aria-hidden="true">NL</span>' in html
    photo = get_image_model().objects.create(title="nieuw", file=SimpleUploadedFile("nieuw.png", image_upload().read()))
    person.photo = photo
    person.save()  # people.signals bumps the people generation: cached avatars are retired
    for path in ("", "leden/"):
        html = client.get(open_team.url + path).text
        assert ">NL</span>" not in html, path
        assert html.count('<span class="avatar avatar--small" aria-hidden="true"><img') >= 1


def test_only_an_admin_gets_the_role_and_remove_buttons_for_others(client, open_team, alice, bob):
    from django.urls import reverse

    from teams import membership

    membership.join(bob, open_team)
    role_url = reverse("teams:role", args=[open_team.pk, bob.pk])
    remove_url = reverse("teams:remove", args=[open_team.pk, bob.pk])
    client.force_login(alice)  # the team's creator: its admin
    html = client.get(open_team.url + "leden/?page=1").text
    assert f'action="{role_url}"' in html and f'action="{remove_url}"' in html
    assert 'name="next" value="' + open_team.url + 'leden/?page=1"' in html
    assert reverse("teams:remove", args=[open_team.pk, alice.pk]) not in html  # not for themselves
    assert "Maak beheerder" in html and "Uit team verwijderen" in html
    client.force_login(bob)
    html = client.get(open_team.url + "leden/").text
    assert role_url not in html and remove_url not in html
