"""Writing a blog post from the front end (issue 15): colleagues in the bloggers group need not learn
the Wagtail admin. The post becomes a draft BlogPage; it is published at once only for those who may
publish there (the editors), and otherwise submitted to the index's workflow, so the editors approve
it exactly as a post written in the admin.

The page permissions of the blog index (news.services.set_up_index) decide who may write: the access
check is here, not in the view.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.html import escape
from wagtail.rich_text import RichText

from news.services import free_slug


def may_write(user, index):
    return user.is_authenticated and index.permissions_for_user(user).can_add_subpage()


def _body(text):
    # Plain text from a textarea: paragraphs at blank lines, line breaks kept, every character escaped.
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    html = "".join(f"<p>{escape(part).replace(chr(10), '<br>')}</p>" for part in paragraphs)
    return [("text", RichText(html))] if html else []


@transaction.atomic
def write_blog(user, index, *, title, intro, text):
    """Make a blog post under the BlogIndexPage `index` as `user`; returns (page, published)."""
    from news.models import BlogPage  # news.models routes to this module

    if not may_write(user, index):
        raise PermissionDenied
    page = BlogPage(
        title=title,
        slug=free_slug(index, title, "blog"),
        intro=intro,
        body=_body(text),
        author=getattr(user, "person", None),
        owner=user,
        live=False,
    )
    index.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    if page.permissions_for_user(user).can_publish():
        revision.publish(user=user)
        return page, True
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user)
    return page, False
