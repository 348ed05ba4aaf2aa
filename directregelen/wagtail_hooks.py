from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_modeladmin.options import modeladmin_register

from directregelen.access import setup_department
from directregelen.admin_queue import RequestAdmin
from directregelen.models import DepartmentPage, Request, RequestLogEntry
from directregelen.reports import OverdueServicesView

modeladmin_register(RequestAdmin)


@hooks.register("register_log_actions")
def log_requests_per_department(actions):
    # Requests' log entries filter per department (history views, the site history report).
    actions.register_model(Request, RequestLogEntry)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/dienstpaginas-controleren/", OverdueServicesView.as_view(), name="directregelen_overdue"),
        path(
            "reports/dienstpaginas-controleren/results/",
            OverdueServicesView.as_view(results_only=True),
            name="directregelen_overdue_results",
        ),
    ]


class OverdueMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"])


@hooks.register("register_reports_menu_item")
def register_overdue_menu_item():
    return OverdueMenuItem(
        _("Service pages to review"),
        reverse("directregelen_overdue"),
        name="directregelen-overdue",
        icon_name="time",
        order=1150,
    )


@hooks.register("after_create_page")
def give_new_department_its_editors(request, page):
    if isinstance(page.specific, DepartmentPage):
        setup_department(page.specific)


@hooks.register("after_copy_page")
def give_copied_departments_their_editors(request, page, new_page):
    # A copy starts without groups (exclude_fields_in_copy): it gets its own, as a new department does.
    for department in new_page.get_descendants(inclusive=True).type(DepartmentPage).specific():
        setup_department(department)
