import shutil

import pytest
from django.conf import settings as django_settings

from tests.factories import PersonFactory


@pytest.fixture(autouse=True)
def _media_root(tmp_path, settings):
    """Uploads from one test never show up in another's, nor in the project's media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    yield
    shutil.rmtree(tmp_path / "media", ignore_errors=True)


@pytest.fixture
def person(db):
    """An ordinary employee with a login."""
    return PersonFactory(first_name="Sanne", tussenvoegsel="de", last_name="Boer", user__username="sanne")


@pytest.fixture
def employee(person):
    return person.user


@pytest.fixture
def employee_client(client, employee):
    client.force_login(employee)
    return client


@pytest.fixture
def superuser(db):
    user = PersonFactory(user__username="admin", first_name="Rob", last_name="Kuipers").user
    user.is_staff = user.is_superuser = True
    user.save()
    return user


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def home(db):
    from home.models import HomePage

    return HomePage.objects.get()


def is_postgres():
    return django_settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
