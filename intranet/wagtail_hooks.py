"""The frame's admin additions: the background-jobs list and its dashboard panel (intranet.admin_jobs)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from intranet import admin_jobs


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("achtergrondtaken/", admin_jobs.job_list, name="intranet_jobs"),
        path("achtergrondtaken/<uuid:result_id>/opnieuw/", admin_jobs.retry, name="intranet_jobs_retry"),
    ]


class JobsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_jobs.can_view_jobs(request.user)


@hooks.register("register_settings_menu_item")
def jobs_menu_item():
    return JobsMenuItem(_("Background jobs"), reverse("intranet_jobs"), icon_name="cogs", order=900)


@hooks.register("construct_homepage_panels")
def jobs_panel(request, panels):
    if admin_jobs.can_view_jobs(request.user):
        panels.append(admin_jobs.JobsPanel())
