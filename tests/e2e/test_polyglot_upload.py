"""Issue 14: a photo that is also a script and a web page, posted in a team, never runs in a colleague's
browser: not when they open its link, and not when a page on our origin loads it as a script."""

import io

import pytest
from PIL import Image

from teams import services
from teams.models import Kind, TeamIndexPage, TeamPost
from tests.factories import PersonFactory


def js_polyglot(payload=b"window.__pwned=1;"):
    """A JPEG that Pillow opens and that is also valid JavaScript (read as windows-1252):
    `ÿØÿà/* …JPEG header… */=window.__pwned=1;/* …rest of the JPEG… */`. The APP0 segment's length
    bytes are "/*", so the JPEG stays well-formed while the script comments the image data out."""
    for shade in range(0, 255, 7):
        buffer = io.BytesIO()
        Image.new("RGB", (16, 16), (shade, 40, 90)).save(buffer, "JPEG", quality=90)
        data = buffer.getvalue()
        rest = data[4 + int.from_bytes(data[4:6], "big") :]  # everything after Pillow's own APP0
        if b"*/" in rest:
            continue
        length = 0x2F2A
        tail = b"*/=" + payload + b"/*"
        body = b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
        body += b"\x00" * (length - 2 - len(body) - len(tail)) + tail
        return b"\xff\xd8\xff\xe0" + length.to_bytes(2, "big") + body + rest + b"*/"
    raise AssertionError("every JPEG contained */")


def html_polyglot(script_url):
    """A JPEG whose trailing bytes are a web page that loads the first upload as its script."""
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (10, 120, 60)).save(buffer, "JPEG")
    page = f'<html><body><h1 id="pwned">Gekaapt</h1><script src="{script_url}"></script></body></html>'
    return buffer.getvalue() + page.encode()


@pytest.fixture(autouse=True)
def _media_through_plein(monkeypatch):
    """Django's live server sends /media/ files itself, past every check; here Plein's view must."""
    from django.test.testcases import _MediaFilesHandler

    monkeypatch.setattr(_MediaFilesHandler, "_should_handle", lambda self, path: False)


@pytest.fixture
def colleagues(transactional_db):
    alice = PersonFactory(first_name="Alice", last_name="Admiraal", user__username="alice").user
    bob = PersonFactory(first_name="Bob", last_name="Bakker", user__username="bob").user
    team = services.create_team(alice, title="Fotografie", description="Foto's delen.", kind=Kind.OPEN)
    assert TeamIndexPage.objects.exists()
    return alice, bob, team


def post_photo(page, team, name, data):
    page.goto(team.url)
    page.get_by_label("Je bericht").fill(f"Kijk eens: {name}")
    page.set_input_files('input[name="image"]', files=[{"name": name, "mimeType": "text/html", "buffer": data}])
    page.get_by_role("button", name="Bericht plaatsen").click()
    page.wait_for_load_state()
    assert page.get_by_text("Je bericht is geplaatst.").is_visible()
    return TeamPost.objects.filter(team=team).order_by("-pk").first().image.url


def test_an_uploaded_polyglot_never_runs_as_script_nor_renders_as_a_page(new_page, live_server, colleagues):
    alice, bob, team = colleagues
    page = new_page(user=alice)
    script_url = post_photo(page, team, "x.js", js_polyglot())
    page_url = post_photo(page, team, "x.html", html_polyglot(script_url))

    colleague = new_page(user=bob)
    dialogs = []
    colleague.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    # Opening the link: the browser gets an image, not a page; nothing of the HTML is parsed.
    response = colleague.goto(live_server.url + page_url)
    assert response.status == 200
    assert response.headers["content-type"] == "image/jpeg"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert colleague.evaluate("document.contentType") == "image/jpeg"
    assert colleague.locator("#pwned").count() == 0
    assert colleague.evaluate("typeof window.__pwned") == "undefined"

    # A page on our own origin (any HTML that ever got through) that loads the first upload as a script.
    probe = f"{live_server.url}/__probe__/"
    colleague.route(
        probe,
        lambda route: route.fulfill(
            status=200,
            headers={"Content-Type": "text/html; charset=windows-1252"},
            body=f'<html><body><script src="{script_url}"></script><p id="done">klaar</p></body></html>',
        ),
    )
    with colleague.expect_response(lambda r: r.url.endswith(script_url)) as script_response:
        colleague.goto(probe)
    assert script_response.value.headers["content-type"] == "image/jpeg"
    colleague.wait_for_load_state("load")
    assert colleague.locator("#done").is_visible()
    assert colleague.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
