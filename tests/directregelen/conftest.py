import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from directregelen.access import setup_department
from directregelen.models import (
    DepartmentPage,
    DirectRegelenPage,
    RequestFormField,
    RequestFormPage,
    ServicePage,
)
from tests.factories import PersonFactory

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
PDF = b"%PDF-1.4\n" + b"0" * 64


@pytest.fixture(autouse=True)
def _forget_portal_link():
    """The portal link is cached across requests; a rolled-back test must not leave it to the next."""
    from intranet import caching
    from intranet.plugins import PAGES_GENERATION

    caching.bump(PAGES_GENERATION)
    yield
    caching.bump(PAGES_GENERATION)


@pytest.fixture
def back_to_latest():
    """For a migration test: the next tests need every migration applied again (0005's unique index)."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def migrate(targets):
    """For a migration test: the database at `targets`, and the historical models of that moment."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_department(portal, title, slug, prefix):
    department = publish(
        portal,
        DepartmentPage(
            title=title,
            slug=slug,
            intro=f"Afdeling {title}",
            mailbox=f"{slug}@gemeente.example",
            contact_phone="010 123 4567",
            opening_hours="Ma-vr 9-17",
            reference_prefix=prefix,
        ),
    )
    setup_department(department)
    return department


def make_service(department, title, slug, **extra):
    extra.setdefault("summary", f"Regel {title.lower()}")
    return publish(department, ServicePage(title=title, slug=slug, **extra))


def make_form(department, title="Storing melden", slug="storing-melden"):
    form_page = RequestFormPage(title=title, slug=slug, intro="Meld het hier.")
    form_page.form_fields = [
        RequestFormField(label="Wat is er aan de hand?", field_type="multiline", required=True, sort_order=0),
        RequestFormField(label="Locatie", field_type="singleline", required=True, sort_order=1),
        RequestFormField(label="Foto", field_type="photo", required=False, sort_order=2),
    ]
    return publish(department, form_page)


@pytest.fixture
def portal(home):
    return publish(home, DirectRegelenPage(title="Direct regelen", slug="direct-regelen", intro="Alles op één plek"))


@pytest.fixture
def ict(portal):
    return make_department(portal, "ICT", "ict", "ICT")


@pytest.fixture
def po(portal):
    return make_department(portal, "P&O", "p-en-o", "PO")


@pytest.fixture
def leave_service(po):
    return make_service(
        po,
        "Verlof aanvragen",
        "verlof-aanvragen",
        summary="Vraag vakantie of ander verlof aan.",
        keywords="vakantie, vrije dag, snipperdag",
        costs="Geen",
        lead_time="Direct",
    )


@pytest.fixture
def ict_form(ict):
    return make_form(ict)


@pytest.fixture
def ict_staff(ict):
    user = PersonFactory(user__username="ict-medewerker", first_name="Ilse", last_name="Jansen").user
    user.groups.add(ict.editors_group)
    return user


@pytest.fixture
def ict_lead(ict):
    user = PersonFactory(user__username="ict-lead", first_name="Lars", last_name="Bos").user
    user.groups.add(ict.lead_editors_group)
    return user


@pytest.fixture
def po_staff(po):
    user = PersonFactory(user__username="po-medewerker", first_name="Petra", last_name="Smit").user
    user.groups.add(po.editors_group)
    return user


@pytest.fixture
def other_employee(db):
    return PersonFactory(user__username="kees", first_name="Kees", last_name="Visser").user


def photo(name="foto.png", content=PNG, content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def overdue():
    return timezone.localdate() - datetime.timedelta(days=10)
