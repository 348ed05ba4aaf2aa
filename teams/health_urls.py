"""Keeping teams healthy: community managers' pages, mounted by teams/urls.py at /teams-acties/beheer/
(namespace "teams", like the other team actions)."""

from django.urls import path

from teams import health_views

urlpatterns = [
    path("", health_views.overview, name="health"),
    path("stil/", health_views.quiet_list, name="quiet"),
    path("dubbel/", health_views.duplicate_list, name="duplicates"),
    path("gearchiveerd/", health_views.archived_list, name="archived"),
    path("samenvoegen/", health_views.merge_view, name="merge"),
    path("<int:team_id>/archiveren/", health_views.archive, name="archive"),
    path("<int:team_id>/herstellen/", health_views.restore, name="restore"),
    path("<int:team_id>/houden/", health_views.keep, name="keep"),
    path("vergelijkbaar/", health_views.similar, name="similar"),
]
