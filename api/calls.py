"""The call log: who called what and when (no bodies), and the login wall's door for API views only."""

import functools

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponseNotAllowed
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from api import errors
from api.models import ApiCall

PATH_MAX = ApiCall._meta.get_field("path").max_length


def log(request, response):
    token = getattr(request, "api_token", None)
    if token is None and response.status_code == 401:
        if getattr(request, "refused_throttled", False):
            return  # a revoked token past its limit: counted, not written down again and again
        token = getattr(request, "refused_token", None)  # a revoked or expired token, named on its refusal only
    user = getattr(request, "user", None)
    user = user if user is not None and user.is_authenticated and token is None else None
    if token is None and user is None:
        return  # nobody to name: anonymous refusals are not kept
    ApiCall.objects.create(
        token=token,
        user=user,
        method=request.method[:8],
        path=request.path[:PATH_MAX],
        status=response.status_code,
        at=timezone.now(),
    )


def open_to_tokens(pattern):
    """Let the login wall pass this API view (its own auth answers 401 instead) and log each call."""
    view = pattern.callback

    @login_not_required
    @functools.wraps(view)
    def logged(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if isinstance(response, HttpResponseNotAllowed):  # django-ninja's is an empty text answer
            response = errors.json_response(405, {"Allow": response["Allow"]})
        log(request, response)
        return response

    pattern.callback = logged
    return pattern


@csrf_exempt  # else a POST to an unknown path gets Django's HTML CSRF page; it changes nothing
@login_not_required
def not_found(request, rest=""):
    """Any other path under /api/v1/: the API's JSON 404, not the front end's HTML page or the login wall."""
    return errors.json_response(404)
