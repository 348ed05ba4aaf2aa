"""Surveys built with Wagtail's form builder: one answer per employee, anonymous when the editor says so.

Every answer carries a respondent key, an HMAC of the account id under the survey's own secret, and a
unique constraint on (survey, key) makes a second answer impossible, also under a double click. For an
anonymous survey that key is all that is kept: no account, and the time of answering only to the day.
"""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField, AbstractFormSubmission


def new_secret():
    return secrets.token_hex(32)


def random_answer_id():
    """A random primary key: sequential ids would give away the order in which colleagues answered."""
    return 1 + secrets.randbelow(2**62)


def start_of_today():
    """Midnight of today in the intranet's time zone: an anonymous answer keeps only its (local) day."""
    return timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time.min))


class SurveyFormField(AbstractFormField):
    page = ParentalKey("insights.SurveyPage", on_delete=models.CASCADE, related_name="form_fields")


class SurveyPage(AbstractForm):
    intro = models.TextField(_("intro"), max_length=1000, blank=True)
    thank_you_text = models.TextField(_("thank-you text"), max_length=1000, blank=True)
    anonymous = models.BooleanField(
        _("anonymous"),
        default=True,
        help_text=_("Nobody can see who answered. Cannot be changed once answers have come in."),
    )
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    respondent_secret = models.CharField(max_length=64, default=new_secret, editable=False)

    content_panels = AbstractForm.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Questions")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel([FieldPanel("anonymous"), FieldPanel("closes_at")], heading=_("Answers")),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "insights/surveys/survey_page.html"
    landing_page_template = "insights/surveys/survey_page_landing.html"

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def clean(self):
        super().clean()
        if self.pk:
            stored = SurveyPage.objects.filter(pk=self.pk).values_list("anonymous", flat=True).first()
            if stored is not None and stored != self.anonymous and SurveyAnswer.objects.filter(page=self).exists():
                raise ValidationError(
                    {"anonymous": _("Answers have come in: whether this survey is anonymous can no longer change.")}
                )

    def get_submission_class(self):
        return SurveyAnswer

    def get_submissions_list_view_class(self):
        # Imported here: apps.py loads before the models exist (app loading order).
        from insights.surveys.views import SurveyAnswersView

        return SurveyAnswersView

    def get_submissions(self):
        return super().get_submissions().select_related("respondent__person")

    def get_data_fields(self):
        """Wagtail's list and export of answers: a named survey shows who answered, an anonymous one never."""
        fields = super().get_data_fields()
        if not self.anonymous:
            fields.insert(1, ("respondent", _("Respondent")))
        return fields

    def respondent_key(self, user):
        # Keyed with SECRET_KEY as well as the survey's own secret: someone who reads only the database
        # cannot recompute keys for a list of account ids and so tell who gave an anonymous answer.
        return salted_hmac(f"plein.survey.{self.respondent_secret}", str(user.pk), algorithm="sha256").hexdigest()

    def has_answered(self, user):
        return SurveyAnswer.objects.filter(page=self, respondent_key=self.respondent_key(user)).exists()

    @property
    def is_closed(self):
        return self.closes_at is not None and self.closes_at <= timezone.now()

    def serve(self, request, *args, **kwargs):
        if self.is_closed or self.has_answered(request.user):
            context = self.get_context(request)
            context["closed"] = self.is_closed
            context["already_answered"] = not self.is_closed
            return TemplateResponse(request, self.get_template(request), context)
        return super().serve(request, *args, **kwargs)

    def process_form_submission(self, form):
        user = form.user
        fields = {"form_data": form.cleaned_data, "page": self, "respondent_key": self.respondent_key(user)}
        if not self.anonymous:
            fields["respondent"] = user
        try:
            with transaction.atomic():
                answer = SurveyAnswer.objects.create(**fields)
                if self.anonymous:
                    # Only the day: a precise time could be matched with someone's agenda.
                    SurveyAnswer.objects.filter(pk=answer.pk).update(submit_time=start_of_today())
        except IntegrityError:
            return None  # the other click of a double click: one answer is kept
        return answer


class SurveyAnswer(AbstractFormSubmission):
    id = models.BigIntegerField(primary_key=True, default=random_answer_id, editable=False)
    respondent_key = models.CharField(max_length=64, editable=False)
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        constraints = [
            models.UniqueConstraint(fields=["page", "respondent_key"], name="insights_one_answer_per_employee")
        ]

    def get_data(self):
        data = super().get_data()
        if self.respondent_id is None:
            # The local day: the stored local midnight is the evening before in UTC.
            data["submit_time"] = timezone.localdate(self.submit_time) if self.submit_time else None
        else:
            person = getattr(self.respondent, "person", None)
            data["respondent"] = person.full_name if person else self.respondent.get_username()
        return data
