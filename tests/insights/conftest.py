import pytest
from django.contrib.auth.models import Group

from insights import tracking
from tests.factories import PersonFactory


@pytest.fixture(autouse=True)
def _fresh_salts():
    """Salts live in process memory next to the database; a rolled-back test must not leave them."""
    tracking.forget_salts()
    yield
    tracking.forget_salts()


@pytest.fixture
def manager(db):
    user = PersonFactory(first_name="Mona", last_name="Derks", user__username="mona").user
    user.groups.add(Group.objects.get(name="Omgevingsbeheerders"))
    return user


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    return client
