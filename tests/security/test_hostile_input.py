"""Hostile query input: every GET form and GET endpoint answers below 500 and escapes what it echoes.

The list of endpoints is checked against the code: every template with a `method="get"` form and every
module that reads `request.GET` must be covered here, so a new GET form cannot slip past this test.
"""

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings

from intranet.plugins import SearchResult
from search.services import click_url
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
SCRIPT = '<script>alert("plein")</script>'
IMG = '"><img src=x onerror=alert(1)>'

# Already percent-encoded: the raw bytes an attacker can put in a URL, invalid UTF-8 included.
HOSTILE = [
    quote(text, safe="")
    for text in [
        "a\x00b",
        "\x00",
        "a\x01\x1f\x7fb",
        '"',
        'verlof "aanvragen',
        '""" "',
        "*",
        "verlof*",
        "(",
        "((a) OR",
        ")",
        "AND OR NOT",
        "NEAR(a b)",
        "a NEAR/2 b",
        "title:verlof",
        "^verlof",
        "-verlof +ziek",
        "%",
        "_",
        "%_%",
        "\\",
        "a\\\\b\\",
        "'",
        "a' OR '1'='1",
        "'; DROP TABLE wagtailcore_page; --",
        "1 UNION SELECT password FROM auth_user",
        "x" * 10_000,
        "verlof " * 2_000,
        "😀 👩‍👩‍👧 🇳🇱",
        "Дмитрий ✓",
        "\u202eevil\u202c",
        "\u200b\u200d\ufeff",
        SCRIPT,
        IMG,
        "{{ 7*7 }} {% debug %}",
        "%s %d %(x)s {0}",
        "\r\nSet-Cookie: x=1",
        "../../etc/passwd",
        "@@",
    ]
] + ["%C0%AF", "%FF", "%FE%FF", "%ED%A0%80", "%E2%82", "a%", "%zz", "%%00"]

# Source file -> the GET endpoints (URL, query parameter names) it is behind. `{people}`, `{teams}`,
# `{news}` and `{portal}` are filled with live pages' URLs.
ENDPOINTS = {
    "search/views.py": [
        ("/zoeken/", ["q", "soort", "pagina"]),
        ("/zoeken/suggesties/", ["q"]),
        ("/zoeken/ga/", ["r"]),
    ],
    "search/templates/search/results.html": [("/zoeken/", ["q"])],
    "search/templates/search/busy.html": [("/zoeken/", ["q"])],  # the same view when searches are busy
    "search/templates/search/includes/search_form.html": [("/zoeken/", ["q", "soort"])],
    "search/templates/search/includes/header_search.html": [("/zoeken/", ["q"])],
    "home/templates/home/home_page.html": [("/", ["q"])],
    "search/admin_views.py": [("/admin/reports/zoekstatistieken/", ["dagen"])],
    "teams/views.py": [("{teams}", ["q", "page"])],
    "teams/templates/teams/index.html": [("{teams}", ["q"])],
    "teams/upkeep/views.py": [
        ("/teams-acties/beheer/stil/", ["page"]),
        ("/teams-acties/beheer/gearchiveerd/", ["page"]),
        ("/teams-acties/beheer/samenvoegen/", ["source", "target"]),
        ("/teams-acties/beheer/vergelijkbaar/", ["title", "format"]),
    ],
    "people/views.py": [("{people}", ["q", "unit", "location", "expertise", "letter", "page", "partial"])],
    "people/templates/people/directory.html": [("{people}", ["q"])],
    "launcher/views.py": [("/apps/", ["q", "categorie"])],
    "launcher/templates/launcher/index.html": [("/apps/", ["q", "categorie"])],
    "prikbord/views.py": [
        ("/prikbord/", ["q", "categorie", "page"]),
        ("/prikbord/mijn-berichten/", ["page"]),
    ],
    "prikbord/templates/prikbord/board.html": [("/prikbord/", ["q", "categorie"])],
    "social/admin_views.py": [("/admin/social/moderatie/1/", ["actie"])],  # hide, keep or restore
    "social/views.py": [
        ("/sociaal/noemen/", ["q"]),
        ("/sociaal/meldingen/", ["page"]),
        ("/sociaal/meldingen/instellingen/", ["next"]),
    ],
    "rooms/views.py": [
        ("/zalen/", ["building", "date"]),
        ("/zalen/zoeken/", ["date", "start_time", "end_time", "people", "facility", "building"]),
        ("/zalen/reserveren/", ["room", "date", "title", "attendees", "start", "end"]),
        ("/zalen/mijn-reserveringen/", ["page"]),
    ],
    "agenda/views.py": [
        ("/agenda/", ["filter", "pagina"]),
        ("/agenda/maand/", ["maand", "filter"]),
        ("/agenda/archief/", ["filter", "pagina"]),
    ],
    "rooms/templates/rooms/find.html": [("/zalen/zoeken/", ["date", "people", "building"])],
    "rooms/templates/rooms/day.html": [("/zalen/", ["building", "date"])],
    "directregelen/views.py": [("/aanvragen/", ["page"])],
    "news/routes.py": [("{news}", ["page"])],
    "social/templatetags/social_tags.py": [("{news_item}", ["reacties", "reactie"])],  # comment paging
    "news/models.py": [("{news_item}", ["reacties"])],  # the comment page it prefetches
    "home/views.py": [("/start/fotos/", ["page"])],
    "intranet/views.py": [("/admin/login/", ["next"]), ("/_util/login/", ["next"])],
    "intranet/web.py": [("/admin/login/", ["next"]), ("/sociaal/meldingen/instellingen/", ["next"])],  # safe_next
    "insights/admin_views.py": [("/admin/inzichten/", ["dagen", "van", "tot", "basis", "tabel", "format"])],
    "insights/templates/insights/admin/dashboard.html": [("/admin/inzichten/", ["dagen", "van", "tot"])],
    # With SSO off these are 404; tests/people/test_sso.py throws the same strings at them with SSO on.
    "people/sso_views.py": [("/oidc/callback/", ["code", "state", "error"]), ("/oidc/authenticate/", ["next"])],
    "people/sso.py": [("/oidc/callback/", ["code", "state"])],
    # The API's read endpoints, with an employee's session (api/routes/content.py; ninja reads the query).
    "api/routes/content.py": [
        ("/api/v1/news", ["since", "category", "pinned", "cursor", "page_size"]),
        ("/api/v1/pages", ["type", "changed_since", "cursor"]),
        ("/api/v1/people", ["q", "unit", "cursor", "page_size"]),
    ],
    "intranet/query_cleaning.py": [],  # the cleaner itself, in front of all of these
    "teams/admin_visibility.py": [("/admin/choose-page/chosen-multiple/", ["id"])],
    # Not ours, but behind the same query strings: Wagtail's admin search and choosers.
    "wagtail admin": [
        ("/admin/pages/search/", ["q", "p"]),
        ("/admin/choose-page/search/", ["q"]),
        ("/admin/documents/", ["q"]),
        ("/admin/images/", ["q"]),
        ("/admin/snippets/search/synonym/", ["q"]),
    ],
}

# Paths with a control character: 404, never a 500 from the database or the page router.
HOSTILE_PATHS = [
    "/aanvragen/a%00b/",
    "/aanvragen/%00/",
    "/teams/a%00b/",
    "/mensen/a%00b/",
    "/zoeken/%00/",
    "/prikbord/%00/",
    "/agenda/%00/",
    "/nieuws/a%00b/",
    "/direct-regelen/%00/",
    "/a%01b/",
    "/a%0Ab/",
    "/a%7Fb/",
    "/media/a%00b.jpg",
    "/admin/pages/%00/",
]

_GET_FORM = re.compile(r"""method=["']get["']""", re.IGNORECASE)
_READS_GET = re.compile(r"request\.GET\b")


def _sources_with_get_input():
    found = set()
    for path in ROOT.rglob("*"):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith((".venv/", "tests/", "node_modules/", ".git/", "static/")) or not path.is_file():
            continue
        if path.suffix == ".html" and _GET_FORM.search(path.read_text(errors="ignore")):
            found.add(relative)
        elif path.suffix == ".py" and _READS_GET.search(path.read_text(errors="ignore")):
            found.add(relative)
    return found


def test_every_get_form_and_get_reading_view_is_covered():
    missing = _sources_with_get_input() - set(ENDPOINTS)
    assert not missing, f"GET input not covered by the hostile-input test: {sorted(missing)}"


@pytest.fixture
def site(home):
    """The pages behind the endpoints: a news index, a portal, and the teams and people indexes."""
    from directregelen.models import DirectRegelenPage
    from news.models import NewsIndexPage
    from people.models import PeopleIndexPage
    from teams.models import TeamIndexPage

    for page in (NewsIndexPage(title="Nieuws", slug="nieuws"), DirectRegelenPage(title="DR", slug="direct-regelen")):
        home.add_child(instance=page)
        page.save_revision().publish()
    from news.models import NewsPage

    item = NewsIndexPage.objects.get().add_child(instance=NewsPage(title="Bericht", slug="bericht"))
    item.save_revision().publish()
    return {
        "news_item": NewsPage.objects.get().url,
        "people": PeopleIndexPage.objects.get().url,
        "teams": TeamIndexPage.objects.get().url,
        "news": NewsIndexPage.objects.get().url,
    }


@pytest.fixture
def manager(db):
    """A community manager who is also a Wagtail editor: reaches the admin and the health pages."""
    user = PersonFactory(user__username="beheerder").user
    user.is_superuser = True
    user.save()
    return user


def _check(response, url):
    assert response.status_code in (200, 301, 302, 400, 404), f"{url} answered {response.status_code}"
    if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
        body = response.content.decode("utf-8", "replace")
        assert SCRIPT not in body, f"{url} echoes a script unescaped"
        assert "<img src=x onerror" not in body, f"{url} echoes markup unescaped"
        assert "\x00" not in body, f"{url} echoes a NUL byte"


def _endpoints():
    """Each URL once, with the union of its parameter names."""
    merged = {}
    for endpoints in ENDPOINTS.values():
        for url, params in endpoints:
            merged.setdefault(url, [])
            merged[url] += [name for name in params if name not in merged[url]]
    return sorted(merged.items())


# Free-text search inputs get every hostile value; other inputs (pages, dates, choices, `next`) a
# sample of each kind, since the same middleware cleans them all.
TEXT_INPUTS = {"q", "title"}
SAMPLE = [
    quote(text, safe="")
    for text in ("a\x00b", "a\x01\x1f\x7fb", '"', "(", "a\\b\\", "'; DROP TABLE x; --", "x" * 10_000, SCRIPT, IMG)
] + ["%C0%AF", "%FF", "%ED%A0%80"]


@pytest.mark.parametrize(("url", "params"), _endpoints())
def test_hostile_query_strings_never_break_a_get_endpoint(client, manager, site, url, params):
    client.force_login(manager)
    url = url.format(**site)
    is_admin_page = url.startswith("/admin/")
    values = HOSTILE if TEXT_INPUTS & set(params) and not is_admin_page else SAMPLE
    for value in values:
        full = f"{url}?" + "&".join(f"{name}={value}" for name in params)
        _check(client.get(full), full)
    # A hostile name, and a NUL under an unknown name.
    _check(client.get(f"{url}?a%00b=%22&x=a%00b"), url)


def test_search_answers_for_fts_syntax_on_every_provider(client, employee, site):
    """A lone quote used to be an FTS syntax error on SQLite; each provider gets the text on its own."""
    from search.registry import get_providers

    client.force_login(employee)
    texts = ['"', 'a"b', "verlof*", "(", "NEAR(", "a AND OR NOT", ":", "^", "-", "+x", "\\"]
    for text in texts:
        assert client.get("/zoeken/", {"q": text}).status_code == 200, text
        assert client.get("/zoeken/suggesties/", {"q": text}).status_code == 200, text
    for kind in [provider.kind for provider in get_providers()]:  # paginated, one provider at a time
        for text in ('"', 'x" OR "'):
            assert client.get("/zoeken/", {"q": text, "soort": kind}).status_code == 200, (kind, text)


def test_a_nul_byte_is_removed_before_any_view_reads_it(client, employee, site):
    client.force_login(employee)
    response = client.get("/zoeken/?q=ver%00lof")
    assert response.status_code == 200
    assert response.context["query"] == "verlof"
    suggestions = client.get("/zoeken/suggesties/?q=ver%00lof%01").json()
    assert suggestions["query"] == "verlof"


def test_long_values_are_capped(client, employee, site):
    from intranet.query_cleaning import MAX_VALUE_LENGTH

    client.force_login(employee)
    response = client.get("/zoeken/", {"q": "x" * 10_000})
    assert response.status_code == 200
    assert len(response.wsgi_request.GET["q"]) == MAX_VALUE_LENGTH


def test_too_many_parameters_are_refused(client, employee):
    from intranet.query_cleaning import MAX_PARAMETERS

    client.force_login(employee)
    query = "&".join(f"p{number}=1" for number in range(MAX_PARAMETERS + 1))
    assert client.get(f"/zoeken/?q=a&{query}").status_code == 400
    assert client.get(f"/zoeken/?q=a&{query.rsplit('&', 2)[0]}").status_code == 200


@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_control_characters_in_the_path_give_404(client, employee, site, path):
    client.force_login(employee)
    assert client.get(path).status_code == 404


def test_wagtail_search_backend_never_sees_query_syntax(site):
    """Wagtail's own search (the admin's page search, choosers) goes through the same backend."""
    from wagtail.models import Page
    from wagtail.search.query import And, Or, Phrase, PlainText

    for query in ['"', 'a"b*', "(((", "NEAR(", PlainText('"'), Phrase('a"'), Or([PlainText('"'), PlainText("x")])]:
        list(Page.objects.search(query))
        list(Page.objects.autocomplete(query if isinstance(query, str) else 'x"'))
    list(Page.objects.search(And([PlainText("(*"), PlainText("a")])))
    list(Page.objects.search(" ".join(["woord"] * 3000)))


def test_a_long_signed_click_token_still_fits(client, employee):
    client.force_login(employee)
    result = SearchResult(title="Één ✓ " * 60, url="/mensen/" + "ä" * 240 + "/", kind="people")
    response = client.get(click_url(result))
    assert response.status_code == 302
