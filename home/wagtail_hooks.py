"""Editors see the header-photo submissions with their likes and choose the photo of the month."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.models import Site
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home import selectors, services
from home.models import PhotoSubmission


class ChooseColumn(Column):
    cell_template_name = "home/admin/choose_cell.html"


class PhotoSubmissionViewSet(SnippetViewSet):
    model = PhotoSubmission
    icon = "image"
    menu_label = gettext_lazy("Header photos")
    add_to_admin_menu = True
    menu_order = 260
    list_display = [
        "title",
        Column("submitter", label=gettext_lazy("Photographer"), accessor="submitter.person"),
        "created_at",
        Column("like_count", label=gettext_lazy("Likes")),
        Column("team_like_count", label=gettext_lazy("Photography team likes"), sort_key="team_like_count"),
        "chosen_at",
        ChooseColumn("choose", label=gettext_lazy("Header photo")),
    ]
    search_fields = ["title"]
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return selectors.with_like_counts(PhotoSubmission.objects.select_related("submitter__person"))


register_snippet(PhotoSubmissionViewSet)


def choose_view(request, pk):
    """GET asks for confirmation, POST makes the submission the header photo of the default site."""
    submission = get_object_or_404(PhotoSubmission.objects.select_related("image", "submitter__person"), pk=pk)
    if not request.user.has_perm(services.CHOOSE_PERMISSION):
        raise PermissionDenied
    if request.method == "POST":
        site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
        services.choose_photo(request.user, submission, site)
        messages.success(request, _("“%(title)s” is now the header photo.") % {"title": submission.title})
        return redirect(reverse("wagtailsnippets_home_photosubmission:list"))
    return TemplateResponse(request, "home/admin/choose_photo.html", {"submission": submission})


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("header-photo/<int:pk>/choose/", choose_view, name="home_choose_photo")]
