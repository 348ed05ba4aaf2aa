"""The dashboard: who may open it, period and baseline choice, CSV export, and a fixed query count."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.management import call_command

from insights import kpis
from insights.forms import PeriodForm
from insights.models import DailyActivity, KpiSnapshot, PeriodActivity
from insights.tasks import refresh_dashboard
from people.models import Person
from search.models import DailyQuery
from tests.factories import PersonFactory
from tests.insights.known_data import make_everything

pytestmark = pytest.mark.django_db
URL = "/admin/inzichten/"
WEEK_QUERY = "?van=2026-06-01&tot=2026-06-07"
# Session and user, the period's snapshot list, 7 sections (about 30 aggregate queries, 8 of them from
# teams.stats), the survey list, the top-liked titles (one per kind present); the
# history from the daily roll-ups (3) and today computed live (8, insights.rollups.day_rows); the admin
# menu's "my department's webhooks" item (2, asked once per login: the test clears the cache first).
MAX_QUERIES = 52


@pytest.fixture
def admin_editor(client):
    """Someone who may enter the Wagtail admin (an editor) but is no community manager."""
    user = PersonFactory(user__username="redacteur").user
    group = Group.objects.create(name="Redacteuren test")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


@pytest.mark.parametrize("url", [URL, URL + "moderatie/", URL + "?format=csv&tabel=search-top"])
def test_only_community_managers_and_superusers_get_in(client, manager, superuser, admin_editor, employee, url):
    client.force_login(manager)
    assert client.get(url).status_code == 200
    client.force_login(superuser)
    assert client.get(url).status_code == 200
    client.force_login(admin_editor)
    response = client.get(url)
    assert response.status_code == 403
    assert "omgevingsbeheerders" in response.content.decode().lower()
    client.force_login(employee)  # no admin access at all: Wagtail sends them away
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert "Inzichten" not in response.content.decode()


def test_menu_item_only_for_community_managers(client, manager, admin_editor):
    client.force_login(manager)
    assert "/admin/inzichten/" in client.get("/admin/").content.decode()
    client.force_login(admin_editor)
    assert "/admin/inzichten/" not in client.get("/admin/").content.decode()


def test_dashboard_shows_the_kpis_charts_and_tables(manager_client, home):
    make_everything(home)
    html = manager_client.get(URL + WEEK_QUERY).content.decode()
    assert "Adoptie" in html and "Direct regelen" in html
    assert html.count('role="img"') >= 6
    assert "<title id=" in html and "<desc id=" in html
    assert "62,5%" in html  # DAU share (2.5 of 4 with the manager), the Dutch way
    assert "tabel=adoption-daily" in html


def test_csv_export_of_a_table_escapes_formulas(manager_client, home):
    make_everything(home)
    DailyQuery.objects.create(day=datetime.date(2026, 6, 4), query="@SUM(A1)", searches=3, zero_results=1)
    DailyQuery.objects.create(day=datetime.date(2026, 6, 4), query="-2+3", searches=3, zero_results=0)
    DailyQuery.objects.create(day=datetime.date(2026, 6, 4), query="+31 6", searches=3, zero_results=0)
    response = manager_client.get(URL + WEEK_QUERY + "&format=csv&tabel=search-top")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert table[0] == ["Zoekterm", "Zoekopdrachten", "Zonder resultaat"]
    queries = {row[0]: row[1:] for row in table[1:]}
    assert queries["verlof"] == ["7", "0"]
    assert queries['\'=HYPERLINK("x")'] == ["3", "2"]
    assert "'@SUM(A1)" in queries and "'-2+3" in queries and "'+31 6" in queries
    assert not any(row[0].startswith(("=", "+", "-", "@")) for row in table)


def test_every_table_downloads(manager_client, home):
    make_everything(home)
    html = manager_client.get(URL + WEEK_QUERY).content.decode()
    keys = sorted(set(part.split("&")[0].split('"')[0] for part in html.split("tabel=")[1:]))
    assert len(keys) >= 10
    for key in keys:
        response = manager_client.get(URL + WEEK_QUERY + f"&format=csv&tabel={key}")
        assert response.status_code == 200, key
    assert manager_client.get(URL + "?format=csv&tabel=bestaat-niet").status_code == 404


def test_bad_dates_get_a_dutch_message_and_are_kept(manager_client):
    response = manager_client.get(URL + "?dagen=&van=2026-06-07&tot=2026-06-01")
    html = response.content.decode()
    assert response.status_code == 200
    assert "De einddatum ligt voor de begindatum." in html
    assert 'value="2026-06-07"' in html


def test_presets_choose_the_period(manager_client):
    html = manager_client.get(URL + "?dagen=7").content.decode()
    assert "Cijfers van" in html


def test_baseline_comparison_shows_absolute_and_percent_change(manager_client, home):
    make_everything(home)
    baseline = KpiSnapshot.objects.create(
        taken_on=datetime.date(2025, 6, 7),
        data={"kpis": {"adoption.dau": 2.0, "search.searches": 20, "people.photo_share": 33.3}},
    )
    html = manager_client.get(URL + WEEK_QUERY + f"&basis={baseline.pk}").content.decode()
    assert "Vergeleken met de nulmeting van 7 juni 2025" in html
    assert "+0,5" in html and "+25%" in html  # DAU 2.0 → 2.5
    assert "−10" in html and "−50%" in html  # searches 20 → 10
    response = manager_client.get(URL + WEEK_QUERY + f"&basis={baseline.pk}&format=csv&tabel=vergelijking")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    searches = next(row for row in rows if row[0] == "Zoekopdrachten")
    assert searches[1:] == ["20", "10", "-10", "-50.0"]


def _grow(home, size):
    """More of everything: people, days of activity, searches, requests."""
    for index in range(size):
        PersonFactory(phone="010" if index % 2 else "")
    start = datetime.date(2026, 1, 1)
    DailyActivity.objects.bulk_create(
        [
            DailyActivity(day=start + datetime.timedelta(days=i), active=i, phone=i // 2, desktop=i)
            for i in range(size * 5)
        ],
        ignore_conflicts=True,
    )
    PeriodActivity.objects.bulk_create(
        [PeriodActivity(kind="week", start=start + datetime.timedelta(days=7 * i), active=i) for i in range(size)],
        ignore_conflicts=True,
    )
    DailyQuery.objects.bulk_create(
        [
            DailyQuery(day=start + datetime.timedelta(days=i % 300), query=f"vraag {i}", searches=i)
            for i in range(size * 5)
        ]
    )


def test_query_count_does_not_grow_with_the_data(manager_client, home, django_assert_max_num_queries):
    # With the real teams.stats (its own tests keep its count fixed as teams grow).
    make_everything(home)
    call_command("snapshot_kpis", date="2026-06-07", days=7, stdout=io.StringIO())
    url = URL + "?dagen=365&basis=" + str(KpiSnapshot.objects.get().pk)
    manager_client.get(url)  # warm caches (content types, site root)
    # Computing the report (what the hourly job and a first view do) is fixed too, not only reading it.
    cache.clear()
    with django_assert_max_num_queries(MAX_QUERIES) as small:
        assert manager_client.get(url).status_code == 200
    _grow(home, 40)
    cache.clear()
    with django_assert_max_num_queries(MAX_QUERIES) as large:
        assert manager_client.get(url).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_dashboard_reads_the_stored_report_until_the_hourly_job_or_a_click_recomputes_it(
    manager_client, home, django_assert_max_num_queries, monkeypatch
):
    """At 50,000 people the sections cost seconds (issue 20): a view reads what the job stored."""
    make_everything(home)
    url = URL + "?dagen=30"
    first = manager_client.get(url).content.decode()
    assert "Deze cijfers zijn berekend op" in first
    before = Person.objects.filter(is_active=True).count()
    PersonFactory.create_batch(3)
    with django_assert_max_num_queries(16) as stored:  # the admin frame only
        html = manager_client.get(url).content.decode()
    assert not any("people_person" in query["sql"] for query in stored.captured_queries)
    assert "Deze cijfers zijn berekend op" in html and _stored_employees() == before

    refresh_dashboard.call()  # the hourly job recomputes the presets
    assert _stored_employees() == before + 3

    PersonFactory.create_batch(2)
    assert manager_client.post(url).status_code == 302  # a click right after the job: not recomputed
    assert _stored_employees() == before + 3
    monkeypatch.setattr(kpis, "REFRESH_AFTER_SECONDS", 0)
    response = manager_client.post(url)
    assert response.status_code == 302 and response["Location"] == url
    assert _stored_employees() == before + 5


def _stored_employees():
    """The employee count the dashboard's stored report of the last 30 days holds."""
    report = kpis.stored_report(PeriodForm({"dagen": "30"}).period())
    return report.kpis["adoption.employees"]


def test_questions_and_teams_come_from_the_teams_app(client, manager, home):
    """With the real teams.stats: its sections are filled and the moderation overview links its pages."""
    client.force_login(manager)
    html = client.get(URL + "?dagen=30").content.decode()
    assert "Stille teams" in html and "Gestelde vragen" in html
    assert "teams-app, die nog niet" not in html
    html = client.get(URL + "moderatie/").content.decode()
    assert "Stille teams" in html


# What table.html rendered per row before insights_tags.table_rows took over (a year's table spent
# most of the dashboard's time in this loop); the tag must give the same HTML.
TEMPLATE_ROWS = (
    "{% load insights_tags %}{% for row, link in table.linked_rows %}<tr>{% for cell in row %}"
    '{% if forloop.first %}<th scope="row">{% if link %}<a href="{{ link }}">{{ cell }}</a>{% else %}{{ cell }}'
    "{% endif %}</th>{% else %}<td>{{ cell|kpi }}</td>{% endif %}{% endfor %}</tr>\n{% endfor %}"
)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_table_rows_render_as_the_template_did(language):
    from django.template import engines
    from django.utils import translation

    from insights.metrics.common import Table

    cells = [1234567, -1234567, 0, 999, 10**20, 48.75, 2.0, -1234.56, 1e-7, 1e20, True, None, "", "<b>&", _DAY]
    table = Table(
        "t",
        "T",
        ["a"] * len(cells),
        [cells, ["alleen"], [_DAY, 3], [], [5.5, "x"], [1234, 1]],
        links=["/a?b=1&c=2", "", "/x", "", '"q"', ""],
    )
    engine = engines["django"]
    with translation.override(language):
        expected = engine.from_string(TEMPLATE_ROWS).render({"table": table})
        rendered = engine.from_string("{% load insights_tags %}{% table_rows table %}").render({"table": table})
    assert rendered == expected
    if language == "nl":
        assert "<td>-1.234.567</td><td>0</td><td>999</td>" in rendered and "<td>48,7</td>" in rendered
        assert "<td>&lt;b&gt;&amp;</td>" in rendered and '<a href="/a?b=1&amp;c=2">' in rendered


_DAY = datetime.date(2026, 6, 1)


def test_the_stored_report_keeps_no_lazy_translations_and_shows_labels_in_the_readers_language(home):
    """Unpickling a lazy translation builds a class per string: 40 of them were 8 ms of every view."""
    import pickle

    from django.utils import translation

    make_everything(home)
    report = kpis.stored_report(PeriodForm({"dagen": "30"}).period())
    assert b"_lazy_proxy_unpickle" not in pickle.dumps(report)
    adoption = report.sections[0]
    with translation.override("nl"):
        assert (
            adoption.title == "Adoptie"
            and adoption.kpis[0][1] == "Dagelijks actieve medewerkers (gemiddeld per werkdag)"
        )
    with translation.override("en"):
        assert (
            adoption.title == "Adoption" and adoption.kpis[0][1] == "Daily active employees (average per working day)"
        )
