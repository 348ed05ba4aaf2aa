"""A copied department (or an alias of one) is another department: a prefix of its own, its own groups."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from directregelen.models import DepartmentPage

pytestmark = pytest.mark.django_db


def copy(admin_client, page, slug, title=None, **extra):
    data = {"new_title": title or page.title, "new_slug": slug, "new_parent_page": page.get_parent().pk, **extra}
    response = admin_client.post(reverse("wagtailadmin_pages:copy", args=[page.pk]), data)
    assert response.status_code == 302
    return DepartmentPage.objects.get(slug=slug)


def test_a_copied_department_gets_a_free_prefix_and_groups_of_its_own(admin_client, ict, ict_form):
    DepartmentPage.objects.filter(pk=ict.pk).update(reference_prefix="DR")  # the default is taken too
    ict.refresh_from_db()
    first = copy(admin_client, ict, "werkplek", "Werkplek", copy_subpages="on", publish_copies="on")
    second = copy(admin_client, ict, "ict-3")
    prefixes = {ict.reference_prefix, first.reference_prefix, second.reference_prefix}
    assert len(prefixes) == 3 and "DR" in prefixes
    assert first.editors_group.name == "Werkplek: redacteuren" and first.get_workflow() != ict.get_workflow()
    # The copy's revisions hold its own prefix, so publishing it does not bring the original's back.
    second.get_latest_revision().publish()
    assert DepartmentPage.objects.get(pk=second.pk).reference_prefix == second.reference_prefix != "DR"


def test_an_alias_keeps_its_own_prefix_when_the_original_is_published(admin_client, ict):
    alias = copy(admin_client, ict, "ict-alias", alias="on")
    assert alias.alias_of_id == ict.pk and alias.reference_prefix not in ("ICT", "")
    ict.intro = "Nieuw"
    ict.save_revision().publish()  # updates the alias's content
    alias.refresh_from_db()
    assert alias.intro == "Nieuw" and alias.reference_prefix not in ("ICT", "")


def test_a_copy_with_the_same_title_shares_no_group_workflow_or_approver_with_the_original(admin_client, ict):
    original_editors, original_leads, original_workflow = ict.editors_group, ict.lead_editors_group, ict.get_workflow()
    twin = copy(admin_client, ict, "ict-twee")  # the copy form keeps the title unless the editor changes it
    assert twin.title == ict.title
    assert {twin.editors_group_id, twin.lead_editors_group_id}.isdisjoint({original_editors.pk, original_leads.pk})
    assert twin.get_workflow() != original_workflow
    original_approvers = {g.pk for t in original_workflow.tasks.specific() for g in t.groups.all()}
    assert twin.lead_editors_group_id not in original_approvers
    ict.refresh_from_db()
    assert (ict.editors_group, ict.lead_editors_group, ict.get_workflow()) == (
        original_editors,
        original_leads,
        original_workflow,
    )
    # Publishing the copy's first revision (made before its groups were set) keeps its groups.
    groups = (twin.editors_group_id, twin.lead_editors_group_id)
    twin.get_latest_revision().publish()
    twin = DepartmentPage.objects.get(pk=twin.pk)
    assert (twin.editors_group_id, twin.lead_editors_group_id) == groups and all(groups)


def test_when_no_prefix_is_left_the_answer_is_a_dutch_field_error(ict, monkeypatch):
    from types import SimpleNamespace

    from directregelen.models import pages

    monkeypatch.setattr(pages, "string", SimpleNamespace(ascii_uppercase="AB"))  # one letter to try: B
    DepartmentPage.objects.filter(pk=ict.pk).update(reference_prefix="ICTB")
    with pytest.raises(ValidationError) as refused:
        pages.free_prefix("ICT")
    assert "ICT" in refused.value.message_dict["reference_prefix"][0]
