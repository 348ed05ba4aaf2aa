"""The upkeep pages' addresses: community managers' pages, mounted by teams/urls.py at /teams-acties/beheer/
(namespace "teams", like the other team actions)."""

from django.urls import path

from teams.upkeep import views

urlpatterns = [
    path("", views.overview, name="health"),
    path("stil/", views.quiet_list, name="quiet"),
    path("dubbel/", views.duplicate_list, name="duplicates"),
    path("gearchiveerd/", views.archived_list, name="archived"),
    path("samenvoegen/", views.merge_view, name="merge"),
    path("<int:team_id>/archiveren/", views.archive, name="archive"),
    path("<int:team_id>/herstellen/", views.restore, name="restore"),
    path("<int:team_id>/houden/", views.keep, name="keep"),
    path("vergelijkbaar/", views.similar, name="similar"),
]
