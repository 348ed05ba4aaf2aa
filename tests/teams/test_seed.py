"""The demo seeder: the promised teams, a valid page tree, scaled by size, and nothing doubled on a rerun."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page

from intranet.seeding import SeedContext
from teams import seed as teams_seed
from teams.models import Kind, Membership, TeamIndexPage, TeamPage, TeamPost
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def employees(db):
    PersonFactory(user__username="medewerker", first_name="Sanne", last_name="Boer")
    return [PersonFactory(user__username=f"m{n:06d}") for n in range(80)]


def run(size):
    teams_seed.seed(SeedContext(size=size, stdout=io.StringIO()))


def test_the_demo_teams_and_a_rerun_changes_nothing(client, employees):
    run(500)
    index = TeamIndexPage.objects.get()
    teams = TeamPage.objects.child_of(index)
    assert teams.count() == 50  # 500 // 10, at least the 40 named teams
    assert TeamPost.objects.count() == 1000  # 500 * 2
    titles = set(teams.values_list("title", flat=True))
    assert {"Fotografie", "Fotografieclub", "Ambassadeurs", "Schaakclub"} <= titles
    assert teams.filter(kind=Kind.PRIVATE).exists() and teams.filter(kind=Kind.CLOSED).exists()
    quiet = teams.get(title="Schaakclub")
    assert abs(quiet.last_activity_at - (timezone.now() - timedelta(days=200))) < timedelta(days=1)
    questions = TeamPost.objects.filter(is_question=True)
    assert questions.filter(first_answer_at__isnull=False).exists()
    assert questions.filter(first_answer_at__isnull=True).exists()
    assert questions.filter(accepted_at__isnull=False).exists()
    for team in teams.filter(title__in=["Fotografie", "Koffiehoek"]):
        assert team.member_count == Membership.objects.filter(team=team, state="active").count() > 0
        assert Membership.objects.filter(team=team, role="admin").exists()
    assert Page.find_problems() == ([], [], [], [], [])
    assert index.get_children().count() == Page.objects.get(pk=index.pk).numchild == 50
    client.force_login(employees[0].user)
    fotografie = teams.get(title="Fotografie")
    response = client.get(fotografie.url)
    assert response.status_code == 200 and "Fotografie" in response.text

    # Notifications about posts, some unread, and the demo employee has some waiting that they may see.
    from social.models import Notification
    from social.selectors import unread_count

    assert Notification.objects.count() >= TeamPost.objects.count() // 10
    assert Notification.objects.filter(read_at__isnull=True).exists() and Notification.objects.exclude(read_at=None)
    demo = type(employees[0].user).objects.get(username="medewerker")
    assert 0 < unread_count(demo) == Notification.objects.filter(recipient=demo, read_at=None).count()

    counts = (
        TeamPage.objects.count(),
        TeamPost.objects.count(),
        Membership.objects.count(),
        Notification.objects.count(),
    )
    run(500)
    assert (
        TeamPage.objects.count(),
        TeamPost.objects.count(),
        Membership.objects.count(),
        Notification.objects.count(),
    ) == counts


def test_it_grows_with_the_organisation(employees):
    run(100)
    assert TeamPage.objects.count() == 40 and TeamPost.objects.count() == 200
    run(600)  # a bigger organisation later: only the missing teams (with their posts) are added
    assert TeamPage.objects.count() == 60
    assert len({t.slug for t in TeamPage.objects.all()}) == 60
