from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from events import signals
        from events.forms import EventPageForm
        from events.models import EventPage

        signals.connect()
        # Set here: the form needs events.services, which needs the models (no import cycle).
        EventPage.base_form_class = EventPageForm
