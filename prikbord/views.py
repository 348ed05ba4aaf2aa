"""Thin views over prikbord.services; every change is a POST and works without JavaScript."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prikbord import selectors, services
from prikbord.cards import give_cards
from prikbord.forms import ModerationForm, PostForm
from prikbord.models import Category
from social import selectors as social

PER_PAGE = 20


def _social_context(posts, user, show_status=False):
    likes, comment_counts = social.like_summary(posts, user), social.comment_counts(posts)
    give_cards(posts, likes, comment_counts, show_status=show_status)
    return {"likes": likes, "comment_counts": comment_counts}


def board(request):
    text = request.GET.get("q", "").strip()[:100]
    category = request.GET.get("categorie", "")
    page = Paginator(selectors.board(category=category, text=text), PER_PAGE).get_page(request.GET.get("page"))
    posts = list(page.object_list)
    context = {
        "page_obj": page,
        "posts": posts,
        "categories": Category.choices,
        "category": category,
        "query": text,
        "can_moderate": services.can_moderate(request.user),
        **_social_context(posts, request.user),
    }
    return render(request, "prikbord/board.html", context)


def mine(request):
    page = Paginator(selectors.mine(request.user), PER_PAGE).get_page(request.GET.get("page"))
    posts = list(page.object_list)
    return render(
        request,
        "prikbord/mine.html",
        {"page_obj": page, "posts": posts, **_social_context(posts, request.user, show_status=True)},
    )


def _get_visible(request, pk):
    post = selectors.detail(pk)
    if post is None or not post.user_can_view(request.user):
        raise Http404
    return post


def detail(request, pk):
    post = _get_visible(request, pk)
    context = {
        "post": post,
        "is_owner": post.author_id == request.user.pk,
        "can_moderate": services.can_moderate(request.user),
        "moderation_form": ModerationForm(initial={"category": post.category}),
    }
    return render(request, "prikbord/detail.html", context)


def create(request):
    form = PostForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            post = services.create_post(
                request.user,
                category=data["category"],
                title=data["title"],
                text=data["text"],
                price=data["price"],
                photos=data["photos"],
                photos_alt=data.get("photos_alt", ""),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your post is on the notice board for 30 days."))
            return redirect(post)
    status = 400 if form.is_bound else 200
    return render(request, "prikbord/form.html", {"form": form}, status=status)


@require_POST
def owner_action(request, pk):
    post = _get_visible(request, pk)
    action = request.POST.get("action")
    try:
        if action == "renew":
            services.renew(request.user, post)
            messages.success(request, _("Renewed: your post stays on the notice board for another 30 days."))
        elif action == "done":
            services.mark_done(request.user, post)
            messages.success(request, _("Marked as sold or solved; it is no longer on the board."))
        else:
            raise ValidationError(_("Unknown action."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(post)


def moderate(request, pk):
    post = _get_visible(request, pk)
    if not services.can_moderate(request.user):
        raise PermissionDenied
    form = ModerationForm(request.POST or None, initial={"category": post.category})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["action"] == "remove":
                services.remove(request.user, post, data["reason"])
                messages.success(request, _("The post is removed; the author sees your reason."))
            else:
                services.move(request.user, post, data["category"], data["reason"])
                messages.success(request, _("The post is moved; the author sees your reason."))
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            return redirect(post)
    status = 400 if form.is_bound else 200
    return render(request, "prikbord/moderate.html", {"post": post, "form": form}, status=status)
