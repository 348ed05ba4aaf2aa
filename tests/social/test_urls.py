"""django-comments-xtd's URLs: no API, no write views that bypass social.services, nothing anonymous."""

import pytest
from django.urls import URLPattern, get_resolver

from social.comment_urls import urlpatterns as comment_patterns

pytestmark = pytest.mark.django_db


def test_no_api_and_no_bypassing_write_views_mounted():
    names = {p.name for p in comment_patterns}
    assert names == {"comments-url-redirect"}
    assert not names & {"comments-post-comment", "comments-xtd-reply", "comments-flag", "comments-xtd-like"}
    assert all("api" not in str(p.pattern) for p in comment_patterns)


def _concrete(route):
    return route.lstrip("^").rstrip("$").replace("(\\d+)", "1").replace("(.+)", "x").replace("(?P<key>[^/]+)", "k")


def all_comment_urls():
    return ["/reacties/" + _concrete(str(p.pattern)) for p in comment_patterns if isinstance(p, URLPattern)]


def test_every_comments_url_sends_anonymous_visitors_to_login(client):
    urls = all_comment_urls() + ["/reacties/api/comment/", "/reacties/post/", "/sociaal/meldingen/"]
    for url in urls:
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, url
            assert "/inloggen/" in response["Location"], url


def test_api_is_not_there_for_employees(employee_client):
    assert employee_client.get("/reacties/api/comment/").status_code == 404
    assert employee_client.post("/reacties/post/", {"comment": "x"}).status_code in (404, 405)


def test_every_url_is_resolvable():
    resolver = get_resolver()
    for url in all_comment_urls():
        resolver.resolve(url)


def test_the_comment_permalink_checks_who_may_see_the_target(client, employee):
    """contenttypes' shortcut would redirect to any object; the permalink must ask the social layer."""
    from django.contrib.contenttypes.models import ContentType

    from teams import services as teams
    from teams.models import Kind, TeamPost
    from tests.factories import PersonFactory

    owner = PersonFactory().user
    secret = teams.create_team(owner, title="Geheim overleg", description="", kind=Kind.PRIVATE)
    post = teams.create_post(owner, secret, text="Alleen voor ons")
    url = f"/reacties/cr/{ContentType.objects.get_for_model(TeamPost).pk}/{post.pk}/"
    client.force_login(employee)
    assert client.get(url).status_code == 404
    client.force_login(owner)
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == post.get_absolute_url()
