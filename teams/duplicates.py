"""Finding teams that do the same thing: suggestions while a team is named, and pairs for community
managers to merge.

Public API:
    similar_teams(title, user, limit=5) -> [TeamPage]          teams the user may see, not archived
    likely_duplicate_pairs(limit=50) -> [(team_a, team_b, score)]

On PostgreSQL the suggestions come from pg_trgm (trigram similarity of the whole name and word
similarity, so "Fotografie" finds "Fotografieclub"). SQLite has no trigrams: there names are compared as
words, with accents, case and filler words ("team", "de", "club") left out, and a word matches another
that starts with it or shares a long prefix.

Pairs are found with a word index in Python on both databases: a self-join with pg_trgm's % over 5,000
teams compares 12.5 million pairs (about half a minute on the bench machine), while the index only
scores teams that share a word stem, and skips stems so common that they say nothing.
"""

import re
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import combinations

from django.core.cache import cache
from django.db import connection
from django.db.models.functions import Greatest, Lower

from intranet.text import fold as accents_off
from teams.models import TeamPage
from teams.visibility import viewable_teams

# Words that say nothing about what a team is for (Dutch and English filler).
STOP_WORDS = frozenset(
    "team teams de het een van der den voor en in op met aan bij over the of and for club groep werkgroep".split()
)
# Compound endings stripped from a longer word: "fotografieclub" -> "fotografie".
COMPOUND_ENDINGS = ("werkgroep", "groep", "teams", "team", "club")
MIN_STEM = 4
PREFIX_MIN = 6  # "fotografie" and "fotograaf" share "fotogra"
SUGGEST_THRESHOLD = 0.5  # word overlap (SQLite) for a suggestion
TRIGRAM_THRESHOLD = 0.35  # pg_trgm similarity for a suggestion
PAIR_THRESHOLD = 0.75  # pair_similarity for a likely duplicate pair
# In a pair's similarity the meaningful words weigh most; the spelling of the whole name breaks the ties,
# so "Werkgroep Jeugdzorg"/"Team Jeugdzorg" is not "100%" like two teams named exactly alike.
WORDS_WEIGHT = 0.7
MAX_TEAMS = 5000  # the most teams compared when looking for pairs
MAX_BUCKET = 300  # a stem shared by more teams than this is too common to signal a duplicate
MAX_CANDIDATES = 40000  # pairs scored at most (rarer stems first): bounds the work whatever the names
KEY_LENGTH = 5
PAIRS_CACHE_KEY = "teams:duplicate-pairs:v2"
PAIRS_CACHE_SECONDS = 300
MAX_PAIRS = 500  # kept and counted at most


def fold(text):
    return accents_off(text).lower()


def words(title):
    """The meaningful words of a team name: folded, compounds stripped, filler left out."""
    found = []
    for word in re.split(r"[^a-z0-9]+", fold(title)):
        if word in STOP_WORDS:
            continue
        for ending in COMPOUND_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
                word = word[: -len(ending)]
                break
        if word and word not in STOP_WORDS and word not in found:
            found.append(word)
    return found


@lru_cache(maxsize=65536)
def word_match(a, b):
    if a == b:
        return 1.0
    short, long_ = sorted((a, b), key=len)
    if len(short) >= MIN_STEM and long_.startswith(short):
        return 0.9
    common = len(_common_prefix(a, b))
    if common >= PREFIX_MIN and common >= 0.75 * len(short):
        return 0.8
    return 0.0


def _common_prefix(a, b):
    length = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        length += 1
    return a[:length]


def score(words_a, words_b):
    """Dice-like overlap of two word lists with fuzzy word matches: 1.0 for the same meaningful words."""
    numbers_a = {word for word in words_a if word.isdigit()}
    numbers_b = {word for word in words_b if word.isdigit()}
    if numbers_a and numbers_b and numbers_a != numbers_b:
        return 0.0  # "Begroting 2026" and "Begroting 2027", "Wijk 3" and "Wijk 4": a series, not a duplicate
    words_a = [word for word in words_a if not word.isdigit()] or words_a
    words_b = [word for word in words_b if not word.isdigit()] or words_b
    if not words_a or not words_b:
        return 0.0
    matched = sum(max(word_match(a, b) for b in words_b) for a in words_a)
    matched_back = sum(max(word_match(b, a) for a in words_a) for b in words_b)
    return round((matched / len(words_a) + matched_back / len(words_b)) / 2, 3)


def pair_similarity(title_a, title_b, words_a=None, words_b=None):
    """0..1: 1.0 only for names that are spelled alike once case and accents are folded."""
    meaning = score(words(title_a) if words_a is None else words_a, words(title_b) if words_b is None else words_b)
    spelling = SequenceMatcher(None, fold(title_a).strip(), fold(title_b).strip()).ratio()
    return round(WORDS_WEIGHT * meaning + (1 - WORDS_WEIGHT) * spelling, 3)


def _cleaned(title):
    return " ".join(words(title)) or fold(title).strip()


def similar_teams(title, user, limit=5):
    """Teams like `title` that the user may see and join, most similar first; archived ones left out."""
    title = " ".join((title or "").split())[:100]
    if len(title) < 2 or limit <= 0:
        return []
    teams = viewable_teams(user, include_archived=False)
    if connection.vendor == "postgresql":
        return _similar_postgres(teams, title, limit)
    return _similar_by_words(teams, title, limit)


def _similar_postgres(teams, title, limit):
    # Imported here: PostgreSQL only (psycopg), and an SQLite install may lack it.
    from django.contrib.postgres.search import TrigramSimilarity, TrigramWordSimilarity

    text = _cleaned(title)
    name = Lower("title")
    teams = teams.annotate(
        likeness=Greatest(TrigramSimilarity(name, text), TrigramWordSimilarity(text, name)),
    )
    return list(teams.filter(likeness__gte=TRIGRAM_THRESHOLD).order_by("-likeness", "title", "pk")[:limit])


def _similar_by_words(teams, title, limit):
    wanted = words(title)
    folded = fold(title).strip()
    scored = []
    for pk, name in teams.values_list("pk", "title")[:MAX_TEAMS]:
        value = 1.0 if fold(name).strip() == folded else score(wanted, words(name))
        if value >= SUGGEST_THRESHOLD:
            scored.append((-value, name.lower(), pk))
    best = [pk for _value, _name, pk in sorted(scored)[:limit]]
    found = TeamPage.objects.in_bulk(best)
    return [found[pk] for pk in best if pk in found]


def _candidate_pairs(rows):
    """Pairs of team ids that share a word stem, from an index of stems (bounded by MAX_BUCKET)."""
    buckets = {}
    for pk, team_words in rows.items():
        for word in team_words:
            buckets.setdefault(word[:KEY_LENGTH], set()).add(pk)
    pairs = set()
    # Rare stems first: two teams sharing an unusual word are the likeliest duplicates.
    for members in sorted((m for m in buckets.values() if 1 < len(m) <= MAX_BUCKET), key=len):
        pairs.update(combinations(sorted(members), 2))
        if len(pairs) >= MAX_CANDIDATES:
            break
    return pairs


def forget_pairs():
    """After a merge or an archive: the pairs are computed afresh on the next look."""
    cache.delete(PAIRS_CACHE_KEY)


def scored_pairs(limit=None):
    """[(score, team_a_id, team_b_id)] among live teams that are not archived, most alike first.

    One query, then kept for a few minutes: the upkeep pages and the KPI dashboard both ask, and scoring
    5,000 names takes a good part of a second.
    """
    found = cache.get(PAIRS_CACHE_KEY)
    if found is None:
        found = _score_all_pairs()
        cache.set(PAIRS_CACHE_KEY, found, PAIRS_CACHE_SECONDS)
    return found[:limit]


def _score_all_pairs():
    teams = TeamPage.objects.live().filter(archived_at__isnull=True).order_by("pk")
    titles = dict(teams.values_list("pk", "title")[:MAX_TEAMS])
    rows = {pk: words(title) for pk, title in titles.items()}
    scored = []
    for a, b in _candidate_pairs(rows):
        if score(rows[a], rows[b]) < PAIR_THRESHOLD:
            continue  # the cheap word score bounds the blend from above well enough to skip most pairs
        value = pair_similarity(titles[a], titles[b], rows[a], rows[b])
        if value >= PAIR_THRESHOLD:
            scored.append((-value, a, b))
    scored.sort()
    return [(-value, a, b) for value, a, b in scored[:MAX_PAIRS]]


def likely_duplicate_pairs(limit=50):
    """[(team_a, team_b, score)] among live teams that are not archived, most alike first (two queries)."""
    scored = scored_pairs(limit)
    found = TeamPage.objects.in_bulk({pk for _value, a, b in scored for pk in (a, b)})
    return [(found[a], found[b], value) for value, a, b in scored if a in found and b in found]
