"""The results page, the suggestions endpoint and the click counter behind result links."""

from django.http import HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from intranet import concurrency
from search import services


def _page_number(raw):
    try:
        return max(1, min(int(raw), 500))
    except (TypeError, ValueError):
        return 1


@require_GET
def search(request):
    text = request.GET.get("q", "")
    kind = request.GET.get("soort", "")
    page = _page_number(request.GET.get("pagina"))
    try:
        with concurrency.slot_when_needed("search"):
            outcome = services.run_search(text, request.user, kind=kind, page=page)
    except concurrency.Busy:
        # Many long searches at once: a quick answer keeps threads free for the rest (intranet.concurrency).
        response = render(request, "search/busy.html", {"query": text}, status=503)
        response["Retry-After"] = "5"
        return response
    if outcome.query.normalised and not outcome.kind and page == 1:
        services.log_query(outcome.query.text, outcome.total, request.user)
    return render(request, "search/results.html", {"query": outcome.query.text, "outcome": outcome})


@require_GET
@never_cache
def suggestions(request):
    query, groups = services.suggest(request.GET.get("q", ""), request.user)
    return JsonResponse(
        {
            "query": query.text,
            "groups": [
                {"kind": g.kind, "label": str(g.label), "results": [r.as_json() for r in g.results]} for g in groups
            ],
            "all": {"url": f"{reverse('search:results')}?{urlencode({'q': query.text})}"} if query.text else None,
        }
    )


@require_GET
def click(request):
    """Count an opened result, then go there; only signed, local targets are followed."""
    data = services.read_click(request.GET.get("r", ""))
    if data is None:
        return HttpResponseBadRequest("Invalid link")
    services.log_click(data, request.user)
    return HttpResponseRedirect(data["u"])
