"""Each feature app's own URLs, mounted in one place so the frame stays short.

Page-tree content (news, teams, people, Direct regelen) is served by Wagtail's router instead.
"""

from django.urls import include, path

from intranet.views import accessibility_statement

urlpatterns = [
    path("toegankelijkheid/", accessibility_statement, name="accessibility_statement"),
    path("zoeken/", include("search.urls")),
    path("zalen/", include("rooms.urls")),
    path("evenementen/", include("agenda.urls")),
    path("aanvragen/", include("directregelen.urls")),
    path("sociaal/", include("social.urls")),
    path("apps/", include("launcher.urls")),
    path("prikbord/", include("prikbord.urls")),
    path("start/", include("home.urls")),
    path("teams-acties/", include("teams.urls")),
    path("mijn-gegevens/", include("privacy.urls")),
    path("verplicht-gelezen/", include("mustread.urls")),
    # The integration API (docs/api.md): tokens open only these views.
    path("api/", include("api.urls")),
    # django-comments-xtd without its API and write views (see social/comment_urls.py).
    path("reacties/", include("social.comment_urls")),
]
