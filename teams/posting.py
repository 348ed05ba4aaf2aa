"""Timeline posts: create, delete, questions and answers, pinning and a moderator's move
(re-exported by teams.services)."""

import os

from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _
from django_comments_xtd.models import XtdComment

from intranet import caching, throttle
from intranet.moderation import check_reason
from intranet.uploads import stored_name
from prikbord.services import create_post as create_prikbord_post
from social import mentions
from social.models import Like, Notification
from social.notifications import notify
from social.services import can_moderate
from teams import uploads
from teams.home_blocks import forget
from teams.models import POST_TEXT_MAX, TeamPage, TeamPost
from teams.rules import notice, require_admin, require_employee, require_open, touch
from teams.selectors import side_generation


def clean_post_fields(
    text: str | None, link: str | None, image: UploadedFile | None, document: UploadedFile | None
) -> tuple[str, str]:
    errors: dict[str, str | list[str]] = {}
    text = (text or "").strip()
    link = (link or "").strip()
    if not text:
        errors["text"] = _("Write something first.")
    elif len(text) > POST_TEXT_MAX:
        errors["text"] = _("A post can be at most %(max)d characters; yours has %(length)d.") % {
            "max": POST_TEXT_MAX,
            "length": len(text),
        }
    else:
        try:
            mentions.mentioned_people(text)  # refuses a mass mention now, beside the field
        except ValidationError as error:
            errors["text"] = error.messages
    if link:
        try:
            URLValidator(schemes=["http", "https"])(link)
        except ValidationError:
            errors["link"] = _("Enter a full web address, starting with https://.")
        if len(link) > 500:
            errors["link"] = _("The web address is too long.")
    if image and document:
        errors["document"] = _("Add a photo or a document, not both.")
    elif image:
        try:
            uploads.check_photo(image)
        except ValidationError as error:
            errors["image"] = error.messages
    elif document:
        try:
            uploads.check_document(document)
        except ValidationError as error:
            errors["document"] = error.messages
    if errors:
        raise ValidationError(errors)
    return text, link


def create_post(
    user: User,
    team: TeamPage,
    *,
    text: str | None,
    link: str | None = "",
    image: UploadedFile | None = None,
    image_alt: str | None = "",
    document: UploadedFile | None = None,
    is_question: bool = False,
) -> TeamPost:
    require_employee(user)
    require_open(team)
    if not team.is_member(user):
        raise PermissionDenied(_("Only members can post in this team."))
    text, link = clean_post_fields(text, link, image, document)
    throttle.hit(user, "team_post")
    now = timezone.now()
    with transaction.atomic():
        post = TeamPost(team=team, author=user, text=text, link=link, is_question=bool(is_question), created_at=now)
        if image:
            post.image.save(stored_name(image), image, save=False)
            post.image_alt = (image_alt or "").strip()[:250]
        if document:
            # The uploader's name is shown and downloaded as, never used to store or serve the file. (An
            # upload always has a name; `or ""` is for the type, whose name may be None.)
            post.document_name = os.path.basename(document.name or "")[:255]
            post.document.save(stored_name(document), document, save=False)
        post.save()
        touch(team, now)
        mentioned = {person.user: Notification.Verb.MENTION for person in mentions.mentioned_people(text)}
        # notify() leaves out whoever cannot see the post (non-members of a closed or private team).
        notify(
            mentioned,
            verb=Notification.Verb.MENTION,
            actor=user,
            target=post,
            title=post.title,
            url=post.get_absolute_url(),
            excerpt=text,
        )
    return post


def delete_post(user: User, post: TeamPost) -> None:
    """The author or a team admin removes a post (with its comments and likes)."""
    if post.author_id != user.pk and not post.team.is_admin(user) and not can_moderate(user):
        raise PermissionDenied(_("Only the author or a team admin can delete this post."))
    if not can_moderate(user):  # an archived team is read-only; moderators may still take a post down
        require_open(post.team)
    delete_post_social(post)
    post.delete()
    _forget_home_blocks()


def _forget_home_blocks() -> None:
    """A deleted or moved post must leave every homepage at once, not after the block's minute."""
    forget()


def delete_post_social(post: TeamPost) -> None:
    """Remove a team post's comments and likes (both point at it by content type and id)."""
    content_type = ContentType.objects.get_for_model(TeamPost)
    XtdComment.objects.filter(content_type=content_type, object_pk=str(post.pk)).delete()
    Like.objects.filter(content_type=content_type, object_id=post.pk).delete()


def record_answer(post: TeamPost, comment: XtdComment) -> bool:
    """The first comment by someone other than the asker is the first answer (called on every comment)."""
    if not post.is_question or post.first_answer_at is not None or comment.user_id == post.author_id:
        return False
    when = comment.submit_date or timezone.now()
    updated = TeamPost.objects.filter(pk=post.pk, first_answer_at__isnull=True).update(first_answer_at=when)
    if updated:
        post.first_answer_at = when
        caching.bump(side_generation(post.team_id))  # the kept timeline shows "no answer yet"; update() sends no signal
    return bool(updated)


def accept_answer(user: User, post: TeamPost, comment: XtdComment) -> TeamPost:
    """The asker marks a colleague's comment as the answer."""
    if post.author_id != user.pk:
        raise PermissionDenied(_("Only the person who asked can accept an answer."))
    require_open(post.team)
    if not post.is_question:
        raise ValidationError(_("This post is not a question."), code="not_question")
    content_type = ContentType.objects.get_for_model(TeamPost)
    if (
        comment.content_type_id != content_type.pk
        or comment.object_pk != str(post.pk)
        or not comment.is_public
        or comment.is_removed
    ):
        raise ValidationError(_("Choose an answer given to this question."), code="wrong_comment")
    if comment.user_id == user.pk:
        raise ValidationError(_("Accept an answer from a colleague, not your own comment."), code="own")
    now = timezone.now()
    post.accepted_answer = comment
    # The first acceptance counts for the time to an accepted answer; changing one's mind does not reset it.
    post.accepted_at = post.accepted_at or now
    post.first_answer_at = post.first_answer_at or comment.submit_date or now
    post.save(update_fields=["accepted_answer", "accepted_at", "first_answer_at", "updated_at"])
    return post


def pin_post(admin: User, post: TeamPost, pin: bool = True) -> TeamPage:
    """Pin a post at the top of the team page (one at a time); pin=False takes it off."""
    team = post.team
    require_admin(admin, team)
    require_open(team)
    team.pinned_post = post if pin else None
    TeamPage.objects.filter(pk=team.pk).update(pinned_post=team.pinned_post)
    return team


def move_post(
    moderator: User,
    post: TeamPost,
    *,
    to_team: TeamPage | None = None,
    to_prikbord_category: str | None = None,
    reason: str | None,
) -> TeamPost | Model:
    """A community manager moves a misplaced post to another team or to the notice board; the author is told why.

    Returns the post in its new place (a TeamPost, or the notice-board Post).
    """
    if not can_moderate(moderator):
        raise PermissionDenied(_("Only community managers can move posts."))
    reason, problem = check_reason(reason, _("Tell the author why the post is moved."))
    errors = {"reason": problem} if problem else {}
    if (to_team is None) == (not to_prikbord_category):
        errors["destination"] = _("Choose one team or one notice-board category.")
    elif to_team is not None and (to_team.pk == post.team_id or to_team.is_archived):
        errors["destination"] = _("Choose another team that is not archived.")
    if errors:
        raise ValidationError(errors)
    old_team = post.team
    author = post.author
    if to_team is not None:
        with transaction.atomic():
            post.team, post.moved_from, post.move_reason = to_team, old_team, reason
            post.save(update_fields=["team", "moved_from", "move_reason", "updated_at"])
            TeamPage.objects.filter(pk=old_team.pk, pinned_post=post).update(pinned_post=None)
            touch(to_team)
            # The author may not see the new team (closed or private): then only the old team is linked.
            visible = author is not None and to_team.content_visible_to(author)
            if visible:
                message = _("A community manager moved your post to %(team)s") % {"team": to_team.title}
            else:  # the name of a team the author cannot see is not theirs to learn
                message = _("A community manager moved your post to another team")
            notice(
                [author],
                moderator,
                post if visible else None,
                message,
                post.get_absolute_url() if visible else (old_team.get_url() or ""),
                excerpt=reason,
            )
        _forget_home_blocks()
        return post

    if author is None:
        raise ValidationError({"destination": _("The author is gone; a notice-board post needs one.")})
    assert to_prikbord_category  # checked above: no team, so a category

    with transaction.atomic():
        try:
            board_post = create_prikbord_post(
                author, category=to_prikbord_category, title=post.title[:120], text=post.text
            )
        except ValidationError as error:
            raise ValidationError({"destination": error.messages}) from error
        message = _("A community manager moved your post to the notice board")
        notice([author], moderator, board_post, message, board_post.get_absolute_url(), excerpt=reason)
        TeamPage.objects.filter(pinned_post=post).update(pinned_post=None)
        delete_post_social(post)
        post.delete()
    _forget_home_blocks()
    return board_post
