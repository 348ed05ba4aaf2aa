"""HR editors manage people and organisation units in the Wagtail admin (group "HR-redactie")."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from people.models import ExternalIdentity, Location, OrganisationUnit, Person, RoleGroupMapping


class PersonAdmin(ModelAdmin):
    model = Person
    menu_icon = "user"
    list_display = ("full_name", "employee_number", "job_title", "organisation_unit", "is_active", "is_ambassador")
    list_filter = ("is_active", "is_ambassador")
    list_select_related = ("organisation_unit",)
    search_fields = ("first_name", "last_name", "employee_number", "job_title")
    ordering = ("sort_name",)
    list_per_page = 50
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("employee_number"),
                FieldPanel("first_name"),
                FieldPanel("tussenvoegsel"),
                FieldPanel("last_name"),
                FieldPanel("slug"),
            ],
            heading=_("Name"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("job_title"),
                FieldPanel("organisation_unit"),
                FieldPanel("manager"),
                FieldPanel("start_date"),
                FieldPanel("is_active"),
                FieldPanel("is_ambassador"),
            ],
            heading=_("Work"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("photo"),
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("mobile"),
                FieldPanel("location"),
                FieldPanel("expertise"),
                FieldPanel("bio"),
            ],
            heading=_("Profile"),
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation_unit")


class OrganisationUnitForm(WagtailAdminModelForm):
    """Units live in a tree: a new unit is placed under its parent, a moved one moves its branch along."""

    parent = forms.ModelChoiceField(
        label=_("Part of"), queryset=OrganisationUnit.objects.order_by("path"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["parent"].queryset = OrganisationUnit.objects.exclude(path__startswith=self.instance.path)
            self.initial["parent"] = self.instance.get_parent()

    @transaction.atomic
    def save(self, commit=True):
        unit = super().save(commit=False)
        parent = self.cleaned_data.get("parent")
        if unit.pk is None:
            unit = parent.add_child(instance=unit) if parent else OrganisationUnit.add_root(instance=unit)
        else:
            unit.save()
            if parent != unit.get_parent():
                unit.move(parent, "sorted-child") if parent else unit.move(
                    OrganisationUnit.get_first_root_node(), "sorted-sibling"
                )
        return unit


class OrganisationUnitAdmin(ModelAdmin):
    model = OrganisationUnit
    menu_icon = "group"
    list_display = ("name", "kind", "code")
    search_fields = ("name", "code")
    ordering = ("path",)
    edit_handler = ObjectList(
        [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind"), FieldPanel("code"), FieldPanel("parent")],
        base_form_class=OrganisationUnitForm,
    )


class LocationAdmin(ModelAdmin):
    model = Location
    menu_icon = "site"
    list_display = ("name", "address")
    search_fields = ("name",)


class RoleGroupMappingAdmin(ModelAdmin):
    """Single sign-on: which role at the identity provider puts people in which group (docs/sso.md)."""

    model = RoleGroupMapping
    menu_icon = "group"
    list_display = ("role", "group")
    search_fields = ("role",)
    panels = [FieldPanel("role"), FieldPanel("group")]


class LinkOnlyPermissionHelper(PermissionHelper):
    """Links are made only by a login at the provider; an administrator may only remove one."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False


class ExternalIdentityAdmin(ModelAdmin):
    """Single sign-on links: removing one lets the account be matched afresh at its next login."""

    model = ExternalIdentity
    menu_icon = "link"
    permission_helper_class = LinkOnlyPermissionHelper
    list_display = ("user", "issuer", "subject", "created_at")
    search_fields = ("user__username", "user__email", "subject")
    list_select_related = ("user",)


@modeladmin_register
class PeopleAdminGroup(ModelAdminGroup):
    menu_label = _("People")
    menu_icon = "user"
    menu_order = 250
    items = (PersonAdmin, OrganisationUnitAdmin, LocationAdmin, RoleGroupMappingAdmin, ExternalIdentityAdmin)


class PersonChooserViewSet(ChooserViewSet):
    """Every admin field that names a person (a service page's owner and contact, a news author, a
    manager) gets a chooser with search instead of a drop-down of all 1,500 names."""

    model = Person
    icon = "user"
    ordering = ("sort_name", "pk")
    per_page = 20
    choose_one_text = _("Choose a person")
    choose_another_text = _("Choose another person")
    edit_item_text = _("Edit this person")


person_chooser_viewset = PersonChooserViewSet("person_chooser", url_prefix="mensen-kiezen")


@hooks.register("register_admin_viewset")
def register_person_chooser():
    return person_chooser_viewset
