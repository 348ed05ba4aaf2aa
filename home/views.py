from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home import selectors, services
from home.forms import PhotoSubmissionForm
from intranet.web import safe_next, wants_json
from social import selectors as social


def photos(request):
    """The header-photo gallery: colleagues' submissions to like, and the form to submit one."""
    form = PhotoSubmissionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_photo(request.user, title=form.cleaned_data["title"], upload=form.cleaned_data["photo"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you! The editors will see your photo."))
            return redirect("home:photos")
    page = Paginator(selectors.gallery(), 24).get_page(request.GET.get("page"))
    submissions = list(page.object_list)
    context = {
        "form": form,
        "page_obj": page,
        "submissions": submissions,
        "likes": social.like_summary(submissions, request.user),
    }
    return render(request, "home/photos.html", context, status=400 if form.is_bound else 200)


@require_POST
def dismiss_welcome(request):
    services.dismiss_welcome(request.user)
    if wants_json(request):
        return JsonResponse({"dismissed": True})
    return redirect(safe_next(request, "/"))
