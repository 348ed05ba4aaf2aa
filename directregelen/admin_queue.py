"""The request queue per department in the Wagtail admin (wagtail-modeladmin).

Staff see only their own departments' requests; "editing" a request means changing its status and/or
replying, which goes through services.respond (permission check, timestamps, notification).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList, Panel
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import EditView

from directregelen import services
from directregelen.models import Request
from intranet.ids import parse_id


class RespondForm(WagtailAdminModelForm):
    reply = forms.CharField(
        label=gettext_lazy("Reply to the requester"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("The requester gets it by e-mail and sees it under 'My requests'."),
    )

    class Meta:
        model = Request
        fields = ["status"]


class RequestDetailsPanel(Panel):
    """The request as submitted (answers, photos, earlier replies), read-only."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "directregelen/admin/request_details_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            request = self.instance
            context["service_request"] = request
            context["attachments"] = list(request.attachments.all())
            context["replies"] = list(request.replies.select_related("author__person"))
            return context


class RespondView(EditView):
    def dispatch(self, request, *args, **kwargs):
        if not services.can_handle(request.user, self.instance.department):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        # The form only validates; the change itself is the service's, with its own checks.
        try:
            services.respond(
                self.request.user,
                self.instance,
                status=form.cleaned_data.get("status") or "",
                body=form.cleaned_data.get("reply", ""),
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error("reply" if field == "body" else field, errors)
            return self.form_invalid(form)
        messages.success(self.request, _("Request %(reference)s updated.") % {"reference": self.instance.reference})
        return redirect(self.get_success_url())


class QueuePermissionHelper(PermissionHelper):
    def user_can_create(self, user):
        return False  # requests come in through the forms only

    def user_can_delete_obj(self, user, obj):
        return False  # nothing a user wrote is lost

    def user_can_edit_obj(self, user, obj):
        return super().user_can_edit_obj(user, obj) and services.can_handle(user, obj.department)


class RequestAdmin(ModelAdmin):
    model = Request
    menu_label = gettext_lazy("Requests")
    menu_icon = "tasks"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ("reference", "title", "requester_name", "department", "status", "submitted_at")
    list_filter = ("status", "department")
    search_fields = ("reference", "title")
    list_per_page = 50
    edit_view_class = RespondView
    permission_helper_class = QueuePermissionHelper
    edit_handler = ObjectList(
        [RequestDetailsPanel(heading=gettext_lazy("Request")), FieldPanel("status"), FieldPanel("reply")],
        base_form_class=RespondForm,
    )

    def _own_or_404(self, request, instance_pk):
        """Every view of one request (inspect, edit, delete, history) first checks the department:
        modeladmin looks instances up through the default manager, not through get_queryset."""
        pk = parse_id(str(instance_pk))
        if pk is None or not self.get_queryset(request).filter(pk=pk).exists():
            raise Http404

    def inspect_view(self, request, instance_pk):
        self._own_or_404(request, instance_pk)
        return super().inspect_view(request, instance_pk)

    def edit_view(self, request, instance_pk):
        self._own_or_404(request, instance_pk)
        return super().edit_view(request, instance_pk)

    def delete_view(self, request, instance_pk):
        self._own_or_404(request, instance_pk)
        return super().delete_view(request, instance_pk)

    def history_view(self, request, instance_pk):
        self._own_or_404(request, instance_pk)
        return super().history_view(request, instance_pk)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(department__in=services.handled_departments(request.user))
            .select_related("department", "requester__person")
        )

    # A plain method: modeladmin reads short_description from what getattr returns, and through a
    # staticmethod that is the bare function, so the column was headed "Requester name".
    def requester_name(self, obj):
        user = obj.requester
        if user is None:
            return "—"
        person = getattr(user, "person", None)
        return person.full_name if person is not None else user.get_username()

    requester_name.short_description = gettext_lazy("requester")
