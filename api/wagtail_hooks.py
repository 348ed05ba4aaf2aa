"""The API in the Wagtail admin (Settings → API), for superusers only: tokens (the secret shown once
at creation), webhooks, and the call and delivery logs (read-only). A department's handlers manage
their own departments' webhooks on a screen of their own (api.admin_views)."""

from django.contrib.auth import get_user_model
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from api import admin_views, tokens, webhook_admin
from api.models import ApiCall, ApiToken, Webhook, WebhookDelivery
from intranet.permissions import shown


class SuperusersOnly(ModelPermissionPolicy):
    """Only active superusers, and only the `actions` given (logs are never edited by hand)."""

    def __init__(self, model, actions=("add", "change", "delete", "view")):
        super().__init__(model)
        self.actions = set(actions)

    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser and action in self.actions

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if not self.actions & set(actions):
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


register_permission_policy(ApiToken, SuperusersOnly(ApiToken, ("add", "change", "view")))
register_permission_policy(Webhook, SuperusersOnly(Webhook))
register_permission_policy(WebhookDelivery, SuperusersOnly(WebhookDelivery, ("view",)))
register_permission_policy(ApiCall, SuperusersOnly(ApiCall, ("view",)))


class ShowSecretOnce(CreateView):
    """After saving, the secret is shown on this one page and never again."""

    def save_instance(self):
        if isinstance(self.form.instance, ApiToken):
            self.secret = tokens.issue(self.form.instance)
        instance = super().save_instance()
        if isinstance(instance, Webhook):
            self.secret = instance.secret
        return instance

    def save_action(self):
        response = render(
            self.request,
            "api/admin/secret_once.html",
            {"object": self.object, "secret": self.secret, "index_url": self.get_success_url()},
        )
        response["Cache-Control"] = "no-store"
        return response


class TokenViewSet(ModelViewSet):
    model = ApiToken
    icon = "key"
    menu_label = _("API tokens")
    form_fields = ["name", "departments", "scopes", "expires_at", "active"]
    list_display = ["name", "prefix", "scopes", "active", "expires_at", "last_used_at"]
    list_filter = ["active"]
    add_view_class = ShowSecretOnce


class WebhookForm(WagtailAdminModelForm):
    url = webhook_admin.url_field()

    class Meta:
        model = Webhook
        fields = ["name", "department", "url", "active"]


class WebhookViewSet(ModelViewSet):
    model = Webhook
    icon = "link"
    menu_label = _("Webhooks")
    form_fields = ["name", "department", "url", "active"]

    def get_form_class(self, for_update=False):
        return WebhookForm

    list_display = ["name", "department", "url", "active"]
    add_view_class = ShowSecretOnce


class DeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    icon = "history"
    menu_label = _("Webhook deliveries")
    list_display = ["created_at", "webhook", "event", "status", "attempts", "response_status", "error"]
    list_filter = ["status", "event"]
    inspect_view_enabled = True
    form_fields = []


class CallViewSet(ModelViewSet):
    model = ApiCall
    icon = "list-ul"
    menu_label = _("API calls")
    list_display = ["at", "token", "user", "method", "path", "status"]
    list_filter = ["status", "method"]
    inspect_view_enabled = True
    form_fields = []


class ApiGroup(ViewSetGroup):
    menu_label = _("API")
    menu_icon = "code"
    menu_order = 900
    items = (
        TokenViewSet("api_tokens"),
        WebhookViewSet("api_webhooks"),
        DeliveryViewSet("api_deliveries"),
        CallViewSet("api_calls"),
    )


@hooks.register("register_admin_viewset")
def register_api_admin():
    return ApiGroup()


@hooks.register("register_admin_urls")
def register_department_webhook_urls():
    return [
        path("webhooks-van-mijn-afdeling/", admin_views.index, name="api_department_webhooks"),
        path("webhooks-van-mijn-afdeling/nieuw/", admin_views.add, name="api_department_webhooks_add"),
        path("webhooks-van-mijn-afdeling/<int:pk>/aan-uit/", admin_views.switch, name="api_department_webhooks_switch"),
        path(
            "webhooks-van-mijn-afdeling/<int:pk>/verwijderen/",
            admin_views.delete,
            name="api_department_webhooks_delete",
        ),
    ]


class DepartmentWebhooksMenuItem(MenuItem):
    def is_shown(self, request):
        # Superusers have API → Webhooks for every department.
        # Asked once per login (intranet.permissions.shown), not with two queries on every admin page;
        # the views check the real rule every time.
        user = request.user
        return not user.is_superuser and shown(user, "department-webhooks", lambda: webhook_admin.may_manage(user))


@hooks.register("register_admin_menu_item")
def register_department_webhooks_menu_item():
    return DepartmentWebhooksMenuItem(
        _("My department's webhooks"),
        reverse("api_department_webhooks"),
        name="department-webhooks",
        icon_name="link",
        order=950,
    )
