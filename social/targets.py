"""Which objects can be liked and commented on, and what the social layer asks of them.

A model joins the social layer with `social.targets.register(Model)`. It may offer:
- `get_absolute_url()` (required): where notifications link to;
- `allow_comments` (bool attribute): False refuses new comments;
- `allow_likes` (bool attribute): False refuses new likes (an archived team's posts);
- `user_can_view(user)`: False hides it from that user (private team content);
- `social_owner()`: the auth User notified of comments and likes (the author).
Comments (XtdComment) are registered here too, so they can be liked.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django_comments_xtd.models import XtdComment
from wagtail.models import Page

_registry = set()


def register(model):
    _registry.add(model)
    return model


register(XtdComment)


def is_registered(obj):
    return isinstance(obj, tuple(_registry))


def check_can_view(user, obj):
    """PermissionDenied unless `user` may see `obj` (and so like it or comment on it)."""
    if not is_registered(obj):
        raise PermissionDenied("This kind of object has no social features.")
    if isinstance(obj, Page) and not obj.live:
        raise PermissionDenied("Not published.")
    if isinstance(obj, XtdComment):
        if not obj.is_public or obj.is_removed:
            raise PermissionDenied("Comment not visible.")
        target = obj.content_object
        if target is None:
            raise PermissionDenied("Comment target is gone.")
        check_can_view(user, target)
        return
    can_view = getattr(obj, "user_can_view", None)
    if can_view is not None and not can_view(user):
        raise PermissionDenied("Not visible to this user.")


def owner_of(obj):
    """The auth user who owns `obj`: a comment's writer or whatever the model names as its owner."""
    if isinstance(obj, XtdComment):
        return obj.user
    owner = getattr(obj, "social_owner", None)
    return owner() if callable(owner) else None


def title_of(obj):
    if isinstance(obj, XtdComment):
        target = obj.content_object
        return title_of(target) if target is not None else ""
    return str(getattr(obj, "title", None) or obj)


def url_of(obj):
    if isinstance(obj, XtdComment):
        target = obj.content_object
        return f"{url_of(target)}#c{obj.pk}" if target is not None else ""
    return obj.get_absolute_url()


def resolve(content_type_id, object_id):
    """The registered object behind a posted (content type, id) pair, or 404."""
    try:
        content_type = ContentType.objects.get_for_id(int(content_type_id))
    except (ContentType.DoesNotExist, TypeError, ValueError) as exc:
        raise Http404 from exc
    model = content_type.model_class()
    if model is None or model not in _registry and not any(issubclass(model, m) for m in _registry):
        raise Http404
    try:
        return model._default_manager.get(pk=int(object_id))
    except (model.DoesNotExist, TypeError, ValueError) as exc:
        raise Http404 from exc
