from django.urls import path

from home import views

app_name = "home"
urlpatterns = [
    path("fotos/", views.photos, name="photos"),
    path("welkom/sluiten/", views.dismiss_welcome, name="dismiss_welcome"),
]
