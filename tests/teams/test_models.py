from teams.models import Kind, Membership, TeamIndexPage, TeamPage


def test_the_migration_makes_the_teams_page_under_the_homepage(home):
    index = TeamIndexPage.objects.get()
    assert index.get_parent().specific == home
    assert index.url_path.endswith("/teams/")
    assert index.live


def test_a_plain_employee_creates_a_team_and_becomes_its_admin(make_team, alice, bob):
    team = make_team("Fotografie", Kind.CLOSED)
    team.refresh_from_db()
    assert isinstance(team, TeamPage) and team.live
    assert team.url.endswith("/teams/fotografie/")
    assert team.member_count == 1
    assert team.role_of(alice) == "admin"
    assert Membership.objects.get(team=team, user=alice).state == "active"
    assert team.created_by == alice
    assert team.role_of(bob) is None
