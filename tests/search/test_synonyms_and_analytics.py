"""Editor-managed synonyms, anonymous query and click statistics, and the click redirect."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from intranet.plugins import SearchResult
from search import query as search_query
from search.models import DailyClick, DailyQuery, Synonym
from search.services import click_url
from tests.factories import PersonFactory
from tests.search.conftest import add_page, make_service

RESULTS = reverse("search:results")
CLICK = reverse("search:click")


def test_expand_swaps_in_each_equivalent_term(db):
    Synonym.objects.create(terms="verlof, vakantie, vrije dag")
    Synonym.objects.create(terms="P&O, HR, personeelszaken")
    assert search_query.expand("Verlof aanvragen") == ["vakantie aanvragen", "vrije dag aanvragen"]
    assert search_query.expand("contact p&o") == ["contact hr", "contact personeelszaken"]
    assert search_query.expand("verlofkaart") == []  # whole words only
    assert search_query.expand("hrm") == []


def test_synonym_cache_follows_edits(db):
    synonym = Synonym.objects.create(terms="fiets, rijwiel")
    assert search_query.expand("fiets") == ["rijwiel"]
    synonym.terms = "fiets, tweewieler"
    synonym.save()
    assert search_query.expand("fiets") == ["tweewieler"]
    synonym.delete()
    assert search_query.expand("fiets") == []


@pytest.mark.django_db
def test_a_synonym_finds_pages_that_only_use_the_other_word(employee_client, home):
    make_service("Vakantie aanvragen")
    add_page(home, "Personeelszaken contact")
    assert "Vakantie aanvragen" not in employee_client.get(RESULTS, {"q": "verlof"}).content.decode()

    Synonym.objects.create(terms="verlof, vakantie")
    Synonym.objects.create(terms="P&O, HR, personeelszaken")
    assert "Vakantie aanvragen" in employee_client.get(RESULTS, {"q": "verlof"}).content.decode()
    assert "Personeelszaken contact" in employee_client.get(RESULTS, {"q": "HR"}).content.decode()


@pytest.mark.django_db
def test_queries_are_counted_per_day_with_zero_results(employee_client):
    PersonFactory(first_name="Ruud", last_name="Hendriks")
    employee_client.get(RESULTS, {"q": "Hendriks"})
    employee_client.get(RESULTS, {"q": "  hendriks "})
    employee_client.get(RESULTS, {"q": "blauwe olifant"})
    employee_client.get(RESULTS, {"q": "hendriks", "soort": "people"})  # a filter, not a new search
    employee_client.get(RESULTS, {"q": "hendriks", "pagina": "2"})  # paging neither
    employee_client.get(RESULTS)  # no query, nothing to count

    rows = {row.query: row for row in DailyQuery.objects.all()}
    assert set(rows) == {"hendriks", "blauwe olifant"}
    # The same person twice on a day counts once (tests/security/test_counting.py).
    assert (rows["hendriks"].searches, rows["hendriks"].zero_results) == (1, 0)
    assert (rows["blauwe olifant"].searches, rows["blauwe olifant"].zero_results) == (1, 1)
    assert rows["hendriks"].day == timezone.localdate()
    # Who searched is nowhere: the model has no user or session field.
    assert {f.name for f in DailyQuery._meta.get_fields()} == {"id", "day", "query", "searches", "zero_results"}


@pytest.mark.django_db
def test_suggestions_are_not_counted(employee_client):
    employee_client.get(reverse("search:suggestions"), {"q": "hen"})
    assert not DailyQuery.objects.exists()


@pytest.mark.django_db
def test_result_links_count_clicks_then_redirect(employee_client):
    colleague = PersonFactory(first_name="Ruud", last_name="Hendriks")
    page = BeautifulSoup(employee_client.get(RESULTS, {"q": "hendriks"}).content, "html.parser")
    link = page.select_one(".search-result--people .search-result__title")["href"]
    assert link.startswith(CLICK)

    for _ in range(2):
        response = employee_client.get(link)
        assert response.status_code == 302
        assert response["Location"] == colleague.get_absolute_url()
    click = DailyClick.objects.get()
    assert (click.url, click.title, click.kind, click.clicks) == (
        colleague.get_absolute_url(),
        "Ruud Hendriks",
        "people",
        1,  # one person, one day: once
    )
    assert {f.name for f in DailyClick._meta.get_fields()} == {"id", "day", "url", "title", "kind", "clicks"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", "http:/x"]
)
def test_click_redirect_never_leaves_the_site(employee_client, target):
    # Even a correctly signed token (someone with the key) is refused for a non-local target.
    forged = click_url(SearchResult(title="x", url=target, kind="pages"))
    response = employee_client.get(forged)
    assert response.status_code == 400
    assert not DailyClick.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("query", [{"r": "nonsense"}, {}, {"naar": "/mensen/"}, {"r": "eyJ1IjoiLyJ9:bad:sig"}])
def test_click_with_tampered_or_missing_token_is_refused(employee_client, query):
    response = employee_client.get(CLICK, query)
    assert response.status_code == 400
    assert not DailyClick.objects.exists()


@pytest.mark.django_db
def test_statistics_report_for_editors(client, superuser, employee):
    today = timezone.localdate()
    DailyQuery.objects.create(day=today, query="parkeren", searches=7, zero_results=0)
    DailyQuery.objects.create(day=today - datetime.timedelta(days=1), query="parkeren", searches=3, zero_results=0)
    DailyQuery.objects.create(day=today, query="fietsplan", searches=4, zero_results=4)
    DailyQuery.objects.create(day=today - datetime.timedelta(days=60), query="oud", searches=99, zero_results=0)
    DailyClick.objects.create(day=today, url="/mensen/ruud/", title="Ruud Hendriks", kind="people", clicks=5)
    DailyClick.objects.create(day=today, url="/mensen/els/", title="Els Visser", kind="people", clicks=1)
    url = reverse("search_statistics")

    client.force_login(employee)
    assert client.get(url).status_code in (302, 403)

    client.force_login(superuser)
    page = BeautifulSoup(client.get(url).content, "html.parser")
    tables = page.select("table.listing")
    popular = [[td.get_text(strip=True) for td in tr.select("td")][:3] for tr in tables[0].select("tbody tr")]
    assert popular == [["parkeren", "10", "0"], ["fietsplan", "4", "4"]]
    assert [tr.td.get_text(strip=True) for tr in tables[1].select("tbody tr")] == ["fietsplan"]
    assert "Ruud Hendriks" in tables[2].get_text() and "5" in tables[2].get_text()
    assert "Els Visser" not in tables[2].get_text()  # opened by one person: not listed
    assert page.find("h2", string="Zoektermen zonder resultaat") is not None
    assert "oud" in BeautifulSoup(client.get(url, {"dagen": "90"}).content, "html.parser").select("table")[0].get_text()


@pytest.mark.django_db
def test_editors_group_may_manage_synonyms_and_read_statistics(db):
    from django.contrib.auth.models import Group

    editors = Group.objects.get(name="Editors")
    codenames = set(editors.permissions.filter(content_type__app_label="search").values_list("codename", flat=True))
    assert {"add_synonym", "change_synonym", "view_dailyquery"} <= codenames


@pytest.mark.django_db
def test_synonyms_are_managed_as_a_snippet(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_search_synonym:add"), {"terms": "verlof, vakantie"}, follow=True
    )
    assert response.status_code == 200
    assert Synonym.objects.get().term_list == ["verlof", "vakantie"]


def test_starter_synonyms_fill_an_empty_list_only(db):
    from io import StringIO

    from django.core.management import call_command

    call_command("starter_synonyms", stdout=StringIO())
    assert search_query.expand("hr") == ["p&o", "personeelszaken", "personeel en organisatie"]
    assert "computer kapot" in search_query.expand("laptop kapot")
    Synonym.objects.exclude(terms__startswith="p&o").delete()  # the organisation removed the rest
    out = StringIO()
    call_command("starter_synonyms", stdout=out)
    assert "nothing added" in out.getvalue()
    assert Synonym.objects.count() == 1
