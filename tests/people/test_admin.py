import pytest
from django.contrib.auth.models import Group

from people.models import OrganisationUnit, PeopleIndexPage, Person
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hr_client(client):
    user = PersonFactory(user__username="hr").user
    user.groups.add(Group.objects.get(name="HR-redactie"))
    client.force_login(user)
    return client


def test_people_page_exists_after_migrate(home):
    page = PeopleIndexPage.objects.get()
    assert page.get_parent().specific == home
    assert page.live and page.url == "/mensen/"


def test_hr_group_has_the_people_permissions():
    codenames = set(Group.objects.get(name="HR-redactie").permissions.values_list("codename", flat=True))
    assert {"access_admin", "change_person", "add_organisationunit", "change_organisationunit"} <= codenames
    assert "delete_person" not in codenames  # leavers are deactivated, never deleted


def test_hr_editor_lists_and_edits_people_in_the_admin(hr_client, person):
    response = hr_client.get("/admin/people/person/")
    assert response.status_code == 200
    assert "Sanne de Boer" in response.content.decode()
    edit = hr_client.get(f"/admin/people/person/edit/{person.pk}/")
    assert edit.status_code == 200


def test_hr_editor_adds_a_unit_under_a_parent(hr_client, org):
    response = hr_client.post(
        "/admin/people/organisationunit/create/",
        {
            "name": "Reisdocumenten",
            "slug": "reisdocumenten",
            "kind": "team",
            "code": "PZ-RD",
            "parent": org["department"].pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    unit = OrganisationUnit.objects.get(slug="reisdocumenten")
    assert unit.get_parent() == org["department"]


def test_ordinary_employee_cannot_reach_the_people_admin(employee_client):
    response = employee_client.get("/admin/people/person/")
    assert response.status_code in (302, 403)
    assert Person.objects.count() == 1
