from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page


def search(request):
    """The results page behind the header's search box; the search issue groups it by kind."""
    query = request.GET.get("q", "").strip()[:200]
    results = Page.objects.none()
    if query:
        results = Page.objects.live().public().search(query)
    page = Paginator(results, 20).get_page(request.GET.get("page"))
    return render(request, "search/results.html", {"query": query, "page_obj": page})
