"""The community managers' actions: who may see the insights, and publishing a tip to everyone."""

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from wagtail.models import Page

from insights.models import VIEW_PERMISSION
from news import services as news_services

TIPS_CATEGORY = ("Tips", "tips")


def can_view_insights(user: User | AnonymousUser | None) -> bool:
    """Community managers (the Omgevingsbeheerders group holds the permission) and superusers."""
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(VIEW_PERMISSION))


def publish_tip(user: User, *, title: str | None, text: str | None) -> Page:
    """Publish a news item in the "Tips" category under the news overview, for everyone at once."""
    if not can_view_insights(user):
        raise PermissionDenied(_("Only community managers publish tips from here."))
    title, text = (title or "").strip(), (text or "").strip()
    errors: dict[str, str] = {}
    if not title:
        errors["title"] = _("Give the tip a title.")
    if not text:
        errors["text"] = _("Write the tip.")
    if errors:
        raise ValidationError(errors)
    index = news_services.news_overview()
    if index is None:
        raise ValidationError(_("There is no news overview to publish the tip in yet."))
    # Our own check above decides who publishes tips; Wagtail's page permissions are for editors.
    return news_services.publish_item(user, index, title=title, text=text, category=TIPS_CATEGORY, fallback_slug="tip")
