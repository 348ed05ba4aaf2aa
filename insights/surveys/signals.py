"""A survey's stored results are retired when one of its questions or answers is saved or deleted.

Deleting answers in Wagtail's list of answers, or the survey page itself, deletes row by row with
these signals (a receiver turns off Django's fast delete); bulk writes bump by hand (insights.seed).
"""

from django.db.models.signals import post_delete, post_save

from insights.surveys.models import SurveyAnswer, SurveyFormField
from insights.surveys.results import forget_results


def _changed(sender, instance, **kwargs):
    forget_results(instance.page_id)


def connect():
    for sender in (SurveyAnswer, SurveyFormField):
        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(_changed, sender=sender, dispatch_uid=f"insights_survey_results_{sender.__name__}_{name}")
