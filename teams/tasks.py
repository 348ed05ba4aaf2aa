"""Teams' periodic job: tell the admins of teams that went quiet (teams.archiving)."""

from intranet.jobs import Periodic, job
from teams import archiving


@job()
def notify_quiet_teams():
    return len(archiving.notify_quiet())


PERIODIC = [Periodic("teams.notify_quiet_teams", notify_quiet_teams, "daily", hour=6)]
