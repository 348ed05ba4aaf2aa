"""Wagtail's list and CSV/XLSX export of a survey's answers, without the order they came in."""

from wagtail.contrib.forms.views import SubmissionsListView


class SurveyAnswersView(SubmissionsListView):
    """Wagtail's list and export of answers; for an anonymous survey in a meaningless (random id) order,
    with no column to sort on, so two answers of one day cannot be put in the order they came in."""

    @property
    def orderable_fields(self):
        return () if self.form_page.anonymous else SubmissionsListView.orderable_fields

    def get_ordering(self):
        return ["id"] if self.form_page.anonymous else super().get_ordering()
