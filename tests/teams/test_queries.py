"""The team page, a post's page, the members page and /teams/ (my teams) in a fixed number of queries."""

import pytest
from django.db.models import F

from social import services as social
from teams import services
from teams.models import Kind, Membership, TeamPage, TeamPost
from tests.factories import PersonFactory
from tests.teams.conftest import image_upload, pdf_upload

pytestmark = pytest.mark.django_db

TEAM_PAGE_MAX_QUERIES = 34  # 33 + the coming events of the team (agenda/, issue 18)
POST_PAGE_MAX_QUERIES = 28
MEMBERS_PAGE_MAX_QUERIES = 21
TEAM_LIST_MAX_QUERIES = 20


def fill(team, size, people):
    """`size` members and 3 * size posts (some with files, likes and comments)."""
    Membership.objects.bulk_create(Membership(team=team, user=user) for user in people[:size])
    TeamPage.objects.filter(pk=team.pk).update(member_count=F("member_count") + size)
    author = team.created_by
    for number in range(3 * size):
        services.create_post(
            author,
            team,
            text=f"Bericht {number} voor @{people[0].person.slug}",
            image=image_upload() if number % 5 == 1 else None,
            document=pdf_upload() if number % 5 == 2 else None,
            is_question=number % 4 == 0,
        )
    for post in TeamPost.objects.filter(team=team)[:5]:
        social.like(people[0], post)
        social.post_comment(people[0], post, "Goed idee!")


@pytest.fixture
def people(db):
    """Colleagues with photos of their own: avatars must not cost a query each."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model

    Image = get_image_model()
    users = []
    for n in range(30):
        photo = Image.objects.create(title=f"lid{n}", file=SimpleUploadedFile(f"lid{n}.png", image_upload().read()))
        users.append(PersonFactory(user__username=f"lid{n}", photo=photo).user)
    return users


@pytest.mark.parametrize("size", [2, 26])
def test_team_page_query_count_is_fixed(client, make_team, alice, people, size, django_assert_max_num_queries):
    from people.models import Person

    Person.objects.filter(user=alice).update(photo=people[-1].person.photo)
    team = make_team("Fotografie", Kind.CLOSED)
    fill(team, size, people)
    first = TeamPost.objects.filter(team=team).order_by("pk").first()
    services.pin_post(alice, first)
    Membership.objects.create(team=team, user=people[-2], state="requested")
    for user in (alice, people[0]):  # an admin (with the requests) and a member
        client.force_login(user)
        # One-off work of a first visit (site settings, statistics salt, making avatar renditions) aside:
        client.get(team.url)
        client.get(team.url + "leden/")
        with django_assert_max_num_queries(TEAM_PAGE_MAX_QUERIES):
            response = client.get(team.url)
        assert response.status_code == 200 and "Bericht" in response.text
        with django_assert_max_num_queries(MEMBERS_PAGE_MAX_QUERIES):
            assert client.get(team.url + "leden/").status_code == 200
    client.force_login(alice)
    client.get(first.get_absolute_url())
    with django_assert_max_num_queries(POST_PAGE_MAX_QUERIES):
        assert client.get(first.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("size", [1, 12])
def test_my_teams_query_count_is_fixed(client, team_index, people, size, django_assert_max_num_queries):
    me = people[0]
    for number in range(size):
        team = services.create_team(
            me, title=f"Team {number}", description="Samen", kind=[Kind.OPEN, Kind.CLOSED, Kind.PRIVATE][number % 3]
        )
        other = services.create_team(people[1], title=f"Ander team {number}", description="", kind=Kind.CLOSED)
        services.join(me, other)
        if number % 2:
            services.create_team(people[2], title=f"Geheim {number}", description="", kind=Kind.PRIVATE)
        assert team.pk
    client.force_login(me)
    client.get("/")
    with django_assert_max_num_queries(TEAM_LIST_MAX_QUERIES):
        response = client.get(team_index.url)
    assert response.status_code == 200 and "Team 0" in response.text and "Geheim" not in response.text
    with django_assert_max_num_queries(TEAM_LIST_MAX_QUERIES):
        assert client.get(team_index.url + "?q=team").status_code == 200
