from django.urls import path

from mustread import views

app_name = "mustread"

urlpatterns = [
    path("<int:page_id>/bevestigen/", views.confirm, name="confirm"),
    path("<int:page_id>/voortgang/", views.progress, name="progress"),
    path("<int:page_id>/bevestigingen.csv", views.export, name="export"),
]
