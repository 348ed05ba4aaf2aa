"""Teams' pages for `make bench` (logged in as the demo employee): /teams/ with my teams, the big
team's page with its timeline, and one of its posts."""

from teams import seed_content
from teams.models import TeamIndexPage, TeamPage, TeamPost


def bench_pages():
    index = TeamIndexPage.objects.live().first()
    if index is None:
        return []
    base = index.get_url() or "/teams/"
    pages = [("Teams (mijn teams en alle teams)", base), ("Teams: filter", f"{base}?q=project")]
    big = (
        TeamPage.objects.live().filter(title=seed_content.BIG_TEAM).first()
        or TeamPage.objects.live()
        .filter(archived_at__isnull=True)
        .exclude(kind="private")
        .order_by("-member_count")
        .first()
    )
    if big is not None:
        url = big.get_url() or f"{base}{big.slug}/"
        pages += [("Team (groot)", url), ("Team (groot): leden", f"{url}leden/")]
        post = TeamPost.objects.filter(team=big).order_by("-created_at", "-pk").only("pk").first()
        if post is not None:
            pages.append(("Teambericht", f"{url}bericht/{post.pk}/"))
    return pages
