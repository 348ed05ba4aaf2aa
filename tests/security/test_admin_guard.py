# ruff: noqa: F811  (fixtures imported from the admin test module are used as arguments)
"""Issue 14, violation 2, second round: admin URLs that name a private team as the *other* page (a
move's destination, a copy's posted parent, a new page's parent, an editing session's object) answer
404 to outsiders, as for a page that does not exist, so no confirmation message can name it."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from tests.security.test_admin_private_teams import (  # noqa: F401
    OUTSIDERS,
    SECRET,
    alice,
    department_editor,
    outsider,
    teams,
)

pytestmark = pytest.mark.django_db
MISSING = 987654


def _urls(secret, movable):
    return [
        ("get", reverse("wagtailadmin_pages:move_confirm", args=[movable.pk, secret.pk]), {}),
        ("post", reverse("wagtailadmin_pages:copy", args=[movable.pk]), {"new_parent_page": secret.pk}),
        ("get", reverse("wagtailadmin_pages:add", args=["wagtailcore", "page", secret.pk]), {}),
        ("get", reverse("wagtailadmin_pages:add_subpage", args=[secret.pk]), {}),
        (
            "post",
            reverse("wagtailadmin_editing_sessions:ping", args=["wagtailcore", "page", secret.pk, 0]),
            {},
        ),
        ("post", reverse("wagtailadmin_editing_sessions:ping", args=["teams", "teampage", secret.pk, 0]), {}),
    ]


@pytest.mark.parametrize("outsider", OUTSIDERS, indirect=True)
def test_urls_naming_a_private_team_as_the_other_page_answer_404(client, outsider, teams, home):
    _index, secret, _public = teams
    movable = home.add_child(instance=Page(title="Verplaatsbaar", slug="verplaatsbaar"))
    client.force_login(outsider)
    for method, url, data in _urls(secret, movable):
        response = getattr(client, method)(url, data)
        assert response.status_code == 404, (url, response.status_code)
        assert SECRET not in response.content.decode(), url


def test_a_copy_to_a_missing_or_odd_parent_is_404_not_500(client, superuser, home):
    movable = home.add_child(instance=Page(title="Verplaatsbaar", slug="verplaatsbaar"))
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:copy", args=[movable.pk])
    for parent in (MISSING, "x", "9" * 30):
        assert client.post(url, {"new_parent_page": parent}).status_code == 404, parent


def test_members_still_reach_those_urls(client, teams, alice, home):
    """The guard hides the team from outsiders only: for its admin the same URLs work."""
    _index, secret, _public = teams
    client.force_login(alice)
    ping = reverse("wagtailadmin_editing_sessions:ping", args=["wagtailcore", "page", secret.pk, 0])
    assert client.post(ping).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[secret.pk])).status_code == 200
