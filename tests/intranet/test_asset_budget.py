"""The page weight budget: at most 50 KB of gzip-compressed CSS and JS that a page links to."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders

from tests.home.conftest import fill_homepage  # noqa: F401  (a page of every kind with data)

pytestmark = pytest.mark.django_db

BUDGET = 50 * 1024
ASSET = re.compile(r'<link rel="stylesheet" href="/static/([^"]+)"|<script src="/static/([^"]+)"')


def linked_assets(html):
    return sorted({css or js for css, js in ASSET.findall(html)})


def gzip_size(static_path):
    path = finders.find(static_path)
    assert path, f"{static_path} is linked but not found"
    with open(path, "rb") as handle:
        return len(gzip.compress(handle.read(), compresslevel=9))


@pytest.mark.parametrize("path", ["/", "/nieuws/", "/teams/", "/prikbord/", "/apps/", "/zalen/", "/direct-regelen/"])
def test_css_and_js_a_page_links_to_stay_within_50_kb_compressed(employee_client, request, path):
    from teams.services import ensure_index_page

    request.getfixturevalue("fill_homepage")(2)
    ensure_index_page()
    response = employee_client.get(path, follow=True)
    assert response.status_code == 200, path
    assets = linked_assets(response.content.decode())
    assert "css/plein.css" in assets and "vendor/nlds/utrecht-components.css" in assets
    total = sum(gzip_size(asset) for asset in assets)
    assert total <= BUDGET, f"{path}: {total} bytes compressed in {assets}"


def test_the_budget_counts_what_is_linked():
    html = '<link rel="stylesheet" href="/static/css/plein.css"><script src="/static/js/plein.js" defer></script>'
    assert linked_assets(html) == ["css/plein.css", "js/plein.js"]
    assert 0 < gzip_size("css/plein.css") < BUDGET
