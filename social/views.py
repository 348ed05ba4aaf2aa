"""Thin views over social.services: every change is a POST, every refusal a Dutch message."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from intranet.client_ip import client_ip
from intranet.ids import parse_ids
from intranet.web import safe_next, wants_json
from social import notifications, selectors, services, targets
from social.forms import CommentForm, PreferenceForm
from social.templatetags.social_tags import section_context


def _back(request, fallback):
    return safe_next(request, fallback or "/")


@require_POST
def toggle_like(request, content_type_id, object_id):
    obj = targets.access_target_by_id(request.user, content_type_id, object_id)
    try:
        liked = services.toggle_like(request.user, obj)
    except targets.Closed as refusal:  # seen but closed (an archived team): say why, change nothing
        if wants_json(request):
            return JsonResponse({"error": refusal.args[0]}, status=400)
        messages.error(request, refusal.args[0])
        return redirect(_back(request, targets.url_of(obj)))
    except ValidationError as refusal:  # too many likes too quickly (intranet.throttle)
        if wants_json(request):
            return JsonResponse({"error": refusal.messages[0]}, status=429)
        messages.error(request, refusal.messages[0])
        return redirect(_back(request, targets.url_of(obj)))
    if wants_json(request):
        summary = selectors.summary_for(selectors.like_summary([obj], request.user), obj)
        return JsonResponse({"liked": liked, "count": summary.count, "names": summary.names})
    return redirect(_back(request, targets.url_of(obj)))


@require_POST
def post_comment(request, content_type_id, object_id):
    # Who may not see the target gets a 404, as for a missing one, before the "comments closed" page
    # could show its title; only kinds meant for comments are found at all.
    target = targets.access_target_by_id(request.user, content_type_id, object_id, purpose=targets.COMMENT)
    form = CommentForm(request.POST)
    try:
        services.check_can_comment(request.user, target)
    except targets.Closed:
        context = {"form": form, "target": target, "target_url": targets.url_of(target), "closed": True}
        return render(request, "social/comment_form_page.html", context, status=403)
    parent = None
    status = 400
    if form.is_valid():
        if form.cleaned_data["parent"]:
            parent = targets.access_comment_by_id(request.user, form.cleaned_data["parent"])
        try:
            comment = services.post_comment(
                request.user,
                target,
                form.cleaned_data["comment"],
                parent=parent,
                ip_address=client_ip(request),
            )
        except ValidationError as error:
            form.add_error("comment", error)
            status = 429 if getattr(error, "code", None) == "throttled" else 400
        else:
            messages.success(request, _("Your comment has been posted."))
            return redirect(targets.comment_url(target, comment.pk))
    # Shown again with the error beside the field and the typed text kept.
    context = {"form": form, "target": target, "target_url": targets.url_of(target), "parent": parent}
    return render(request, "social/comment_form_page.html", context, status=status)


@require_POST
def delete_comment(request, comment_id):
    comment = targets.access_comment_by_id(request.user, comment_id, own=True)
    services.delete_comment(request.user, comment)
    messages.success(request, _("Your comment has been deleted."))
    return redirect(_back(request, _target_url(comment)))


@require_POST
def flag_comment(request, comment_id):
    comment = targets.access_comment_by_id(request.user, comment_id)
    services.flag_comment(request.user, comment)
    messages.success(request, _("Thank you. A community manager will look at this comment."))
    return redirect(_back(request, _target_url(comment)))


def comment_page(request, content_type_id, object_id):
    """One page of older threads alone, for "Meer reacties" (social.js appends it to the section).
    The same visibility rule as the page itself: a private team's comments are a 404 to outsiders."""
    target = targets.access_target_by_id(request.user, content_type_id, object_id, purpose=targets.COMMENT)
    page_path = targets.url_of(target)
    context = section_context(request, target, page_path, page_path, get_token(request))
    return render(request, "social/comment_page.html", context)


def _target_url(comment):
    try:
        return targets.url_of(comment)
    except (AttributeError, PermissionDenied):
        return "/"


def mention_suggestions(request):
    """Colleagues whose name starts like the typed text, for the @mention picker (JSON, max 8)."""
    people = [
        {"slug": person.slug, "name": person.full_name, "function": person.job_title}
        for person in selectors.people_to_mention(request.GET.get("q", ""))
    ]
    return JsonResponse({"people": people})


def notification_list(request):
    page = Paginator(selectors.notifications_for(request.user), 30).get_page(request.GET.get("page"))
    return render(request, "social/notification_list.html", {"page_obj": page, "notifications": page.object_list})


@require_POST
def mark_read(request):
    ids = request.POST.getlist("notification")
    count = notifications.mark_read(request.user, parse_ids(ids) if ids else None)
    if wants_json(request):
        return JsonResponse({"marked": count, "unread": selectors.unread_count(request.user)})
    messages.success(request, _("Marked as read."))
    return redirect(_back(request, "social:notifications"))


@require_POST
def open_notification(request, notification_id):
    notification = get_object_or_404(selectors.visible_notifications(request.user), pk=notification_id)
    notifications.mark_read(request.user, [notification.pk])
    return redirect(safe_next(request, "social:notifications", value=notification.url))


def preferences(request):
    current = notifications.email_preference(request.user)
    if request.method == "POST":
        form = PreferenceForm(request.POST)
        if form.is_valid():
            notifications.set_email_preference(request.user, form.cleaned_data["email"])
            messages.success(request, _("Your notification settings have been saved."))
            return redirect("social:preferences")
    else:
        form = PreferenceForm(initial={"email": current})
    return render(request, "social/preferences.html", {"form": form})
