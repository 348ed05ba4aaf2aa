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


@transaction.atomic
def setup_department(department):
    """Create or repair the groups, permissions and workflow of one department page."""
    editors_name, leads_name = group_names(department)
    editors, _ = Group.objects.get_or_create(name=editors_name)
    leads, _ = Group.objects.get_or_create(name=leads_name)
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

    workflow, _ = Workflow.objects.get_or_create(name=workflow_name(department))
    task, _ = GroupApprovalTask.objects.get_or_create(name=f"{department.title}: goedkeuring eindredactie")
    task.groups.add(leads)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=department, defaults={"workflow": workflow})

    if department.editors_group_id != editors.pk or department.lead_editors_group_id != leads.pk:
        # A plain update: group links are not content, so no revision is made for them.
        type(department).objects.filter(pk=department.pk).update(editors_group=editors, lead_editors_group=leads)
        department.editors_group, department.lead_editors_group = editors, leads
    return editors, leads, workflow
