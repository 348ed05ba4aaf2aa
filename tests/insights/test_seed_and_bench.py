import io

import pytest
from django.utils import timezone

from insights import bench, seed
from insights.models import DailyActivity, KpiSnapshot, PeriodActivity
from insights.surveys.models import SurveyAnswer, SurveyPage
from intranet.models import DailyPageView
from intranet.seeding import SeedContext
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def counts():
    return (
        DailyActivity.objects.count(),
        PeriodActivity.objects.count(),
        DailyPageView.objects.count(),
        KpiSnapshot.objects.count(),
        SurveyAnswer.objects.count(),
    )


def test_seed_makes_a_year_of_aggregates_and_is_safe_to_rerun(home, monkeypatch):
    PersonFactory.create_batch(20)
    seed.seed(SeedContext(size=20, stdout=io.StringIO()))
    first = counts()
    assert first[0] == seed.DAYS and first[3] == 2 and first[4] >= 3
    assert DailyActivity.objects.order_by("-day").first().day == timezone.localdate() - timezone.timedelta(days=1)
    assert SurveyPage.objects.get().live
    seed.seed(SeedContext(size=20, stdout=io.StringIO()))
    assert counts() == first
    pages = bench.bench_pages()
    assert ("/admin/inzichten/?dagen=365", "beheerder") in [(path, user) for _label, path, user in pages]


def test_the_seeded_dashboard_and_survey_render(manager_client, home, monkeypatch):
    PersonFactory.create_batch(10)
    seed.seed(SeedContext(size=10, stdout=io.StringIO()))
    baseline = KpiSnapshot.objects.order_by("taken_on").first()
    response = manager_client.get(f"/admin/inzichten/?dagen=365&basis={baseline.pk}")
    assert response.status_code == 200
    assert "Vergeleken met de nulmeting" in response.content.decode()
    for _label, path, _user in bench.bench_pages():
        assert manager_client.get(path).status_code == 200, path
