from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntranetConfig(AppConfig):
    name = "intranet"
    verbose_name = _("Intranet")

    def ready(self):
        # Imported in ready(): the app registry is complete only now (app loading order).
        from intranet import checks, plugins, renditions, spreadsheets  # noqa: F401 (checks registers itself)

        spreadsheets.install()  # every CSV export, Wagtail's included, escapes formula-like cells
        renditions.install()  # a rendition the disk refuses shows the original; made once at a time
        plugins.connect_page_tree_signals()  # the page-tree cache generation (intranet.plugins.shared)
