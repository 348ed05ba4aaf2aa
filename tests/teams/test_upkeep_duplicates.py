"""Duplicate suggestions while naming a team, and likely duplicate pairs for community managers."""

import pytest

from teams import duplicates, services
from teams.models import Kind

pytestmark = pytest.mark.django_db


def titles(teams):
    return [team.title for team in teams]


def test_words_ignore_case_accents_filler_and_compound_endings():
    assert duplicates.words("Team Fotografie") == ["fotografie"]
    assert duplicates.words("FOTOGRAFIECLUB") == ["fotografie"]
    assert duplicates.words("Café de Ambassadeurs") == ["cafe", "ambassadeurs"]
    assert duplicates.words("De club van het team") == []


def test_score_matches_prefixes_and_stems():
    assert duplicates.score(["fotografie"], ["fotografie"]) == 1.0
    assert duplicates.score(["fotografie"], ["fotograaf"]) >= 0.8
    assert duplicates.score(["foto"], ["fotografie"]) >= 0.9
    assert duplicates.score(["koken"], ["fotografie"]) == 0.0
    assert duplicates.score([], ["fotografie"]) == 0.0
    # Numbers tell a series apart; a number on one side only does not.
    assert duplicates.score(["begroting", "2026"], ["begroting", "2027"]) == 0.0
    assert duplicates.score(["fietsen"], ["fietsen", "2"]) == 1.0


def test_similar_teams_finds_fotografie_and_fotografieclub(make_team, bob):
    make_team("Fotografie")
    make_team("Fotografieclub", Kind.CLOSED)
    make_team("Ambassadeurs")
    found = titles(duplicates.similar_teams("fotografie", bob))
    assert found[0] == "Fotografie"
    assert "Fotografieclub" in found
    assert "Ambassadeurs" not in found
    # Filler words and accents make no difference.
    assert titles(duplicates.similar_teams("Team Fotografié", bob))[0] == "Fotografie"
    assert "Fotografie" in titles(duplicates.similar_teams("Fotografieclub", bob))


def test_similar_teams_leaves_out_private_teams_of_others_and_archived_teams(make_team, alice, bob, moderator):
    make_team("Fotografie geheim", Kind.PRIVATE)
    archived = make_team("Fotografieclub")
    from teams.archiving import archive_team

    archive_team(moderator, archived)
    assert duplicates.similar_teams("Fotografie", bob) == []
    # The private team's own member does get it suggested.
    assert titles(duplicates.similar_teams("Fotografie", alice)) == ["Fotografie geheim"]


def test_similar_teams_ignores_short_or_empty_input(make_team, bob):
    make_team("Fotografie")
    assert duplicates.similar_teams("", bob) == []
    assert duplicates.similar_teams("f", bob) == []
    assert duplicates.similar_teams("   ", bob) == []


def test_likely_duplicate_pairs(make_team, moderator):
    fotografie = make_team("Fotografie")
    club = make_team("Fotografieclub")
    make_team("Ambassadeurs")
    make_team("Koken op het werk")
    hardlopers = make_team("Hardlopers")
    lunch = make_team("Hardloopgroep")
    pairs = duplicates.likely_duplicate_pairs()
    found = {frozenset((a.pk, b.pk)) for a, b, _score in pairs}
    assert frozenset((fotografie.pk, club.pk)) in found
    assert frozenset((hardlopers.pk, lunch.pk)) in found
    assert len(found) == 2
    # Best first, with real figures: the same meaningful words but a different spelling is not 100%.
    assert [frozenset((a.pk, b.pk)) for a, b, _score in pairs] == [
        frozenset((fotografie.pk, club.pk)),
        frozenset((hardlopers.pk, lunch.pk)),
    ]
    assert 0.9 < pairs[0][2] < 1.0 and pairs[1][2] < pairs[0][2]
    services  # noqa: B018 (the fixtures create teams through the service)


def test_likely_duplicate_pairs_skip_archived_teams(make_team, moderator):
    make_team("Fotografie")
    club = make_team("Fotografieclub")
    from teams.archiving import archive_team

    archive_team(moderator, club)
    assert duplicates.likely_duplicate_pairs() == []


def test_likely_duplicate_pairs_are_bounded_and_quick_to_count(make_team, django_assert_max_num_queries):
    for name in ("Fietsen", "Team Fietsen", "Fietsclub", "Werkgroep fietsen", "De fietsers", "Fietsen!"):
        make_team(name)
    with django_assert_max_num_queries(2):
        pairs = duplicates.likely_duplicate_pairs(limit=4)
    assert len(pairs) == 4


def test_pairs_have_real_similarity_and_a_threshold(make_team):
    """The demo's "Werkgroep X", "Team X", "Project X" were all "100%": spelling breaks the tie, and
    teams that only share a topic word stay below the threshold."""
    make_team("Werkgroep Jeugdzorg")
    make_team("Team Jeugdzorg")
    make_team("Project Jeugdzorg")
    make_team("Overleg Jeugdzorg")
    make_team("Jeugdzorg")
    pairs = duplicates.likely_duplicate_pairs()
    scores = [value for _a, _b, value in pairs]
    assert scores == sorted(scores, reverse=True)
    assert all(duplicates.PAIR_THRESHOLD <= value < 1.0 for value in scores)
    assert len(set(scores)) > 1
    names = {frozenset((a.title, b.title)) for a, b, _value in pairs}
    assert frozenset(("Project Jeugdzorg", "Overleg Jeugdzorg")) not in names
    assert frozenset(("Werkgroep Jeugdzorg", "Team Jeugdzorg")) in names
