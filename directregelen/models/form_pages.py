"""Request forms that department editors build themselves with Wagtail's form builder."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES, AbstractEmailForm, AbstractFormField
from wagtail.search import index

from directregelen.uploads import RequestFormBuilder

REQUEST_FIELD_CHOICES = FORM_FIELD_CHOICES + (("photo", _("Photo or file (jpeg, png, webp, pdf)")),)


class RequestFormField(AbstractFormField):
    page = ParentalKey("directregelen.RequestFormPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(_("field type"), max_length=16, choices=REQUEST_FIELD_CHOICES)


class RequestFormPage(AbstractEmailForm):
    """A form whose every submission becomes a numbered Request in its department's queue.

    The submission is not Wagtail's FormSubmission: a Request keeps its requester, status and replies,
    and survives the form page being deleted.
    """

    intro = models.TextField(_("intro"), max_length=600, blank=True)
    form_builder = RequestFormBuilder
    landing_page_template = "directregelen/request_form_page_landing.html"

    content_panels = AbstractEmailForm.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        MultiFieldPanel(
            [
                FieldPanel("to_address"),
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("subject")]),
            ],
            heading=_("E-mail (the department's request mailbox is used when 'to address' is empty)"),
        ),
    ]
    search_fields = AbstractEmailForm.search_fields + [index.SearchField("intro")]
    parent_page_types = ["directregelen.DepartmentPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("request form")

    def get_context(self, request, *args, **kwargs):
        # Imported here: at the top it makes an import cycle (directregelen.selectors needs this module loaded first).
        from directregelen import selectors

        context = super().get_context(request, *args, **kwargs)
        context["department"] = selectors.department_of(self)
        return context

    def get_form(self, *args, **kwargs):
        # The form fields are asked for once per request, not once per render.
        if not hasattr(self, "_form_fields_cache"):
            self._form_fields_cache = list(self.form_fields.all())
        return super().get_form(*args, **kwargs)

    def get_form_fields(self):
        return getattr(self, "_form_fields_cache", None) or self.form_fields.all()

    def serve(self, request, *args, **kwargs):
        """Wagtail's serve, but a refusal by the service (too many requests) shows beside the form."""
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if form.is_valid():
            try:
                submission = self.process_form_submission(form)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return self.render_landing_page(request, submission, *args, **kwargs)
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context)

    def process_form_submission(self, form):
        # Imported here: at the top it makes an import cycle (directregelen.services needs this module loaded first).
        from directregelen.services import submit_request

        return submit_request(form.user, self, form)

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        if form_submission is None:  # the admin's preview of the landing page
            return super().render_landing_page(request, None, *args, **kwargs)
        # Post/redirect/get: a reload cannot submit the same request twice.
        messages.success(
            request,
            gettext("Thank you, we have received your request. Your reference number is %(reference)s.")
            % {"reference": form_submission.reference},
        )
        return redirect("directregelen:request_detail", reference=form_submission.reference)
