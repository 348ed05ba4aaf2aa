"""Team pages in the Wagtail page tree: listed, editable, and whoever adds one there becomes its admin."""

import pytest
from django.urls import reverse

from teams.models import Membership, TeamPage

pytestmark = pytest.mark.django_db


def test_team_pages_are_in_the_page_tree_and_editable(admin_client, open_team, team_index):
    listing = admin_client.get(reverse("wagtailadmin_explore", args=[team_index.pk]))
    assert listing.status_code == 200 and "Fotografie" in listing.text
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[open_team.pk]))
    assert edit.status_code == 200
    assert 'name="description"' in edit.text and 'name="kind"' in edit.text


def test_a_team_added_in_the_admin_gets_its_creator_as_admin(admin_client, superuser, team_index):
    url = reverse("wagtailadmin_pages:add", args=["teams", "teampage", team_index.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url,
        {
            "title": "Redactieraad",
            "slug": "redactieraad",
            "description": "Overleg van de redactie.",
            "kind": "closed",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    team = TeamPage.objects.get(slug="redactieraad")
    assert team.live and team.member_count == 1
    assert Membership.objects.get(team=team).user == superuser
