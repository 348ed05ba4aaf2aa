from django.urls import path

from privacy import views

app_name = "privacy"
urlpatterns = [
    path("", views.my_data, name="my_data"),
    path("aanvragen/", views.request_export, name="request_export"),
]
