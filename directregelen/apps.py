from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectregelenConfig(AppConfig):
    name = "directregelen"
    verbose_name = _("Direct regelen")
