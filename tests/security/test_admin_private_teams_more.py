"""Issue 14, the admin's remaining leaks of a private team: workflows, dashboard panels and the values
of page choosers (teams.admin_visibility, teams.wagtail_hooks, TeamPage.get_workflow)."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from directregelen.models import DirectRegelenPage
from news.blocks import CallToActionBlock
from teams import membership, services
from teams.models import Kind, Membership, Role, State, TeamPage
from tests.security import test_admin_private_teams as base
from tests.security.test_admin_private_teams import SECRET, make_user

# The shared fixtures (assigned rather than imported, so their test parameters do not shadow imports).
alice, teams, outsider, department_editor = base.alice, base.teams, base.outsider, base.department_editor

pytestmark = pytest.mark.django_db


def _unlock(team):
    TeamPage.objects.filter(pk=team.pk).update(locked=False, locked_by=None)
    return TeamPage.objects.get(pk=team.pk)


def _edit_team(client, team, action, **fields):
    data = {"title": team.title, "slug": team.slug, "description": team.description, "kind": team.kind, action: "1"}
    return client.post(reverse("wagtailadmin_pages:edit", args=[team.pk]), {**data, **fields})


def _states(team):
    return WorkflowState.objects.filter(base_content_type__model="page", object_id=str(team.pk))


def test_a_private_team_never_enters_moderation(client, teams, alice):
    _index, secret, public = teams
    secret, public = _unlock(secret), _unlock(public)
    moderator = make_user("moderators", "Moderators")
    client.force_login(alice)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[secret.pk])).content.decode()
    assert 'name="action-submit"' not in edit
    assert _edit_team(client, secret, "action-submit").status_code == 302
    assert not _states(secret).exists()
    assert not [m for m in mail.outbox if moderator.email in m.to or SECRET in m.subject + m.body]
    # Making a team private in the same edit that submits it saves a draft instead (no missing workflow).
    choir = services.create_team(alice, title="Koor", description="", kind=Kind.OPEN)
    assert _edit_team(client, choir, "action-submit", kind="private").status_code == 302
    assert not _states(choir).exists()

    # The same submit of an open team does reach the Moderators: the workflow itself is in place.
    assert _edit_team(client, public, "action-submit").status_code == 302
    assert _states(public).filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()
    assert [m for m in mail.outbox if moderator.email in m.to and "Fotografie" in m.subject + m.body]
    client.force_login(moderator)
    assert "Fotografie" in client.get(reverse("wagtailadmin_home")).content.decode()

    # A team made private while in moderation leaves the Moderators' and the requester's dashboard.
    TeamPage.objects.filter(pk=public.pk).update(kind=Kind.PRIVATE)
    Membership.objects.filter(team=public, user=alice).delete()
    client.force_login(moderator)
    assert SECRET not in client.get(reverse("wagtailadmin_home")).content.decode()
    for user in (moderator, alice):
        client.force_login(user)
        home = client.get(reverse("wagtailadmin_home")).content.decode()
        assert "Fotografie" not in home, user


def test_an_ex_member_sees_no_private_team_on_the_dashboard(client, teams, alice):
    _index, secret, public = teams
    client.force_login(alice)
    public = _unlock(public)
    assert _edit_team(client, public, "action-publish").status_code == 302
    TeamPage.objects.filter(pk=secret.pk).update(locked=False)
    assert _edit_team(client, TeamPage.objects.get(pk=secret.pk), "action-publish").status_code == 302
    TeamPage.objects.filter(pk=secret.pk).update(locked=True, locked_by=alice)
    assert SECRET in client.get(reverse("wagtailadmin_home")).content.decode()  # as a member: her edits

    bob = make_user("bob")
    Membership.objects.create(team=secret, user=bob, role=Role.ADMIN, state=State.ACTIVE)
    membership.leave(alice, secret)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert SECRET not in home and secret.slug not in home
    assert reverse("wagtailadmin_pages:edit", args=[secret.pk]) not in home
    assert "Fotografie" in home  # her other recent edit is still listed


@pytest.fixture
def portal(home):
    page = home.add_child(instance=DirectRegelenPage(title="Direct regelen", slug="direct-regelen"))
    page.save_revision().publish()
    return DirectRegelenPage.objects.get(pk=page.pk)


def _edit_portal(client, portal, *link_pages):
    data = {
        "title": portal.title,
        "slug": portal.slug,
        "intro": "",
        "tasks-TOTAL_FORMS": str(len(link_pages)),
        "tasks-INITIAL_FORMS": "0",
        "tasks-MIN_NUM_FORMS": "0",
        "tasks-MAX_NUM_FORMS": "1000",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        "action-publish": "1",
    }
    for i, page in enumerate(link_pages):
        data.update({f"tasks-{i}-label": f"taak {i}", f"tasks-{i}-link_page": str(page.pk), f"tasks-{i}-ORDER": i})
    return client.post(reverse("wagtailadmin_pages:edit", args=[portal.pk]), data)


def _linked(portal):
    """The pages the portal's latest revision links (Editors save drafts, Moderators publish)."""
    page = DirectRegelenPage.objects.get(pk=portal.pk).get_latest_revision_as_object()
    return [task.link_page_id for task in page.tasks.all()]


@pytest.mark.parametrize("outsider", ["editors", "moderators"], indirect=True)
def test_a_page_field_refuses_a_hidden_team_and_never_shows_its_name(client, outsider, teams, alice, portal):
    _index, secret, public = teams
    client.force_login(outsider)
    response = _edit_portal(client, portal, secret)
    assert response.status_code == 200  # the form again, with the error
    text = response.content.decode()
    assert SECRET not in text and secret.slug not in text
    assert secret.pk not in _linked(portal)
    # The same form takes a team the editor may see: the refusal is about the hidden team only.
    assert _edit_portal(client, portal, public).status_code == 302
    assert _linked(portal) == [public.pk]

    # A member may choose her own private team; an outsider editing the page later does not see its name.
    client.force_login(alice)
    assert _edit_portal(client, portal, secret, public).status_code == 302
    assert {secret.pk, public.pk} <= set(_linked(portal))
    assert SECRET in client.get(reverse("wagtailadmin_pages:edit", args=[portal.pk])).content.decode()
    client.force_login(outsider)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[portal.pk])).content.decode()
    assert SECRET not in edit and secret.slug not in edit
    assert "Fotografie" in edit


def test_a_content_block_never_takes_or_shows_a_private_team(teams):
    _index, secret, public = teams
    block = CallToActionBlock().child_blocks["page"]
    with pytest.raises(ValidationError):
        block.clean(Page.objects.get(pk=secret.pk))
    assert block.get_form_state(secret) is None and block.get_form_state(secret.pk) is None
    assert block.clean(Page.objects.get(pk=public.pk)).pk == public.pk
    assert block.get_form_state(public)["adminTitle"] == "Fotografie"
