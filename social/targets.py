"""Which objects can be liked and commented on, and what the social layer asks of them.

A model joins the social layer with `social.targets.register(Model)`. It may offer:
- `get_absolute_url()` (required): where notifications link to;
- `allow_comments` (bool attribute): the model takes comments at all only when it has one (so a
  header photo or a comment is liked, never commented on); False refuses new comments;
- `allow_likes` (bool attribute): False refuses new likes (an archived team's posts);
- `user_can_view(user)`: False hides it from that user (private team content);
- `social_visible(user)` (classmethod): the same rule as a queryset, so lists (notifications, the
  moderation queue) filter in SQL instead of asking each object. Pages default to `live()` outside the sections the user may not open (Wagtail view restrictions), models
  without `user_can_view` to everything;
- `social_owner()`: the auth User notified of comments and likes (the author).
Comments (XtdComment) are registered here too, so they can be liked; they take their target's rules.

Views look objects up with `access_target_by_id` / `access_comment_by_id`: what the user may not see
answers 404 exactly like what does not exist, so ids never tell a private post from a missing one.
"""

from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import CharField, Exists, Model, OuterRef, Q, QuerySet
from django.db.models.functions import Cast
from django.http import Http404
from django.utils.translation import gettext as _
from django_comments_xtd.models import XtdComment
from wagtail.models import Page

from intranet.page_visibility import hidden_page_paths, visible_pages

M = TypeVar("M", bound=type[Model])

_registry: set[type[Model]] = set()
_commentable: set[type[Model]] = set()
_notice_targets: set[type[Model]] = set()

LIKE = "like"
COMMENT = "comment"


def register(model: M, *, comments: bool | None = None) -> M:
    """`comments`: whether the model takes comments; by default, when it declares `allow_comments`."""
    _registry.add(model)
    if comments if comments is not None else hasattr(model, "allow_comments"):
        _commentable.add(model)
    return model


register(XtdComment, comments=False)


def register_notice_target(model: M) -> M:
    """A model notifications point at that takes no likes or comments (a team page): its visibility
    rule (`user_can_view`, `social_visible`) still filters every notification about it, so a notice
    about a private team disappears once the reader may no longer open it."""
    _notice_targets.add(model)
    return model


def can_see_notified(user: Any, obj: Any) -> bool:
    """Whether a notification about `obj` may be shown to `user` (None: a notice about nothing)."""
    if obj is None:
        return True
    if is_registered(obj):
        try:
            check_can_view(user, obj)
        except PermissionDenied:
            return False
        return True
    if isinstance(obj, tuple(_notice_targets)):
        can_view = getattr(obj, "user_can_view", None)
        return can_view is None or can_view(user)
    return True


def _registered_model(model: type[Model] | None, registry: set[type[Model]]) -> bool:
    return model is not None and (model in registry or any(issubclass(model, m) for m in registry))


def is_registered(obj: Any) -> bool:
    return isinstance(obj, tuple(_registry))


def check_can_view(user: Any, obj: Any) -> None:
    """PermissionDenied unless `user` may see `obj` (and so like it or comment on it)."""
    if not is_registered(obj):
        raise PermissionDenied("This kind of object has no social features.")
    if isinstance(obj, Page):
        if not obj.live:
            raise PermissionDenied("Not published.")
        # A section behind a Wagtail view restriction (a group, a password) stays closed here too:
        # its comments, likes and notifications are not a way around it.
        if any(obj.path.startswith(path) for path in hidden_page_paths(user)):
            raise PermissionDenied("In a restricted section.")
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


class Closed(PermissionDenied):
    """The user may see it, but it takes no new likes or comments (closed, archived): views show the
    Dutch message instead of a bare 403."""


def check_can_like(obj: Any) -> None:
    """PermissionDenied (a Dutch message) when `obj` takes no new likes: a comment follows its target,
    so the comments of an archived team's post are read-only too."""
    target = obj.content_object if isinstance(obj, XtdComment) else obj
    if target is None or getattr(target, "allow_likes", True) is False:
        raise Closed(_("This can no longer be liked."))


def check_can_take_comments(obj: Any) -> None:
    """PermissionDenied (a Dutch message) unless `obj` is a kind meant for comments and still open."""
    if not _registered_model(type(obj), _commentable) or not getattr(obj, "allow_comments", True):
        raise Closed(_("Comments are closed here."))


def owner_of(obj: Any) -> Any:
    """The auth user who owns `obj`: a comment's writer or whatever the model names as its owner."""
    if isinstance(obj, XtdComment):
        return obj.user
    owner = getattr(obj, "social_owner", None)
    return owner() if callable(owner) else None


def title_of(obj: Any) -> str:
    if isinstance(obj, XtdComment):
        target = obj.content_object
        return title_of(target) if target is not None else ""
    return str(getattr(obj, "title", None) or obj)


def url_of(obj: Any) -> str:
    if isinstance(obj, XtdComment):
        target = obj.content_object
        return comment_url(target, obj.pk) if target is not None else ""
    return obj.get_absolute_url()


def comment_url(target: Any, comment_id: int) -> str:
    """A comment's permalink: ?reactie= opens the page of a long discussion that holds it."""
    return f"{url_of(target)}?reactie={comment_id}#c{comment_id}"


def resolve(content_type_id: Any, object_id: Any, purpose: str = LIKE) -> Model:
    """The registered object behind a posted (content type, id) pair, or 404. For comments only the
    kinds meant for them count (never a user, a person, a comment or any other model)."""
    try:
        content_type = ContentType.objects.get_for_id(int(content_type_id))
    except (ContentType.DoesNotExist, TypeError, ValueError) as exc:
        raise Http404 from exc
    model = content_type.model_class()
    if model is None or not _registered_model(model, _commentable if purpose == COMMENT else _registry):
        raise Http404
    try:
        return model._default_manager.get(pk=int(object_id))
    except (ObjectDoesNotExist, TypeError, ValueError) as exc:  # the model's DoesNotExist is one
        raise Http404 from exc


def access_target_by_id(user: Any, content_type_id: Any, object_id: Any, purpose: str = LIKE) -> Model:
    """The object if `user` may see it, else 404: hidden and missing answer alike."""
    obj = resolve(content_type_id, object_id, purpose)
    try:
        check_can_view(user, obj)
    except PermissionDenied as exc:
        raise Http404 from exc
    return obj


def access_comment_by_id(user: Any, comment_id: Any, *, own: bool = False) -> XtdComment:
    """A comment `user` may see, else 404. `own=True` also finds the user's own hidden or removed
    comment (to delete it), as long as its page is still theirs to see."""
    try:
        comment = XtdComment.objects.get(pk=int(comment_id))
    except (XtdComment.DoesNotExist, TypeError, ValueError) as exc:
        raise Http404 from exc
    try:
        if own and user.is_authenticated and comment.user_id == user.pk:
            target = comment.content_object
            if target is None:
                raise PermissionDenied
            check_can_view(user, target)
        else:
            check_can_view(user, comment)
    except PermissionDenied as exc:
        raise Http404 from exc
    return comment


# Visibility as SQL, for lists ------------------------------------------------------------------


def _visible_queryset(model: Any, user: Any) -> QuerySet[Any] | None:
    """The objects of a registered model `user` may see, or None for all of them."""
    custom = getattr(model, "social_visible", None)
    if custom is not None:
        return custom(user)
    if model is XtdComment:
        return XtdComment.objects.filter(is_public=True, is_removed=False).filter(
            visible_q(user, "content_type", "object_pk", text_ids=True, exclude=(XtdComment,))
        )
    if issubclass(model, Page):
        return visible_pages(model.objects.all(), user)
    if hasattr(model, "user_can_view"):
        # A rule only Python knows cannot filter a list: show nothing rather than too much.
        return model._default_manager.none()
    return None


def visible_q(
    user: Any, content_type_field: str, object_id_field: str, *, text_ids: bool = False, exclude: tuple[type, ...] = ()
) -> Q:
    """A Q for rows pointing at an object through (content type, id) fields: true where that object is
    visible to `user`, or of a kind outside the social layer (nothing to hide), or no object at all.
    `text_ids` for xtd's text `object_pk`. A few subqueries, however many rows."""
    ct = content_type_field

    def kind(model: type[Model]) -> Q:
        return Q(**{f"{ct}__app_label": model._meta.app_label, f"{ct}__model": model._meta.model_name})

    registered = Q()
    allowed = Q(**{f"{ct}__isnull": True})
    for model in sorted(_registry | _notice_targets, key=lambda m: m._meta.label):
        registered |= kind(model)
        if model in exclude:
            continue
        visible = _visible_queryset(model, user)
        if visible is None:
            allowed |= kind(model)
            continue
        allowed |= kind(model) & _among(visible, object_id_field, text_ids)
    return allowed | ~registered


def _among(visible: QuerySet[Any], object_id_field: str, text_ids: bool = False) -> Q:
    """The row's object (its id in `object_id_field`) is one of the `visible` queryset's."""
    if text_ids:
        return Q(**{f"{object_id_field}__in": visible.annotate(_id_text=Cast("pk", CharField())).values("_id_text")})
    # Per row, a lookup by primary key: an IN over every visible object made PostgreSQL read all of
    # them (100,000 team posts at 50,000 employees) for a user's one notification.
    return Q(Exists(visible.filter(pk=OuterRef(object_id_field))))


def visible_of_kinds_q(user: Any, kinds: Any, content_type_id_field: str, object_id_field: str) -> Q:
    """visible_q for rows known to be of the content types `kinds` (ids; None for rows without an
    object), as the bell knows from its first query: only those kinds' rules are built, and no join to
    the content types. Building every kind's subquery cost more than running it (issue 20)."""
    allowed = Q(pk__in=[])
    for type_id in kinds:
        if type_id is None:
            allowed |= Q(**{f"{content_type_id_field}__isnull": True})
            continue
        model = ContentType.objects.get_for_id(type_id).model_class()  # cached after a process's first
        same_kind = Q(**{content_type_id_field: type_id})
        visible = _visible_queryset(model, user) if model in (_registry | _notice_targets) else None
        # Outside the social layer, or visible to all: nothing to hide.
        allowed |= same_kind if visible is None else same_kind & _among(visible, object_id_field)
    return allowed
