"""The teams app's public figures (teams.stats), reached through this one seam.

teams.stats exists now (it did not when the dashboard was built, hence the name); the seam stays
because the dashboard still shows "no team figures" when it returns None, and tests use that.
"""

from teams import stats


def teams_stats():
    return stats
