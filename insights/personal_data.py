"""What insights/ holds about a person: their answers to *named* surveys. Anonymous answers carry
no account (only a key nobody can link back without the server's secret) and page views and
activity are aggregates (docs/privacy.md), so they name nobody and are neither exported nor erased."""

from django.utils import timezone

from insights.surveys.models import SurveyAnswer
from intranet.personal_data import Exported, Kind, iso


def _export(user):
    return Exported(
        records=[
            {"survey": a.page.title, "answers": a.form_data, "at": iso(a.submit_time)}
            for a in SurveyAnswer.objects.filter(respondent=user).select_related("page")
        ]
    )


def _erase(user, erasure):
    # The answer stays in the survey's results, as an anonymous one: without the account or the time.

    answers = SurveyAnswer.objects.filter(respondent=user)
    count = 0
    for answer in answers:
        day = timezone.localtime(answer.submit_time).replace(hour=0, minute=0, second=0, microsecond=0)
        SurveyAnswer.objects.filter(pk=answer.pk).update(respondent=None, submit_time=day)
        count += 1
    return count


KINDS = [
    Kind("insights.survey_answers", "Answers to named surveys.", ("insights.SurveyAnswer.respondent",), _export, _erase)
]
