import pytest

from people.selectors import PROFILE_REPORTS_SHOWN
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("reports", [PROFILE_REPORTS_SHOWN + 1, PROFILE_REPORTS_SHOWN + 40])
def test_a_large_team_shows_the_first_reports_and_the_total(employee_client, django_assert_max_num_queries, reports):
    boss = PersonFactory(first_name="Greet", last_name="Baas", slug="greet-baas")
    PersonFactory.create_batch(reports, manager=boss)
    PersonFactory(manager=boss, is_active=False)  # a leaver is not counted
    # Warm what every page loads once per process (site settings, content types), so the count is the
    # profile's own and does not depend on which test ran first in this worker.
    employee_client.get("/mensen/")
    with django_assert_max_num_queries(25):
        response = employee_client.get("/mensen/greet-baas/")
    html = response.content.decode()
    assert response.status_code == 200
    assert len(response.context["person"].active_reports) == PROFILE_REPORTS_SHOWN
    assert f"{reports} medewerkers in totaal" in html
