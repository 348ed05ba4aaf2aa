from django.urls import path

from directregelen import views

app_name = "directregelen"
urlpatterns = [
    path("", views.my_requests, name="my_requests"),
    path("bijlage/<int:pk>/", views.attachment, name="attachment"),
    path("<str:reference>/", views.request_detail, name="request_detail"),
]
