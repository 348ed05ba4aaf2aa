"""Team actions (POST, teams.action_views) and the moderator's move form, mounted at /teams-acties/
(namespace "teams").

Team pages themselves are Wagtail pages under /teams/.
"""

from django.urls import include, path

from teams import action_views

app_name = "teams"
urlpatterns = [
    path("<int:team_id>/lid-worden/", action_views.join, name="join"),
    path("<int:team_id>/verlaten/", action_views.leave, name="leave"),
    path("<int:team_id>/uitnodigen/", action_views.invite, name="invite"),
    path("<int:team_id>/uitnodiging/", action_views.accept_invite, name="accept_invite"),
    path("<int:team_id>/leden/<int:user_id>/verwijderen/", action_views.remove, name="remove"),
    path("<int:team_id>/leden/<int:user_id>/rol/", action_views.role, name="role"),
    path("<int:team_id>/bericht/", action_views.post, name="post"),
    path("verzoek/<int:membership_id>/", action_views.decide, name="decide"),
    path("bericht/<int:post_id>/antwoord/", action_views.accept, name="accept"),
    path("bericht/<int:post_id>/vastzetten/", action_views.pin, name="pin"),
    path("bericht/<int:post_id>/verplaatsen/", action_views.move, name="move"),
    path("bericht/<int:post_id>/verwijderen/", action_views.delete_post, name="delete_post"),
    path("beheer/", include("teams.upkeep.urls")),
]
