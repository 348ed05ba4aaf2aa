"""Template tags other apps use to make their content social.

{% load social_tags %}
{% comments_for page %}                  the comment section (tree, forms) of any registered object
{% like_button page %}                   a like button with count and who liked (one query)
{% like_button page summary=summaries %} the same from a like_summary() made for a whole list
{% unread_notifications as count %}      the bell's number (one query)
"""

from django import template
from django.contrib.contenttypes.models import ContentType

from social import selectors
from social.forms import CommentForm

register = template.Library()


def section_context(request, target, page_path, next_url, csrf_token):
    """What social/comments.html and social/comment_page.html need: the page of threads asked for
    (?reacties=<n>), or the page holding the comment a permalink names (?reactie=<id>)."""
    page = request.GET.get("reacties")
    if request.GET.get("reactie"):
        page = selectors.page_of_comment(target, request.GET["reactie"]) or page
    section = selectors.comment_section(target, request.user, page)
    section.update(
        {
            "request": request,
            "user": request.user,
            "form": CommentForm(),
            "csrf_token": csrf_token,
            "next": next_url,
            "page_path": page_path,
        }
    )
    return section


@register.inclusion_tag("social/comments.html", takes_context=True)
def comments_for(context, target):
    request = context["request"]
    return section_context(request, target, request.path, request.get_full_path(), context.get("csrf_token"))


@register.inclusion_tag("social/like_button.html", takes_context=True)
def like_button(context, obj, summaries=None, label=""):
    user = context["request"].user
    if summaries is None:
        summaries = selectors.like_summary([obj], user)
    return {
        "obj": obj,
        "summary": selectors.summary_for(summaries, obj),
        "content_type_id": ContentType.objects.get_for_model(obj).pk,
        "csrf_token": context.get("csrf_token"),
        "next": context["request"].get_full_path(),
        "label": label,
        "allowed": getattr(obj, "allow_likes", True) is not False,
    }


@register.simple_tag(takes_context=True)
def unread_notifications(context):
    user = context["request"].user
    return selectors.unread_count(user) if user.is_authenticated else 0


@register.filter
def likes_of(summaries, obj):
    return selectors.summary_for(summaries, obj)
