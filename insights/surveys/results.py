"""A survey's answers as aggregates: counts per option for choices, averages for numbers.

One query for the questions and one for the answers' data, whatever the number of answers; never
which employee gave which answer. The results page reads them from the cache (stored_results): at
3,000 answers reading and counting every answer's data was most of its time.
"""

import statistics
from dataclasses import dataclass, field

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.contrib.forms.forms import FormBuilder

from insights import charts
from intranet import caching

CHOICE_TYPES = {"radio", "dropdown", "checkboxes", "multiselect"}


@dataclass
class QuestionResult:
    label: str
    kind: str  # "choice", "yes_no", "number", "text"
    answered: int = 0
    rows: list = field(default_factory=list)  # [(option, count)] for choices
    average: float | None = None
    minimum: float | None = None
    maximum: float | None = None
    chart: str = ""


def _as_list(value):
    if value is None or value == "":
        return []
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return [str(value)]


def survey_results(page):
    questions = list(page.form_fields.all())
    answers = list(page.get_submissions().values_list("form_data", flat=True))
    builder = FormBuilder(questions)
    results = []
    for question in questions:
        name = question.clean_name
        values = [data.get(name) for data in answers]
        if question.field_type in CHOICE_TYPES:
            options = [label for _value, label in builder.get_formatted_field_choices(question)]
            counts = dict.fromkeys(options, 0)
            answered = 0
            for value in values:
                chosen = _as_list(value)
                answered += bool(chosen)
                for option in chosen:
                    counts[option] = counts.get(option, 0) + 1
            result = QuestionResult(question.label, "choice", answered, list(counts.items()))
        elif question.field_type == "checkbox":
            yes = sum(1 for value in values if value is True)
            result = QuestionResult(
                question.label, "yes_no", len(values), [(_("Yes"), yes), (_("No"), len(values) - yes)]
            )
        elif question.field_type == "number":
            numbers = [float(value) for value in values if value not in (None, "")]
            result = QuestionResult(question.label, "number", len(numbers))
            if numbers:
                result.average = round(statistics.mean(numbers), 2)
                result.minimum, result.maximum = min(numbers), max(numbers)
        else:
            result = QuestionResult(question.label, "text", sum(1 for value in values if value not in (None, "")))
        if result.rows:
            result.chart = charts.bar_chart(question.label, result.rows, _("Number of answers per option."))
        results.append(result)
    return len(answers), results


# Kept until a question or an answer of the survey changes (insights.surveys.signals bumps it).
RESULTS_SECONDS = 60 * 60


def results_generation(page_id):
    return f"survey-results:{page_id}"


def forget_results(page_id):
    caching.bump(results_generation(page_id))


def stored_results(page):
    """survey_results(page), computed once per change of its questions or answers (and language)."""
    return caching.remember(
        results_generation(page.pk), (get_language(),), lambda: survey_results(page), ttl=RESULTS_SECONDS
    )


def csv_rows(results):
    """[question, option or figure, value] rows for the aggregated CSV."""
    rows = []
    for result in results:
        if result.rows:
            rows.extend([result.label, option, count] for option, count in result.rows)
        elif result.kind == "number":
            rows.append([result.label, _("Answers"), result.answered])
            rows.append([result.label, _("Average"), result.average])
            rows.append([result.label, _("Lowest"), result.minimum])
            rows.append([result.label, _("Highest"), result.maximum])
        else:
            rows.append([result.label, _("Answers"), result.answered])
    return rows
