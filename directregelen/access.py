"""Editing rights per department: two groups, their page and model permissions, and an approval workflow.

Made when a department page is created (seed, or an editor in the admin via wagtail_hooks) and safe to
run again: every step is a get_or_create, so `migrate` + `seed_demo` gives a working setup without
any extra command.

- "<Department>: redacteuren" may add and edit pages below the department and work its request queue.
- "<Department>: eindredacteuren" may also publish, and approve in the department's workflow.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
LEAD_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
QUEUE_PERMISSIONS = ["view_request", "change_request"]
IMAGE_PERMISSIONS = ["add_image", "choose_image"]


def group_names(department):
    return f"{department.title}: redacteuren", f"{department.title}: eindredacteuren"


def workflow_name(department):
    return f"Direct regelen {department.title}: goedkeuring"


def _permissions(app_label, codenames):
    return list(Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))


def _others(department):
    return type(department).objects.exclude(pk=department.pk)


def _own_group(department, linked_id, name):
    """The department's linked group, else one named after it. A copy or alias keeps its original's
    title, so a name another department's group already has gets the prefix: never the original's
    editors for the copy, nor the copy's for the original."""
    if linked_id and Group.objects.filter(pk=linked_id).exists():
        return Group.objects.get(pk=linked_id)
    others = _others(department)
    if others.filter(editors_group__name=name).exists() or others.filter(lead_editors_group__name=name).exists():
        name = f"{name} ({department.reference_prefix})"
    return Group.objects.get_or_create(name=name)[0]


def _own_workflow(department):
    current = WorkflowPage.objects.filter(page=department).select_related("workflow").first()
    shared = current and WorkflowPage.objects.filter(workflow=current.workflow).exclude(page=department).exists()
    if current and not shared:
        return current.workflow
    name = workflow_name(department)
    if WorkflowPage.objects.filter(workflow__name=name, page__in=_others(department)).exists():
        name = f"{name} ({department.reference_prefix})"
    return Workflow.objects.get_or_create(name=name)[0]


@transaction.atomic
def setup_department(department):
    """Create or repair the groups, permissions and workflow of one department page."""
    editors_name, leads_name = group_names(department)
    editors = _own_group(department, department.editors_group_id, editors_name)
    leads = _own_group(department, department.lead_editors_group_id, leads_name)
    page_ct = ContentType.objects.get_for_model(Page)
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    queue = _permissions("directregelen", QUEUE_PERMISSIONS)
    images = _permissions("wagtailimages", IMAGE_PERMISSIONS)
    root_collection = Collection.get_first_root_node()
    for group, codenames in ((editors, EDITOR_PAGE_PERMISSIONS), (leads, LEAD_PAGE_PERMISSIONS)):
        group.permissions.add(access_admin, *queue)
        for permission in Permission.objects.filter(content_type=page_ct, codename__in=codenames):
            GroupPagePermission.objects.get_or_create(group=group, page=department, permission=permission)
        if root_collection is not None:
            for permission in images:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )

    workflow = _own_workflow(department)
    existing = WorkflowTask.objects.filter(workflow=workflow).select_related("task").first()
    if existing is not None:
        task = existing.task.specific
    else:
        # A workflow of its own gets a task of its own: a copy's approvers never approve the original's pages.
        suffix = "" if workflow.name == workflow_name(department) else f" ({department.reference_prefix})"
        task, _ = GroupApprovalTask.objects.get_or_create(name=f"{department.title}{suffix}: goedkeuring eindredactie")
    task.groups.add(leads)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=department, defaults={"workflow": workflow})

    if department.editors_group_id != editors.pk or department.lead_editors_group_id != leads.pk:
        # A plain update: group links are not content, so no revision is made for them.
        type(department).objects.filter(pk=department.pk).update(editors_group=editors, lead_editors_group=leads)
        department.editors_group, department.lead_editors_group = editors, leads
    return editors, leads, workflow
