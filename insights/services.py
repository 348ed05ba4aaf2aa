"""The community managers' actions: who may see the insights, and publishing a tip to everyone."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _

from insights.models import VIEW_PERMISSION
from news.services import free_slug

TIPS_CATEGORY = ("Tips", "tips")


def can_view_insights(user):
    """Community managers (the Omgevingsbeheerders group holds the permission) and superusers."""
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(VIEW_PERMISSION))


def publish_tip(user, *, title, text):
    """Publish a news item in the "Tips" category under the news overview, for everyone at once."""
    from news.models import Category, NewsIndexPage, NewsPage

    if not can_view_insights(user):
        raise PermissionDenied(_("Only community managers publish tips from here."))
    title, text = (title or "").strip(), (text or "").strip()
    errors = {}
    if not title:
        errors["title"] = _("Give the tip a title.")
    if not text:
        errors["text"] = _("Write the tip.")
    if errors:
        raise ValidationError(errors)
    index = NewsIndexPage.objects.live().order_by("path").first()
    if index is None:
        raise ValidationError(_("There is no news overview to publish the tip in yet."))
    with transaction.atomic():
        category, _created = Category.objects.get_or_create(slug=TIPS_CATEGORY[1], defaults={"name": TIPS_CATEGORY[0]})
        person = getattr(user, "person", None)
        page = NewsPage(
            title=title,
            slug=free_slug(index, title, "tip"),
            intro=text[:400],
            body=[{"type": "text", "value": linebreaks(escape(text))}],
            author=person,
            owner=user,
        )
        page.categories = [category]
        index.add_child(instance=page)
        # Our own check above decides who publishes tips; Wagtail's page permissions are for editors.
        page.save_revision(user=user, log_action=True).publish(user=user, skip_permission_checks=True)
    return page
