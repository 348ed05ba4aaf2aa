from django.urls import path

from social import views

app_name = "social"
urlpatterns = [
    path("leuk/<int:content_type_id>/<int:object_id>/", views.toggle_like, name="like"),
    path("reacties/<int:content_type_id>/<int:object_id>/", views.comment_page, name="comment_page"),
    path("reacties/<int:content_type_id>/<int:object_id>/plaatsen/", views.post_comment, name="comment_post"),
    path("reacties/<int:comment_id>/verwijderen/", views.delete_comment, name="comment_delete"),
    path("reacties/<int:comment_id>/melden/", views.flag_comment, name="comment_flag"),
    path("noemen/", views.mention_suggestions, name="mention_suggestions"),
    path("meldingen/", views.notification_list, name="notifications"),
    path("meldingen/gelezen/", views.mark_read, name="mark_read"),
    path("meldingen/<int:notification_id>/openen/", views.open_notification, name="open_notification"),
    path("meldingen/instellingen/", views.preferences, name="preferences"),
]
