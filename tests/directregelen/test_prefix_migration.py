"""directregelen 0005 makes reference prefixes unique: later duplicates are renamed to a prefix no department
uses, so a department that already had the new name keeps it (and the API tokens scoped to it)."""

import pytest

from directregelen.models import DepartmentPage
from tests.directregelen.conftest import make_department, migrate

BEFORE = [("directregelen", "0004_service_views_to_the_frame")]


@pytest.mark.django_db(transaction=True)
def test_only_later_duplicates_are_renamed_and_to_a_prefix_nobody_uses(portal, back_to_latest):
    first = make_department(portal, "ICT", "ict", "ICT")
    second = make_department(portal, "ICT Werkplek", "ict-werkplek", "WERK")
    real = make_department(portal, "ICT Beheer", "ict-beheer", "ICTB")
    old = migrate(BEFORE)
    old.get_model("directregelen", "DepartmentPage").objects.filter(pk=second.pk).update(reference_prefix="ICT")
    revision = old.get_model("wagtailcore", "Revision").objects.get(pk=second.latest_revision_id)
    revision.content["reference_prefix"] = "ICT"
    revision.save()

    migrate([("directregelen", "0005_department_reference_prefix_unique")])
    prefixes = dict(DepartmentPage.objects.values_list("pk", "reference_prefix"))
    assert prefixes == {first.pk: "ICT", second.pk: "ICTC", real.pk: "ICTB"}
    # The department's next publish starts from its latest revision: it must not bring ICT back.
    second = DepartmentPage.objects.get(pk=second.pk)
    assert second.get_latest_revision_as_object().reference_prefix == "ICTC"
    second.get_latest_revision().publish()
    assert DepartmentPage.objects.get(pk=second.pk).reference_prefix == "ICTC"
