"""Issue 14, violations 2 and 4: a private team is invisible in the Wagtail admin to everyone who cannot
see it on the front end, only its admins change its kind, and slugs do not tell that it exists."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import GroupPagePermission, Page

from teams import services
from teams.models import Kind, Membership, Role, State, TeamIndexPage, TeamPage
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

SECRET = "Reorganisatie Geheim"
OUTSIDERS = ["department_editor", "omgevingsbeheerder", "editors", "moderators"]


def make_user(username, *groups):
    user = PersonFactory(user__username=username).user
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def alice(db):
    """The private team's admin; also in Wagtail's Editors group."""
    return make_user("alice", "Editors")


@pytest.fixture
def teams(alice, home):
    index = TeamIndexPage.objects.get()
    secret = services.create_team(alice, title=SECRET, description="Vertrouwelijk.", kind=Kind.PRIVATE)
    public = services.create_team(alice, title="Fotografie", description="Foto's.", kind=Kind.OPEN)
    # History for the reports: a published revision (aging pages, site history) and a lock.
    secret.save_revision(user=alice).publish(user=alice, skip_permission_checks=True)
    TeamPage.objects.filter(pk=secret.pk).update(locked=True, locked_by=alice, locked_at=timezone.now())
    return index, TeamPage.objects.get(pk=secret.pk), public


@pytest.fixture
def department_editor(home):
    """A staff department's editor: admin access and page rights below the department only."""
    user = make_user("dept", "ICT: redacteuren")
    group = Group.objects.get(name="ICT: redacteuren")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    department = home.add_child(instance=Page(title="ICT", slug="ict"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=department, permission=Permission.objects.get(codename=codename)
        )
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def outsider(request, home):
    if request.param == "department_editor":
        return request.getfixturevalue("department_editor")
    groups = {"omgevingsbeheerder": "Omgevingsbeheerders", "editors": "Editors", "moderators": "Moderators"}
    return make_user(request.param, groups[request.param])


def listing_urls(index, secret, public):
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[index.pk]),
        reverse("wagtailadmin_explore_results", args=[index.pk]),
        reverse("wagtailadmin_explore", args=[index.pk]) + "?q=reorg",
        reverse("wagtailadmin_explore", args=[index.get_parent().pk]) + "?q=reorg&search_all=1",
        reverse("wagtailadmin_choose_page"),
        reverse("wagtailadmin_choose_page") + "?page_type=teams.teampage",
        reverse("wagtailadmin_choose_page_child", args=[index.pk]),
        reverse("wagtailadmin_choose_page_child", args=[index.pk]) + "?user_perms=move_to",
        reverse("wagtailadmin_choose_page_search") + "?q=reorg",
        reverse("wagtailadmin_choose_page_search") + "?q=reorg&page_type=teams.teampage",
        reverse("wagtailadmin_choose_page_chosen_multiple") + f"?id={secret.pk}&id={public.pk}",
        reverse("wagtailadmin_pages:search") + "?q=reorg",
        reverse("wagtailadmin_pages:search_results") + "?q=reorg",
        reverse("wagtailadmin_pages:type_use", args=["teams", "teampage"]),
        reverse("wagtailadmin_pages:type_use_results", args=["teams", "teampage"]),
        reverse("wagtailadmin_pages:choose_parent", args=["teams", "teampage"]),
        *[
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + f"?id={secret.pk}&id={public.pk}"
            for action in ("delete", "move", "publish", "unpublish")
        ],
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]) + f"?id=all&childOf={index.pk}",
        *[
            reverse(f"wagtailadmin_reports:{name}")
            for name in (
                "aging_pages",
                "aging_pages_results",
                "locked_pages",
                "locked_pages_results",
                "page_types_usage",
                "page_types_usage_results",
                "site_history",
                "site_history_results",
                "workflow",
                "workflow_tasks",
            )
        ],
        reverse("wagtailadmin_reports:site_history") + "?label=reorg",
        "/admin/api/main/pages/",
        f"/admin/api/main/pages/?child_of={index.pk}&for_explorer=1",
        f"/admin/api/main/pages/?child_of={index.pk}",
        "/admin/api/main/pages/?search=reorg",
        f"/admin/api/main/pages/?descendant_of={index.get_parent().pk}&limit=100",
        # The move and copy forms of a team the user may see choose destinations from the tree.
        reverse("wagtailadmin_pages:move", args=[public.pk]),
        reverse("wagtailadmin_pages:copy", args=[public.pk]),
    ]


def page_urls(index, secret):
    revision = secret.latest_revision
    pk = secret.pk
    names = [
        "edit",
        "preview_on_edit",
        "view_draft",
        "history",
        "history_results",
        "usage",
        "delete",
        "unpublish",
        "copy",
        "move",
        "lock",
        "unlock",
        "set_privacy",
        "convert_alias",
        "workflow_history",
        "confirm_workflow_cancellation",
    ]
    return [
        *[reverse(f"wagtailadmin_pages:{name}", args=[pk]) for name in names],
        reverse("wagtailadmin_pages:revisions_view", args=[pk, revision.pk]),
        reverse("wagtailadmin_pages:revisions_revert", args=[pk, revision.pk]),
        reverse("wagtailadmin_pages:revisions_compare", args=[pk, "earliest", "latest"]),
        reverse("wagtailadmin_pages:move_confirm", args=[pk, index.pk]),
        reverse("wagtailadmin_pages:set_page_position", args=[pk]),
        reverse("wagtailadmin_pages:add_subpage", args=[pk]),
        reverse("wagtailadmin_explore", args=[pk]),
        reverse("wagtailadmin_explore_results", args=[pk]),
        reverse("wagtailadmin_choose_page_child", args=[pk]),
        f"/admin/api/main/pages/{pk}/",
    ]


@pytest.mark.parametrize("outsider", OUTSIDERS, indirect=True)
def test_a_private_team_is_absent_from_every_admin_listing(client, outsider, teams):
    index, secret, public = teams
    client.force_login(outsider)
    seen_public = False
    for url in listing_urls(index, secret, public):
        response = client.get(url)
        assert response.status_code in (200, 302, 400, 404), (url, response.status_code)
        text = response.content.decode()
        assert SECRET not in text and secret.slug not in text, url
        assert f'"id": {secret.pk},' not in text, url
        seen_public = seen_public or "Fotografie" in text
    # The same listings do show a team the user may see: the filter is not simply "no teams".
    assert seen_public


@pytest.mark.parametrize("outsider", OUTSIDERS, indirect=True)
def test_every_admin_url_about_a_private_team_answers_404(client, outsider, teams):
    index, secret, _public = teams
    client.force_login(outsider)
    for url in page_urls(index, secret):
        response = client.get(url)
        assert response.status_code == 404, (url, response.status_code)
        assert "Reorganisatie" not in response.content.decode(), url
    # The admin API answers about its children as about a page that does not exist.
    hidden = client.get(f"/admin/api/main/pages/?child_of={secret.pk}")
    missing = client.get("/admin/api/main/pages/?child_of=999999")
    assert (hidden.status_code, hidden.content) == (missing.status_code, missing.content)
    # Revisions' index only redirects; where it leads is a 404 too.
    response = client.get(reverse("wagtailadmin_pages:revisions_index", args=[secret.pk]), follow=True)
    assert response.status_code == 404
    # Posting does nothing either: the team stays private and unchanged.
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[secret.pk]),
        {"title": "Open", "slug": "open", "kind": "open", "action-publish": "action-publish"},
    )
    assert response.status_code == 404
    for action in ("delete", "unpublish"):
        response = client.post(
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + f"?id={secret.pk}", {}
        )
        assert response.status_code == 404
    secret = TeamPage.objects.get(pk=secret.pk)
    assert secret.kind == Kind.PRIVATE and secret.live and secret.title == SECRET


def test_members_and_superusers_see_the_team_in_the_admin(client, teams, alice, superuser):
    index, secret, _public = teams
    member = make_user("member", "Editors")
    Membership.objects.create(team=secret, user=member, role=Role.MEMBER, state=State.ACTIVE)
    invited = make_user("invited", "Editors")
    Membership.objects.create(team=secret, user=invited, role=Role.MEMBER, state=State.INVITED)
    for user in (alice, member, superuser):
        client.force_login(user)
        for url in (
            reverse("wagtailadmin_explore", args=[index.pk]),
            reverse("wagtailadmin_choose_page_search") + "?q=reorg",
            reverse("wagtailadmin_pages:search") + "?q=reorg",
            f"/admin/api/main/pages/?child_of={index.pk}",
        ):
            assert SECRET in client.get(url).content.decode(), (user, url)
        assert client.get(reverse("wagtailadmin_pages:edit", args=[secret.pk])).status_code == 200
    # An invitation shows the team page on the front end, not in the admin.
    client.force_login(invited)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[secret.pk])).status_code == 404


def _edit(client, team, **fields):
    data = {"title": team.title, "slug": team.slug, "description": team.description, "kind": team.kind}
    data.update(fields)
    return client.post(reverse("wagtailadmin_pages:edit", args=[team.pk]), {**data, "action-publish": "1"})


def test_only_the_teams_admins_change_its_kind_in_the_admin(client, teams, alice):
    _index, secret, _public = teams
    TeamPage.objects.filter(pk=secret.pk).update(locked=False, locked_by=None)
    secret.refresh_from_db()
    moderator = make_user("mod", "Moderators")  # may publish every page
    Membership.objects.create(team=secret, user=moderator, role=Role.MEMBER, state=State.ACTIVE)
    client.force_login(moderator)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[secret.pk])).content.decode()
    assert "Only the team" in edit or "Alleen de beheerders" in edit
    response = _edit(client, secret, kind="open", description="Nu voor iedereen?")
    assert response.status_code == 302, response.content[:3000]
    secret.refresh_from_db()
    assert secret.kind == Kind.PRIVATE and secret.description == "Nu voor iedereen?"

    # Reverting to an old revision as someone else does not reopen it either.
    TeamPage.objects.filter(pk=secret.pk).update(kind=Kind.OPEN)
    old = TeamPage.objects.get(pk=secret.pk).save_revision(user=alice)
    TeamPage.objects.filter(pk=secret.pk).update(kind=Kind.PRIVATE)
    url = reverse("wagtailadmin_pages:revisions_revert", args=[secret.pk, old.pk])
    assert 'value="open" checked' not in client.get(url).content.decode().replace("\n", " ")

    Membership.objects.filter(team=secret, user=alice).update(role=Role.ADMIN)
    alice.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(alice)
    assert _edit(client, secret, kind="closed").status_code == 302
    assert TeamPage.objects.get(pk=secret.pk).kind == Kind.CLOSED


def _slug(user, title, kind):
    return services.create_team(user, title=title, description="", kind=kind).slug


def test_a_new_teams_slug_does_not_tell_whether_a_private_team_has_the_name(alice, home):
    bob = make_user("bob")
    private = _slug(alice, "Fietsclub", Kind.PRIVATE)
    assert private.startswith("fietsclub-") and private != "fietsclub"
    # Bob cannot see the private team: his team gets the plain slug, as for an unused name.
    assert _slug(bob, "Fietsclub", Kind.OPEN) == "fietsclub"
    assert _slug(bob, "Wandelclub", Kind.OPEN) == "wandelclub"


def test_a_team_made_private_leaves_its_plain_slug_without_a_redirect(alice, home):
    team = services.create_team(alice, title="Zangkoor", description="", kind=Kind.OPEN)
    assert team.slug == "zangkoor"
    services.update_team(alice, team, title="Zangkoor", description="", kind=Kind.PRIVATE)
    team.refresh_from_db()
    assert team.slug != "zangkoor" and team.url_path.endswith(f"/{team.slug}/")
    assert not Redirect.objects.filter(redirect_page=team).exists()
    assert _slug(make_user("bob"), "Zangkoor", Kind.OPEN) == "zangkoor"


def test_the_migration_reslugs_existing_private_teams(alice, home):
    team = services.create_team(alice, title="Oud Geheim", description="", kind=Kind.OPEN)
    TeamPage.objects.filter(pk=team.pk).update(kind=Kind.PRIVATE, title="Oud\u200b Geheim")
    migration = importlib.import_module("teams.migrations.0004_private_team_slugs")
    migration.forwards(django_apps, None)
    team = TeamPage.objects.get(pk=team.pk)
    assert team.title == "Oud Geheim"
    assert team.slug.startswith("oud-geheim-") and team.url_path.endswith(f"/{team.slug}/")


@pytest.mark.parametrize("outsider", ["editors", "moderators"], indirect=True)
def test_a_deleted_private_team_leaves_no_name_in_site_history(client, outsider, teams, alice):
    """No page is left to check membership against, so the log entries themselves lose the name."""
    _index, secret, public = teams
    from wagtail.actions.delete_page import DeletePageAction

    DeletePageAction(Page.objects.get(pk=secret.pk), user=alice).execute(skip_permission_checks=True)
    DeletePageAction(Page.objects.get(pk=public.pk), user=alice).execute(skip_permission_checks=True)
    client.force_login(outsider)
    for url in (reverse("wagtailadmin_reports:site_history"), reverse("wagtailadmin_reports:site_history_results")):
        text = client.get(url).content.decode()
        assert SECRET not in text and secret.slug not in text, url
        assert "Fotografie" in text, url  # an open team's deletion stays in the history as it was


def test_a_team_image_uploaded_in_the_admin_passes_the_photo_check(client, teams, alice):
    """The admin's plain file field would take a web page as the team's image."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    _index, secret, _public = teams
    TeamPage.objects.filter(pk=secret.pk).update(locked=False, locked_by=None)
    client.force_login(alice)
    page = b"<html><script>window.__pwned=1</script></html>"
    response = _edit(client, secret, image=SimpleUploadedFile("x.html", page, content_type="text/html"))
    assert response.status_code == 200  # the form again, with the error
    assert "JPEG" in response.content.decode()
    assert not TeamPage.objects.get(pk=secret.pk).image
