"""Template tags other apps use to make their content social.

{% load social_tags %}
{% comments_for page %}                  the comment section (tree, forms) of any registered object
{% like_button page %}                   a like button with count and who liked (one query)
{% like_button page summary=summaries %} the same from a like_summary() made for a whole list
{% unread_notifications as count %}      the bell's number (one query)
"""

import hashlib

from django import template
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import get_language, gettext

from intranet import caching
from people.cards import render_avatars
from people.signals import GENERATION as PEOPLE_GENERATION
from social import selectors
from social.forms import CommentForm
from social.selectors import LikeButton, url_for_each

register = template.Library()


def _decorate_comments(section, next_url):
    """Work out, once per comment in Python, what the comment template would otherwise compute with
    a nested include, URL tags, translation tags and date filters per comment: on a page of 20
    threads with their replies that template work was most of the discussion's cost."""
    content_type_id = section["comment_content_type_id"]
    like_url = url_for_each("social:like", content_type_id)
    delete_url = url_for_each("social:comment_delete")
    flag_url = url_for_each("social:comment_flag")
    shown_format = "j F Y, H:i"
    for item in section["tree"]:
        for comment in [item["comment"], *(child["comment"] for child in item["children"])]:
            by = gettext("comment by %(name)s") % {"name": comment.user_name}
            comment.aria_label = gettext("Comment by %(name)s") % {"name": comment.user_name}
            comment.by_label = by
            submitted = timezone.localtime(comment.submit_date)
            comment.iso_date = submitted.isoformat()
            comment.shown_date = formats.date_format(submitted, shown_format)
            comment.action_url = delete_url(comment.pk) if comment.is_mine else flag_url(comment.pk)
            dom_id = f"like-{content_type_id}-{comment.pk}"
            comment.like_button = LikeButton(
                url=like_url(comment.pk),
                dom_id=dom_id,
                summary=comment.likes,
                next=f"{next_url}#{dom_id}" if next_url else "",
                label=by,
                allowed=section["likes_open"],
            )
            if not comment.level:
                comment.reply_label = gettext("Your reply to %(name)s") % {"name": comment.user_name}


BODY_TEMPLATE = "social/comment_body.html"
BODY_SECONDS = 900


def _body_key(comment):
    """Content-addressed: what the comment's own part shows is in the key, with the people generation
    (names, photos, job titles, mentioned colleagues) and the language."""
    person = comment.person
    facts = (
        comment.pk,
        comment.comment,
        comment.user_name,
        comment.is_removed,
        comment.iso_date,
        (person.slug, person.full_name, person.job_title, person.photo_id) if person is not None else None,
    )
    digest = hashlib.sha256(repr(facts).encode()).hexdigest()[:32]
    return f"{caching.versioned_key(PEOPLE_GENERATION, 'comment-body', get_language() or '')}:{comment.pk}:{digest}"


def _give_bodies(comments):
    """Each comment's own part from the cache in one read, the missing ones rendered and stored."""
    if not comments:
        return
    by_key = {_body_key(comment): comment for comment in comments}

    def give_avatars(missing):
        # Only the bodies to render need their writer's avatar (the body's key has the photo in it).
        writers = [by_key[key] for key in missing]
        avatars = render_avatars([comment.person for comment in writers], "small")
        for comment in writers:
            comment.avatar = avatars.get(comment.person.pk) if comment.person is not None else None

    contexts = {key: {"comment": comment} for key, comment in by_key.items()}
    found = caching.remember_rendered(BODY_TEMPLATE, contexts, BODY_SECONDS, prepare=give_avatars)
    for key, comment in by_key.items():
        comment.body = found[key]


def section_context(request, target, page_path, next_url, csrf_token):
    """What social/comments.html and social/comment_page.html need: the page of threads asked for
    (?reacties=<n>), or the page holding the comment a permalink names (?reactie=<id>)."""
    page = request.GET.get("reacties")
    if request.GET.get("reactie"):
        page = selectors.page_of_comment(target, request.GET["reactie"]) or page
    section = selectors.comment_section(target, request.user, page)
    _decorate_comments(section, next_url)
    _give_bodies(
        [c for item in section["tree"] for c in [item["comment"], *(child["comment"] for child in item["children"])]]
    )
    section.update(
        {
            "request": request,
            "user": request.user,
            "form": CommentForm(),
            "csrf_token": csrf_token,
            "next": next_url,
            "page_path": page_path,
            "post_url": reverse("social:comment_post", args=[section["content_type_id"], target.pk]),
            "mentions_url": reverse("social:mention_suggestions"),
        }
    )
    return section


@register.inclusion_tag("social/comments.html", takes_context=True)
def comments_for(context, target):
    request = context["request"]
    return section_context(request, target, request.path, request.get_full_path(), context.get("csrf_token"))


@register.inclusion_tag("social/like_button.html", takes_context=True)
def like_button(context, obj, summaries=None, label=""):
    request = context["request"]
    if summaries is None:
        summaries = selectors.like_summary([obj], request.user)
    content_type_id = ContentType.objects.get_for_model(obj).pk
    dom_id = f"like-{content_type_id}-{obj.pk}"
    button = LikeButton(
        url=reverse("social:like", args=[content_type_id, obj.pk]),
        dom_id=dom_id,
        summary=selectors.summary_for(summaries, obj),
        next=f"{request.get_full_path()}#{dom_id}",
        label=label,
        allowed=getattr(obj, "allow_likes", True) is not False,
    )
    return {"like": button, "csrf_token": context.get("csrf_token")}


@register.simple_tag(takes_context=True)
def unread_notifications(context):
    user = context["request"].user
    return selectors.unread_count(user) if user.is_authenticated else 0


@register.filter
def likes_of(summaries, obj):
    return selectors.summary_for(summaries, obj)
