from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    # The Python package is `agenda`: `events` is taken by an installed package (Events, which
    # opensearch-py imports). The label stays "events": models, URLs and migrations use it.
    name = "agenda"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        # Imported in ready(): the app registry is complete only now (app loading order).
        from agenda import signals
        from agenda.forms import EventPageForm
        from agenda.models import EventPage

        signals.connect()
        # Set here: the form needs agenda.services, which needs the models (no import cycle).
        EventPage.base_form_class = EventPageForm
