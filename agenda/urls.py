"""Event actions and team events, mounted at /evenementen/ (namespace "events"). The agenda itself is
the EventIndexPage at /agenda/ (served by Wagtail), organisation events its child pages.
`kind` is "pagina" (an EventPage) or "team" (a TeamEvent); anything else is a 404."""

from django.urls import path

from agenda import views

app_name = "events"
urlpatterns = [
    path("team/<int:pk>/", views.team_event, name="team_event"),
    path("team/<int:pk>/wijzigen/", views.edit_team_event, name="edit_team_event"),
    path("teams/<int:team_id>/nieuw/", views.new_team_event, name="new_team_event"),
    path("<str:kind>/<int:pk>/", views.event, name="event"),
    path("<str:kind>/<int:pk>/aanmelden/", views.respond, name="respond"),
    path("<str:kind>/<int:pk>/agenda.ics", views.download_ics, name="ics"),
    path("<str:kind>/<int:pk>/deelnemers/", views.attendee_list, name="attendees"),
    path("<str:kind>/<int:pk>/deelnemers.csv", views.attendee_csv, name="attendees_csv"),
    path("<str:kind>/<int:pk>/bericht/", views.message_attendees, name="message"),
    path("<str:kind>/<int:pk>/annuleren/", views.cancel, name="cancel"),
]
