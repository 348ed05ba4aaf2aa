from django.urls import path

from rooms import views

app_name = "rooms"
urlpatterns = [
    path("", views.day_view, name="day"),
    path("zoeken/", views.find_view, name="find"),
    path("reserveren/", views.book_view, name="book"),
    path("mijn-reserveringen/", views.mine_view, name="mine"),
    path("reserveringen/<int:pk>/wijzigen/", views.change_view, name="change"),
    path("reserveringen/<int:pk>/annuleren/", views.cancel_view, name="cancel"),
    path("agenda/nieuwe-link/", views.reset_feed_view, name="reset_feed"),
    path("agenda/<int:person_id>/<str:token>/reserveringen.ics", views.person_feed, name="person_feed"),
    path("agenda/<int:person_id>/<str:token>/zaal-<int:room_id>.ics", views.room_feed, name="room_feed"),
]
