"""Team actions (POST) and the moderator's move form, mounted at /teams-acties/ (namespace "teams").

Team pages themselves are Wagtail pages under /teams/.
"""

from django.urls import include, path

from teams import actions

app_name = "teams"
urlpatterns = [
    path("<int:team_id>/lid-worden/", actions.join, name="join"),
    path("<int:team_id>/verlaten/", actions.leave, name="leave"),
    path("<int:team_id>/uitnodigen/", actions.invite, name="invite"),
    path("<int:team_id>/uitnodiging/", actions.accept_invite, name="accept_invite"),
    path("<int:team_id>/leden/<int:user_id>/verwijderen/", actions.remove, name="remove"),
    path("<int:team_id>/leden/<int:user_id>/rol/", actions.role, name="role"),
    path("<int:team_id>/bericht/", actions.post, name="post"),
    path("verzoek/<int:membership_id>/", actions.decide, name="decide"),
    path("bericht/<int:post_id>/antwoord/", actions.accept, name="accept"),
    path("bericht/<int:post_id>/vastzetten/", actions.pin, name="pin"),
    path("bericht/<int:post_id>/verplaatsen/", actions.move, name="move"),
    path("bericht/<int:post_id>/verwijderen/", actions.delete_post, name="delete_post"),
    path("beheer/", include("teams.health_urls")),
]
