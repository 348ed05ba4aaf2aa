"""The homepage as a designed page: news cards with a featured item, apps as tiles with a separate
"Aanpassen" mode, the notice board's newest posts, the teams' activity as a stream."""

import re

import pytest

pytestmark = pytest.mark.django_db


def _block(html, key):
    match = re.search(rf'<div class="home-block[^"]*" data-block="{re.escape(key)}">(.*?)</section>', html, re.S)
    assert match, f"no block {key}"
    return match.group(1)


def test_news_are_cards_with_one_featured_and_a_designed_stand_in_without_picture(employee_client, fill_homepage):
    fill_homepage(3)
    news = _block(employee_client.get("/").content.decode(), "news.latest")
    assert len(re.findall(r'<li class="news-card', news)) == 3
    assert news.count("news-card--featured") == 1
    featured = news[news.index("news-card--featured") : news.index("</li>")]
    assert "Bericht 0" in featured  # the pinned item leads
    assert news.count('class="media-fallback ') == 3  # no header images in this data
    assert 'aria-hidden="true"' in news


def test_a_header_image_is_shown_on_the_card(employee_client, fill_homepage):
    from wagtail.images.models import Image as WagtailImage

    from news.models import NewsPage
    from tests.home.conftest import image_upload

    fill_homepage(1)
    image = WagtailImage.objects.create(title="Stadhuis", file=image_upload("stadhuis.jpg"))
    page = NewsPage.objects.get()
    page.header_image = image
    page.save_revision().publish()
    news = _block(employee_client.get("/").content.decode(), "news.latest")
    assert re.search(r'<img alt="" [^>]*src="/media/images/stadhuis\.\w+\.fill-480x270\.jpg"', news)
    assert "media-fallback" not in news


def test_apps_are_plain_tiles_and_customising_happens_on_the_apps_page(employee_client, fill_homepage):
    fill_homepage(4)
    apps = _block(employee_client.get("/").content.decode(), "launcher.apps")
    assert "App 0" in apps
    assert "<button" not in apps and "<form" not in apps  # no pin controls on every tile
    assert re.search(r'<a class="block-head__action" href="/apps/#my-apps-title">Aanpassen', apps)
    assert "Zet " in employee_client.get("/apps/").content.decode()  # the controls live there


def test_the_notice_boards_newest_posts_with_photos(employee_client, fill_homepage):
    fill_homepage(6)
    board = _block(employee_client.get("/").content.decode(), "prikbord.newest")
    titles = re.findall(r'<a href="/prikbord/\d+/">([^<]+)</a>', board)
    assert titles == ["Fiets 5", "Fiets 4", "Fiets 3", "Fiets 2"]
    assert board.count("<img ") == 2 and board.count('class="media-fallback ') == 2  # even numbers have a photo


def test_team_activity_reads_who_what_where(employee_client, person):
    from teams import membership, posting
    from teams import services as team_services
    from tests.factories import PersonFactory

    colleague = PersonFactory(first_name="Ilse", last_name="Heijmans")
    team = team_services.create_team(colleague.user, title="Fietsclub", description="Samen fietsen", kind="open")
    membership.join(person.user, team)
    posting.create_post(colleague.user, team, text="Zaterdag rijden we naar Zandvoort.")
    stream = _block(employee_client.get("/").content.decode(), "teams.activity")
    assert re.search(r'<span class="avatar avatar--small activity__avatar" aria-hidden="true">IH</span>', stream)
    assert re.search(r"<strong>Ilse Heijmans</strong> schreef in <a href=\"/teams/fietsclub/\">Fietsclub</a>", stream)
    assert "Zaterdag rijden we naar Zandvoort." in stream
