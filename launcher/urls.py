from django.urls import path

from launcher import views

app_name = "launcher"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.act, name="act"),
]
