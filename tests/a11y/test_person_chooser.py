"""The admin's person fields are choosers with search, not drop-downs of every name (issue 15)."""

import pytest

from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_person_fields_use_a_searchable_chooser(client, superuser):
    ria = PersonFactory(first_name="Ria", last_name="Vonk")
    names = [PersonFactory(first_name=f"Naam{number}", last_name="Andersen") for number in range(3)]
    client.force_login(superuser)
    edit = client.get(f"/admin/people/person/edit/{ria.pk}/").content.decode()
    # The manager field: no <option> per colleague, a chooser button that opens the search.
    assert f'<option value="{names[0].pk}"' not in edit
    assert "/admin/mensen-kiezen/" in edit
    found = client.get("/admin/mensen-kiezen/results/", {"q": "Vonk"}).content.decode()
    assert "Ria Vonk" in found and "Naam0" not in found
