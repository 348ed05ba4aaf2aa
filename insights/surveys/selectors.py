"""Read queries for surveys."""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

from insights.surveys.models import SurveyAnswer, SurveyPage


def latest_with_answer_counts(limit=10):
    """The latest surveys, each with `answers`: its number of answers.

    A count per page in a subquery (an index-only scan of page_id) instead of joining every answer
    and grouping the joined page rows: that sorted all 3,000 wide rows of the bench's one survey.
    """
    counts = (
        SurveyAnswer.objects.filter(page=OuterRef("pk"))
        .order_by()
        .values("page")
        .annotate(count=Count("*"))
        .values("count")
    )
    return list(
        SurveyPage.objects.only("title", "anonymous")
        .annotate(answers=Coalesce(Subquery(counts, output_field=IntegerField()), 0))
        .order_by("-first_published_at", "-pk")[:limit]
    )
