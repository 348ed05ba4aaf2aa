"""Nothing is visible without login: every URL pattern and every live page, requested anonymously."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.models import Page

pytestmark = pytest.mark.django_db

# The only doors open to anonymous visitors, by URL name.
OPEN_NAMES = {
    "login",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "health",
    # Single sign-on (people/sso_views.py): to the provider and back; 404 while OIDC is off.
    "oidc_authentication_init",
    "oidc_authentication_callback",
    # Calendar clients fetch feeds without a session; the secret token in the URL is the key.
    "rooms:person_feed",
    "rooms:room_feed",
}
# The integration API (api/urls.py) is not sent to the login page: without a valid token (or, for its
# read endpoints, a session) it answers 401 with a JSON error and nothing else.
API_PREFIX = "api-v1:"
SAMPLE_VALUES = {"int": "1", "slug": "x", "uuid": "00000000-0000-0000-0000-000000000000", "path": "x/y"}


def _sample_from_regex(pattern):
    """Fill a regex route's groups with plausible values so the view itself is reached."""
    route = pattern.lstrip("^").rstrip("$").replace("\\Z", "")

    def group(match):
        body = match.group(0)
        if "\\d" in body or "[0-9]" in body:
            return "1"
        return "x"

    route = re.sub(r"\(\?P<\w+>[^)]*\)", group, route)
    route = re.sub(r"\([^)]*\)[?*]?", "", route)
    route = route.replace(".*", "x").replace(".+", "x")
    return route.replace("\\", "").replace("?", "")


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, prefix + _route(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            yield (namespace + (entry.name or "")), prefix + _route(entry.pattern)


def _route(pattern):
    if hasattr(pattern, "_route"):
        route = pattern._route
        for converter, value in SAMPLE_VALUES.items():
            route = re.sub(rf"<{converter}:\w+>", value, route)
        return re.sub(r"<(?:str:)?\w+>", "x", route)
    return _sample_from_regex(pattern._regex)


def all_sample_urls():
    return sorted({(name, "/" + path) for name, path in _walk(get_resolver().url_patterns)})


def _assert_closed(response, url, client=None):
    hops = 0
    while response.status_code in (301, 302, 303, 307, 308) and hops < 3:
        location = response["Location"]
        if location.startswith("/inloggen/"):
            return
        # Some admin views send anonymous users to the admin login first, which sends them on to ours.
        assert client is not None and location.startswith("/"), f"{url} redirects anonymous users to {location}"
        response = client.get(location)
        hops += 1
    if response.status_code in (301, 302, 303, 307, 308):
        raise AssertionError(f"{url} redirects anonymous users to {response['Location']}, not to login")
    assert response.status_code in (404, 405), f"{url} answered {response.status_code} to an anonymous user"


def test_the_crawl_covers_the_apps():
    urls = dict(all_sample_urls())
    assert len(urls) > 100  # Wagtail admin alone has hundreds; a broken walker finds a handful
    assert "search:results" in urls


def test_every_url_pattern_is_closed_to_anonymous_users(client):
    checked = 0
    for name, url in all_sample_urls():
        if name in OPEN_NAMES or url.startswith("/static/"):
            continue
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if name.startswith(API_PREFIX) and response.status_code == 401:
                assert set(response.json()) == {"status", "detail", "detail_en"}, url
                continue
            _assert_closed(response, f"{method.upper()} {url} ({name})", client)
        checked += 1
    assert checked > 100


def test_every_live_page_is_closed_to_anonymous_users(client, home):
    from home.models import ContentPage

    home.add_child(instance=ContentPage(title="Hulp", slug="hulp", body="<p>geheim</p>"))
    pages = Page.objects.live().filter(depth__gt=1)
    assert pages.count() >= 2
    for page in pages:
        url = page.url
        response = client.get(url)
        _assert_closed(response, url, client)
        assert b"geheim" not in response.content


def test_open_pages_really_are_open(client):
    assert client.get("/inloggen/").status_code == 200
    assert client.get("/wachtwoord-vergeten/").status_code == 200
    assert client.get("/health/").status_code == 200


def test_uploaded_media_needs_login(client, employee, settings, tmp_path):
    target = settings.MEDIA_ROOT / "images" / "foto.txt"
    target.parent.mkdir(parents=True)
    target.write_text("vertrouwelijk")
    assert client.get("/media/images/foto.txt")["Location"].startswith("/inloggen/")
    client.force_login(employee)
    response = client.get("/media/images/foto.txt")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"vertrouwelijk"


def test_media_view_refuses_path_traversal(client, employee, settings):
    client.force_login(employee)
    assert client.get("/media/../intranet/settings/base.py").status_code == 404
    assert client.get("/media/%2e%2e/manage.py").status_code == 404


def test_search_is_closed_and_leaks_no_titles(client, home):
    from home.models import ContentPage

    home.add_child(instance=ContentPage(title="Reorganisatie Sociaal Domein", slug="reorganisatie"))
    response = client.get("/zoeken/?q=Reorganisatie")
    assert response.status_code == 302
    assert b"Reorganisatie" not in response.content


def test_admin_login_is_the_intranet_login(client, superuser):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response["Location"].startswith("/inloggen/?next=/admin/login/")
    client.force_login(superuser)
    assert client.get("/admin/login/?next=/admin/pages/")["Location"] == "/admin/pages/"
    assert client.get("/admin/login/?next=https://evil.example/")["Location"] == "/admin/"
    assert client.get("/admin/password_reset/")["Location"] == "/wachtwoord-vergeten/"
