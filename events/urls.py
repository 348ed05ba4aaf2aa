"""Event actions and team events, mounted at /evenementen/ (namespace "events"). The agenda itself is
the EventIndexPage at /agenda/ (served by Wagtail), organisation events its child pages."""

from django.urls import path, register_converter

from events import views


class KindConverter:
    regex = "pagina|team"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(KindConverter, "eventkind")

app_name = "events"
urlpatterns = [
    path("team/<int:pk>/", views.team_event, name="team_event"),
    path("team/<int:pk>/wijzigen/", views.edit_team_event, name="edit_team_event"),
    path("teams/<int:team_id>/nieuw/", views.new_team_event, name="new_team_event"),
    path("<eventkind:kind>/<int:pk>/aanmelden/", views.respond, name="respond"),
    path("<eventkind:kind>/<int:pk>/agenda.ics", views.download_ics, name="ics"),
    path("<eventkind:kind>/<int:pk>/deelnemers/", views.attendee_list, name="attendees"),
    path("<eventkind:kind>/<int:pk>/deelnemers.csv", views.attendee_csv, name="attendees_csv"),
    path("<eventkind:kind>/<int:pk>/bericht/", views.message_attendees, name="message"),
    path("<eventkind:kind>/<int:pk>/annuleren/", views.cancel, name="cancel"),
]
