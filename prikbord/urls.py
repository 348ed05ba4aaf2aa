from django.urls import path

from prikbord import views

app_name = "prikbord"
urlpatterns = [
    path("", views.board, name="board"),
    path("nieuw/", views.create, name="create"),
    path("mijn-berichten/", views.mine, name="mine"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/beheer/", views.owner_action, name="owner_action"),
    path("<int:pk>/modereren/", views.moderate, name="moderate"),
]
