"""The teams app's public figures (teams.stats), when that app provides them.

The dashboard is built alongside the teams app; until teams.stats exists its sections say so instead
of failing.
"""

import importlib


def teams_stats():
    try:
        return importlib.import_module("teams.stats")
    except ImportError:
        return None
