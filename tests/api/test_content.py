"""News, pages and people: what every employee sees on the front end, and nothing more."""

import pytest

from home.models import ContentPage
from teams.models import Kind
from teams.posting import create_post
from tests.api.conftest import Caller, count_queries, make_token
from tests.factories import PersonFactory
from tests.news.conftest import publish_under

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client):
    return Caller(client, make_token(["news:read", "people:read"])[1])


def test_news_lists_published_items_newest_first(reader, make_news):
    first, second = make_news("Nieuwe werkplekken"), make_news("Kerstborrel")
    draft = make_news("Concept")
    draft.unpublish()
    body = reader.get("/api/v1/news").json()
    assert [item["title"] for item in body["results"]] == [first.title, second.title]
    item = body["results"][0]
    assert item["author"] == "Ingrid van der Linden" and item["url"].endswith("/bericht-1/")
    detail = reader.get(f"/api/v1/news/{first.pk}").json()
    assert detail["title"] == "Nieuwe werkplekken" and "body_html" in detail
    assert reader.get(f"/api/v1/news/{draft.pk}").status_code == 404


def test_a_view_restricted_news_item_is_not_listed(reader, make_news):
    from wagtail.models import PageViewRestriction

    hidden = make_news("Alleen voor directie")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    PageViewRestriction.objects.filter(page=hidden).update(restriction_type=PageViewRestriction.GROUPS)
    assert "Alleen voor directie" not in reader.get("/api/v1/news").content.decode()
    assert reader.get(f"/api/v1/news/{hidden.pk}").status_code == 404


def test_news_cursor_pagination(reader, make_news):
    made = [make_news().title for _ in range(5)]
    seen, url = [], "/api/v1/news?page_size=2"
    while url:
        body = reader.get(url).json()
        seen += [item["title"] for item in body["results"]]
        url = body["next"]
    assert seen == made


def test_pages_list_content_pages_but_never_teams(reader, home, make_team, alice):
    publish_under(
        home, ContentPage(title="Thuiswerken", slug="thuiswerken", intro="Zo werk je thuis", body="<p>Tekst</p>")
    )
    for kind, title in ((Kind.OPEN, "Fotografie"), (Kind.CLOSED, "Ambassadeurs"), (Kind.PRIVATE, "Reorganisatie ICT")):
        team = make_team(title, kind, description="Vertrouwelijk overleg.")
        create_post(alice, team, text="Geheim plan")
    body = reader.get("/api/v1/pages").content.decode()
    assert "Thuiswerken" in body
    for secret in ("Reorganisatie", "Fotografie", "Ambassadeurs", "Vertrouwelijk", "Geheim"):
        assert secret not in body
    page_id = reader.get("/api/v1/pages").json()["results"][0]["id"]
    detail = reader.get(f"/api/v1/pages/{page_id}").json()
    assert detail["intro"] == "Zo werk je thuis" and "<p>Tekst</p>" in detail["body_html"]
    from teams.models import TeamPage

    for team in TeamPage.objects.all():
        assert reader.get(f"/api/v1/pages/{team.pk}").status_code == 404
    assert reader.get("/api/v1/pages", {"type": "teampage"}).status_code == 400


def test_people_show_only_the_directory_cards_fields(reader):
    person = PersonFactory(
        first_name="Sanne", last_name="de Vries", job_title="Jurist", phone="06-12345678", bio="Geheim"
    )
    PersonFactory(first_name="Oud", last_name="Collega", is_active=False)
    body = reader.get("/api/v1/people").json()
    assert [item["name"] for item in body["results"]] == [person.full_name]
    item = body["results"][0]
    assert set(item) == {"slug", "name", "job_title", "organisation_unit", "location", "ambassador", "expertise", "url"}
    text = str(body)
    assert "06-12345678" not in text and "Geheim" not in text and person.email not in text
    assert reader.get(f"/api/v1/people/{person.slug}").json()["job_title"] == "Jurist"
    assert reader.get("/api/v1/people", {"q": "jurist"}).json()["results"][0]["slug"] == person.slug
    assert reader.get("/api/v1/people", {"unit": "bestaat-niet"}).status_code == 400


def test_an_inactive_person_is_404(reader):
    gone = PersonFactory(first_name="Oud", last_name="Collega", is_active=False)
    assert reader.get(f"/api/v1/people/{gone.slug}").status_code == 404


def test_an_employees_session_reads_the_same(client, employee, make_news):
    make_news("Nieuwe werkplekken")
    client.force_login(employee)
    assert client.get("/api/v1/news").json()["results"][0]["title"] == "Nieuwe werkplekken"
    assert client.get("/api/v1/people").status_code == 200


def test_news_list_query_count_is_fixed(reader, make_news):
    from news.models import Category

    category = Category.objects.create(name="Organisatie", slug="organisatie")
    make_news().categories.add(category)
    few = count_queries(reader, "/api/v1/news")
    for _ in range(8):
        make_news().categories.add(category)
    assert count_queries(reader, "/api/v1/news") == few


def test_pages_and_people_list_query_counts_are_fixed(reader, home):
    publish_under(home, ContentPage(title="Pagina 0", slug="pagina-0"))
    PersonFactory()
    few_pages, few_people = count_queries(reader, "/api/v1/pages"), count_queries(reader, "/api/v1/people")
    for number in range(1, 8):
        publish_under(home, ContentPage(title=f"Pagina {number}", slug=f"pagina-{number}"))
        PersonFactory().expertise.add("gis", "beleid")
    assert count_queries(reader, "/api/v1/pages") == few_pages
    assert count_queries(reader, "/api/v1/people") == few_people
