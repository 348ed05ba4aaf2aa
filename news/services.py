"""Editorial set-up: who writes and who publishes news and blogs.

"Redactie Communicatie" (news editors) add, edit and publish under both index pages. "Bloggers" add
and edit blog posts but cannot publish: they submit to the "Redactionele goedkeuring" workflow,
whose one task is approved by the news editors. Index pages get this set-up when they are made.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.contrib.auth.models import Group, Permission, User
from django.db import transaction
from django.utils.html import escape, linebreaks
from django.utils.text import slugify
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowTask

if TYPE_CHECKING:  # for the annotations only: at run time news.models imports this module first
    from news.models import NewsIndexPage, NewsPage

EDITORS = "Redactie Communicatie"
BLOGGERS = "Bloggers"
WORKFLOW = "Redactionele goedkeuring"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
BLOGGER_PAGE_PERMISSIONS = ["add_page", "change_page"]


def _page_permissions(codenames: Iterable[str]) -> list[Permission]:
    return list(Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames))


def editorial_workflow() -> Workflow:
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.create(name="Goedkeuring door de redactie")
        task.groups.set([Group.objects.get_or_create(name=EDITORS)[0]])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


@transaction.atomic
def set_up_index(index_page: Page, *, bloggers_may_write: bool) -> None:
    """Give the groups their rights under `index_page` and put its pages under the workflow."""
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    for permission in _page_permissions(EDITOR_PAGE_PERMISSIONS):
        GroupPagePermission.objects.get_or_create(group=editors, page=index_page, permission=permission)
    if bloggers_may_write:
        bloggers, _ = Group.objects.get_or_create(name=BLOGGERS)
        for permission in _page_permissions(BLOGGER_PAGE_PERMISSIONS):
            GroupPagePermission.objects.get_or_create(group=bloggers, page=index_page, permission=permission)
    WorkflowPage.objects.update_or_create(page=index_page, defaults={"workflow": editorial_workflow()})


def free_slug(parent: Page, title: str, fallback: str) -> str:
    """A slug for a new child of `parent` from its title, numbered when taken (blogs, tips)."""
    base = slugify(title)[:60] or fallback
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def news_overview() -> NewsIndexPage | None:
    """The first live news overview (where tips go), or None."""
    # Imported here: at the top it makes an import cycle (news.models needs this module loaded first).
    from news.models import NewsIndexPage

    return NewsIndexPage.objects.live().order_by("path").first()


@transaction.atomic
def publish_item(
    user: User, index: Page, *, title: str, text: str, category: tuple[str, str], fallback_slug: str
) -> NewsPage:
    """Publish a plain-text news item by `user` under `index` in `category` (name, slug), made when
    missing. The caller decides who may: insights lets community managers publish tips this way."""
    # Imported here: at the top it makes an import cycle (news.models needs this module loaded first).
    from news.models import Category, NewsPage

    name, slug = category
    found, _created = Category.objects.get_or_create(slug=slug, defaults={"name": name})
    page = NewsPage(
        title=title,
        slug=free_slug(index, title, fallback_slug),
        intro=text[:400],
        body=[{"type": "text", "value": linebreaks(escape(text))}],
        author=getattr(user, "person", None),
        owner=user,
    )
    page.categories = [found]
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True).publish(user=user, skip_permission_checks=True)
    return page
