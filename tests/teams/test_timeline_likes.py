"""The timeline's like buttons are made for all posts at once (social.selectors.like_buttons) and
included without a tag per post: each still posts to its own post's like URL, says whether I liked
it, and brings me back to the button."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from social import services as social
from teams import services
from teams.models import TeamPost

pytestmark = pytest.mark.django_db


def test_each_post_has_its_own_like_form(client, open_team, alice, bob):
    services.join(bob, open_team)
    first = services.create_post(alice, open_team, text="Eerste bericht")
    second = services.create_post(alice, open_team, text="Tweede bericht")
    social.like(bob, first)
    client.force_login(bob)

    html = client.get(open_team.url).text

    content_type = ContentType.objects.get_for_model(TeamPost).pk
    for post, liked in ((first, "true"), (second, "false")):
        url = reverse("social:like", args=[content_type, post.pk])
        dom_id = f"like-{content_type}-{post.pk}"
        form = re.search(rf'<form method="post" action="{url}" class="like__form">(.*?)</form>', html, re.S)
        assert form is not None, post.text
        assert f'name="next" value="{open_team.url}#{dom_id}"' in form.group(1)
        assert f'id="{dom_id}"' in form.group(1) and f'aria-pressed="{liked}"' in form.group(1)
    client.post(reverse("social:like", args=[content_type, second.pk]), {"next": open_team.url})
    assert 'aria-pressed="true"' in client.get(second.get_absolute_url()).text
