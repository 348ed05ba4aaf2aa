"""Department editing rights and the approval workflow, with Wagtail's own permission checks."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Workflow, WorkflowState

from directregelen.access import setup_department
from tests.directregelen.conftest import make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(ict, po):
    return make_service(ict, "Nieuwe laptop", "nieuwe-laptop"), make_service(po, "Verlof", "verlof")


def test_each_department_gets_its_groups_and_workflow(ict, po):
    assert ict.editors_group.name == "ICT: redacteuren"
    assert ict.lead_editors_group.name == "ICT: eindredacteuren"
    assert ict.get_workflow().name == "Direct regelen ICT: goedkeuring"
    task = ict.get_workflow().tasks.get().specific
    assert list(task.groups.all()) == [ict.lead_editors_group]
    assert po.get_workflow() != ict.get_workflow()


def test_setup_is_idempotent(ict):
    before = (Group.objects.count(), Workflow.objects.count(), ict.editors_group.page_permissions.count())
    setup_department(ict)
    setup_department(ict)
    assert (Group.objects.count(), Workflow.objects.count(), ict.editors_group.page_permissions.count()) == before


def test_an_ict_editor_edits_ict_pages_and_not_po_pages(ict_staff, pages):
    laptop, leave = pages
    assert laptop.permissions_for_user(ict_staff).can_edit()
    assert not laptop.permissions_for_user(ict_staff).can_publish()
    assert not leave.permissions_for_user(ict_staff).can_edit()
    assert not leave.get_parent().permissions_for_user(ict_staff).can_add_subpage()


def test_the_lead_editor_may_publish_in_their_own_department_only(ict_lead, pages):
    laptop, leave = pages
    assert laptop.permissions_for_user(ict_lead).can_publish()
    assert not leave.permissions_for_user(ict_lead).can_edit()


def test_admin_refuses_an_ict_editor_on_a_po_page(client, ict_staff, pages):
    laptop, leave = pages
    client.force_login(ict_staff)
    assert client.get(f"/admin/pages/{laptop.pk}/edit/").status_code == 200
    response = client.get(f"/admin/pages/{leave.pk}/edit/")
    assert response.status_code in (302, 403)
    client.post(f"/admin/pages/{leave.pk}/edit/", {"title": "Gekaapt", "slug": "verlof", "summary": "x"})
    leave.refresh_from_db()
    assert leave.title == "Verlof"


def test_submitting_for_moderation_starts_the_departments_workflow(client, ict_staff, ict_lead, ict, pages):
    laptop, _leave = pages
    client.force_login(ict_staff)
    response = client.post(
        f"/admin/pages/{laptop.pk}/edit/",
        {
            "title": "Nieuwe laptop aanvragen",
            "slug": "nieuwe-laptop",
            "summary": "Vraag een laptop aan.",
            "review_by": "2030-01-01",
            "related_services-TOTAL_FORMS": "0",
            "related_services-INITIAL_FORMS": "0",
            "related_services-MIN_NUM_FORMS": "0",
            "related_services-MAX_NUM_FORMS": "1000",
            "action-submit": "Ter moderatie indienen",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    state = WorkflowState.objects.get(object_id=str(laptop.pk))
    assert state.workflow == ict.get_workflow()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(laptop, ict_lead)
    assert [a[0] for a in task_state.task.specific.get_actions(laptop, ict_lead)][:1] == ["reject"]
    assert task_state.task.specific.get_actions(laptop, ict_staff) == []
    laptop.refresh_from_db()
    assert laptop.title == "Nieuwe laptop"  # not live until the lead editor approves


def test_a_department_made_in_the_admin_gets_its_groups(admin_client, portal):
    response = admin_client.post(
        f"/admin/pages/add/directregelen/departmentpage/{portal.pk}/",
        {"title": "Financiën", "slug": "financien", "reference_prefix": "FIN", "action-publish": "publish"},
    )
    assert response.status_code == 302 and "/inloggen/" not in response["Location"], response.content.decode()[:3000]
    from directregelen.models import DepartmentPage

    department = DepartmentPage.objects.get(slug="financien")
    assert department.editors_group.name == "Financiën: redacteuren"
    assert department.get_workflow().name == "Direct regelen Financiën: goedkeuring"


def test_a_reference_prefix_in_use_is_refused_in_dutch(admin_client, portal, ict):
    response = admin_client.post(
        f"/admin/pages/add/directregelen/departmentpage/{portal.pk}/",
        {"title": "Informatie", "slug": "informatie", "reference_prefix": "ICT", "action-publish": "publish"},
    )
    assert response.status_code == 200
    assert "Een andere afdeling gebruikt dit voorvoegsel al." in response.content.decode()
    from directregelen.models import DepartmentPage

    assert not DepartmentPage.objects.filter(slug="informatie").exists()


def test_only_superusers_change_a_departments_reference_prefix(ict, ict_lead, superuser):
    """API write scopes name a department by its prefix: a department's own editors cannot move it."""
    from directregelen.models import DepartmentPage

    form_class = DepartmentPage.get_edit_handler().get_form_class()
    parent = ict.get_parent()
    assert ict.permissions_for_user(ict_lead).can_edit()
    assert "reference_prefix" not in form_class(instance=ict, for_user=ict_lead, parent_page=parent).fields
    assert "reference_prefix" in form_class(instance=ict, for_user=superuser, parent_page=parent).fields
