from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render


@login_not_required
def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@login_not_required
def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


@login_not_required
def server_error(request):
    # Rendered without context processors' database work: the database may be what failed.
    return render(request, "500.html", status=500)


class FriendlyNotFoundMiddleware:
    """Development only (settings.dev): a mistyped URL under `make run` shows Plein's Dutch 404 page,
    as in production, instead of Django's English debug page. PLEIN_DEBUG_404=1 brings that back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.http import Http404

        if isinstance(exception, Http404):
            return page_not_found(request, exception)
        return None
