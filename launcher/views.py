from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from intranet.web import safe_next
from launcher import selectors, services
from launcher.models import App, Category

ACTIONS = {
    "pin": (services.pin, gettext_lazy("“%(name)s” is pinned to your apps.")),
    "unpin": (services.unpin, gettext_lazy("“%(name)s” is no longer pinned.")),
    "up": (lambda user, app: services.move(user, app, "up"), gettext_lazy("“%(name)s” moved up.")),
    "down": (lambda user, app: services.move(user, app, "down"), gettext_lazy("“%(name)s” moved down.")),
}


def index(request):
    """All apps by category with a filter, and the employee's own apps on top (works without JS)."""
    text = request.GET.get("q", "").strip()[:100]
    category = request.GET.get("categorie", "")
    person = getattr(request.user, "person", None)
    pinned, defaults = selectors.my_apps(request.user, person)
    context = {
        "pinned": pinned,
        "defaults": defaults,
        "pinned_ids": {app.pk for app in pinned},
        "groups": selectors.catalogue(text=text, category=category),
        "categories": Category.choices,
        "query": text,
        "category": category,
    }
    return render(request, "launcher/index.html", context)


@require_POST
def act(request, pk):
    app = get_object_or_404(App, pk=pk)
    action = ACTIONS.get(request.POST.get("action", ""))
    if action is None:
        messages.error(request, _("Unknown action."))
    else:
        function, message = action
        try:
            function(request.user, app)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, str(message) % {"name": app.name})
    return redirect(safe_next(request, reverse("launcher:index")))
