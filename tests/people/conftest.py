import io

import pytest
from PIL import Image as PILImage

from people.models import Location, OrganisationUnit, PeopleIndexPage
from tests.factories import OrganisationUnitFactory, PersonFactory


def image_bytes(fmt="PNG", size=(64, 64), colour="#0b5394"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format=fmt)
    return buffer.getvalue()


@pytest.fixture
def people_page(db):
    return PeopleIndexPage.objects.get()


@pytest.fixture
def org(db):
    """Directie Samenleving > afdeling Publiekszaken > team Burgerzaken, and ICT elsewhere."""
    directorate = OrganisationUnitFactory(
        name="Samenleving", slug="samenleving", kind=OrganisationUnit.Kind.DIRECTORATE
    )
    department = OrganisationUnitFactory(parent=directorate, name="Publiekszaken", slug="publiekszaken", code="PZ")
    team = OrganisationUnitFactory(
        parent=department, name="Burgerzaken", slug="burgerzaken", kind=OrganisationUnit.Kind.TEAM, code="PZ-BZ"
    )
    ict = OrganisationUnitFactory(name="ICT", slug="ict", code="ICT")
    return {"directorate": directorate, "department": department, "team": team, "ict": ict}


@pytest.fixture
def stadhuis(db):
    return Location.objects.create(name="Stadhuis", address="Markt 1")


@pytest.fixture
def make_person(db):
    def make(**kwargs):
        return PersonFactory(**kwargs)

    return make
