import pytest

from launcher.models import App
from tests.factories import OrganisationUnitFactory


@pytest.fixture
def units(db):
    """Ruimte (afdeling) > GIS-team, and a sibling department Financiën."""
    ruimte = OrganisationUnitFactory(name="Ruimte", slug="ruimte")
    gis = OrganisationUnitFactory(parent=ruimte, name="GIS-team", slug="gis-team", kind="team")
    financien = OrganisationUnitFactory(name="Financiën", slug="financien")
    return {"ruimte": ruimte, "gis": gis, "financien": financien}


@pytest.fixture
def make_app(db):
    counter = iter(range(1000))

    def make(name=None, units=(), **fields):
        number = next(counter)
        app = App.objects.create(name=name or f"App {number}", url=f"https://app{number}.example/", **fields)
        app.units.set(units)
        return app

    return make
