"""Finding the apps' plug-in modules (`<app>/<name>.py`) over INSTALLED_APPS, in that order."""

import importlib

from django.apps import apps


def app_modules(name):
    """Yield (app name, module) for each installed app that has a module `name`; errors inside it raise."""
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.{name}":
                raise
            continue
        yield config.name, module
