"""The front-end blog form, routed by BlogIndexPage at <blogs>/schrijven/."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from news import blogging
from news.forms import BlogForm


def write_blog(request, index):
    # 403, not 404: the blogs are visible to everyone; only writing is for the bloggers group.
    if not blogging.may_write(request.user, index):
        raise PermissionDenied
    form = BlogForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        page, published = blogging.write_blog(request.user, index, **form.cleaned_data)
        if published:
            messages.success(request, _("Your blog post is published."))
            return redirect(page.url)
        messages.success(request, _("Thank you! Your blog post has gone to the editors, who will publish it."))
        return redirect(index.url)
    return TemplateResponse(request, "news/blog_write.html", {"page": index, "form": form})
