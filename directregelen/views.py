"""Mijn aanvragen: the employee's own requests, one request with its replies, and private attachments."""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from directregelen import selectors, services
from directregelen.models import RequestAttachment
from intranet.media_headers import secure_file_response

PER_PAGE = 25


@require_GET
def my_requests(request):
    page_obj = Paginator(selectors.requests_of(request.user), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "directregelen/my_requests.html",
        {"page_obj": page_obj, "requests": page_obj.object_list, "portal": selectors.portal()},
    )


@require_GET
def request_detail(request, reference):
    found = selectors.request_for_requester(request.user, reference)
    if found is None:
        raise Http404
    return render(request, "directregelen/request_detail.html", {"service_request": found})


@never_cache
@require_GET
def attachment(request, pk):
    """A request's photo or PDF, only for its requester and the department's staff."""
    item = get_object_or_404(RequestAttachment.objects.select_related("request__department"), pk=pk)
    if not services.can_view(request.user, item.request):
        raise Http404
    response = FileResponse(item.file.open("rb"))
    response["Cache-Control"] = "private, no-store"
    # The frame's header set: type from the stored (checked) extension, PDFs as downloads, sandboxed.
    return secure_file_response(response, item.file.name, item.original_name)
