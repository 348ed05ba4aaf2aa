"""The community managers' upkeep of teams: the overview, quiet, duplicate and archived teams, merging,
archiving, restoring and keeping (mounted by teams/urls.py at /teams-acties/beheer/, namespace "teams").

views.py holds the pages, urls.py their addresses; what they do is in teams.archiving, teams.merge and
teams.duplicates, and who sees which team in teams.visibility.
"""
