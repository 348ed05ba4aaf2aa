"""Demo teams: ~40 named teams (Fotografie, Ambassadeurs, private and closed ones, a quiet one, a likely
duplicate pair) plus generated ones, scaled by the number of employees: employees // 10 teams and
employees * 2 posts (5,000 teams and 100,000 posts at 50,000 employees).

Deterministic (a generator per team, seeded by its name), batched (team pages go into the tree with
bulk inserts and computed treebeard paths, memberships and posts with bulk_create) and safe to rerun:
teams are found by slug and only missing ones are made, with their members and posts. Times are
relative to the day of seeding, so the quiet team is quiet whenever the demo is built.
"""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django_comments_xtd.models import XtdComment
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from intranet.demo_images import picture
from social.likes import likes_changed_in_bulk
from social.models import Like, Notification
from teams import kept
from teams import seed_content as words
from teams.addresses import team_url
from teams.models import Kind, Membership, Role, State, TeamIndexPage, TeamPage, TeamPost
from teams.services import ensure_index_page
from teams.signals import refresh_sort_names
from teams.visibility import forget_all_memberships

BATCH = 1000
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's path digits
STEPLEN = 4
NOTIFIED_EVERY = 10  # every tenth post's author has a reaction waiting, as on a working intranet
DEMO_UNREAD = 6
MAX_ANSWERED = 1500  # questions answered with real comments (each a few queries), whatever the size


def _step(number):
    digits = ""
    for _position in range(STEPLEN):
        number, rest = divmod(number, 36)
        digits = ALPHABET[rest] + digits
    return digits


def team_specs(size):
    """[(title, kind, description)] for the whole demo at this size, named teams first."""
    specs = list(words.NAMED_TEAMS)
    total = max(len(specs), size // 10)
    number = 0
    while len(specs) < total:
        prefix = words.PREFIXES[number % len(words.PREFIXES)]
        topic = words.TOPICS[(number // len(words.PREFIXES)) % len(words.TOPICS)]
        series = number // (len(words.PREFIXES) * len(words.TOPICS))
        title = f"{prefix} {topic}" + (f" {series + 1}" if series else "")
        kind = Kind.CLOSED if number % 7 == 3 else Kind.PRIVATE if number % 11 == 5 else Kind.OPEN
        specs.append((title, kind, f"{prefix} over {topic.lower()}: afspraken, stukken en vragen."))
        number += 1
    return specs


def seed(context):
    user_ids = list(
        get_user_model()
        .objects.filter(is_active=True, person__is_active=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not user_ids:
        return
    index = ensure_index_page()
    demo = get_user_model().objects.filter(username="medewerker").values_list("pk", flat=True).first()
    specs = team_specs(context.size)
    existing = set(TeamPage.objects.child_of(index).values_list("slug", flat=True))
    wanted = [spec for spec in specs if slugify(spec[0]) not in existing]
    total_posts = context.size * 2
    per_team = _post_budget(specs, total_posts)
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    made_teams = made_posts = 0
    for start in range(0, len(wanted), BATCH):
        batch = wanted[start : start + BATCH]
        plans = [_plan(spec, user_ids, demo, per_team[spec[0]], now, context.size) for spec in batch]
        with transaction.atomic():
            teams = _create_pages(index, plans, now)
            _create_memberships(teams, plans)
            made_posts += _create_posts(teams, plans)
        made_teams += len(teams)
        context.progress("Teams", min(start + BATCH, len(wanted)), len(wanted))
    if made_teams:
        _answers_likes_and_pins(index, user_ids, now)
        _demo_files(index)
        kept.changed_in_bulk()  # answers and documents written with update(): no signals
        backend = get_search_backend()
        new = list(
            TeamPage.objects.child_of(index)
            .filter(slug__in=[slugify(t) for t, _k, _d in wanted])
            .values_list("pk", flat=True)
        )
        for start in range(0, len(new), BATCH):
            backend.add_bulk(TeamPage, list(TeamPage.objects.filter(pk__in=new[start : start + BATCH])))
    notified = _notifications(user_ids, demo, now)
    context.log(
        f"  Teams: {made_teams} teams en {made_posts} berichten aangemaakt, {len(specs) - len(wanted)} bestonden al"
        f"; {notified} meldingen"
    )


def _notifications(user_ids, demo, now):
    """Notifications about team posts, read and unread, as a working intranet has them: the bell counts
    the unread ones on every page, so `make bench` measures it with some waiting (issue 20). Made once."""
    content_type = ContentType.objects.get_for_model(TeamPost)
    if not user_ids or Notification.objects.filter(target_content_type=content_type).exists():
        return 0
    rng = random.Random("teams-notifications")
    titles = dict(TeamPage.objects.values_list("pk", "title"))
    index = TeamIndexPage.objects.live().first()
    where = {"url": index.get_url() or "/teams/", "url_path": index.url_path} if index else None
    urls = {pk: team_url(url_path, where) for pk, url_path in TeamPage.objects.values_list("pk", "url_path")}
    posts = list(TeamPost.objects.filter(author__isnull=False).order_by("pk").values_list("pk", "author_id", "team_id"))
    # (post, recipient, team, verb): a reaction to the author's own post; None picks comment or like.
    chosen = [(pk, author, team, None) for pk, author, team in posts[::NOTIFIED_EVERY]]
    if demo:
        # What the bench's reader has waiting: reactions to their own posts, else mentions in their teams.
        own = [(pk, demo, team, None) for pk, author, team in posts if author == demo][:DEMO_UNREAD]
        joined = set(Membership.objects.filter(user_id=demo, state=State.ACTIVE).values_list("team_id", flat=True))
        mentions = [(pk, demo, team, Notification.Verb.MENTION) for pk, author, team in posts if team in joined]
        chosen += (own + mentions)[:DEMO_UNREAD]
    rows = []
    for number, (post_id, recipient, team_id, verb) in enumerate(chosen):
        actor = rng.choice(user_ids)
        verb = verb or (Notification.Verb.COMMENT if number % 3 else Notification.Verb.LIKE)
        demo_row = recipient == demo and number >= len(chosen) - DEMO_UNREAD
        rows.append(
            Notification(
                recipient_id=recipient,
                actor_id=actor if actor != recipient else None,
                verb=verb,
                target_content_type=content_type,
                target_object_id=post_id,
                title=titles.get(team_id, "")[:255],
                url=f"{urls[team_id]}bericht/{post_id}/" if urls.get(team_id) else "",
                emailed_at=now,  # demo data: the first digest does not mail thousands of colleagues
                excerpt="" if verb == Notification.Verb.LIKE else "Goed punt, ik kijk er morgen naar.",
                # Two in three are read already; the demo employee's are all waiting.
                read_at=None if demo_row or number % 3 == 0 else now,
            )
        )
    for start in range(0, len(rows), BATCH):
        Notification.objects.bulk_create(rows[start : start + BATCH])
    return len(rows)


def _post_budget(specs, total_posts):
    """Posts per team, exactly total_posts in all: the big team 5%, the named teams 15% (95% while
    there are no generated teams), the generated teams the rest, evenly."""
    named = {title for title, _kind, _text in words.NAMED_TEAMS}
    generated = [title for title, _kind, _text in specs if title not in named]
    others = [title for title, _kind, _text in specs if title in named and title != words.BIG_TEAM]
    shares = {words.BIG_TEAM: 0.05}
    named_total = 0.15 if generated else 0.95
    shares.update({title: named_total / len(others) for title in others})
    shares.update({title: 0.80 / len(generated) for title in generated})
    budget = {title: int(total_posts * share) for title, share in shares.items()}
    leftover = total_posts - sum(budget.values())
    for title in [t for t, _k, _d in specs][:leftover]:
        budget[title] += 1
    return budget


def _plan(spec, user_ids, demo, post_count, now, size):
    """Everything about one team, drawn from its own generator so reruns and other teams don't shift it."""
    title, kind, description = spec
    rng = random.Random(f"teams-{title}")
    if title == words.BIG_TEAM:
        member_count = min(len(user_ids), max(60, size // 5))
    elif title in {t for t, _k, _d in words.NAMED_TEAMS}:
        member_count = min(len(user_ids), rng.randint(8, 60))
    else:
        member_count = min(len(user_ids), rng.randint(3, 30))
    members = rng.sample(user_ids, member_count)
    if demo and title in ("Fotografie", "Ambassadeurs", "Koffiehoek", "Reorganisatie Sociaal Domein"):
        members = [demo] + [m for m in members if m != demo]
        members = members[:member_count]
    admins = members[: max(1, min(3, member_count // 10))]
    quiet = title == words.QUIET_TEAM
    newest = now - timedelta(days=200) if quiet else now - timedelta(hours=rng.randint(1, 24 * 20))
    oldest = newest - timedelta(days=360 if quiet else 170)
    span = int((newest - oldest).total_seconds())
    posts = []
    for number in range(post_count):
        is_question = rng.random() < 0.12
        text = rng.choice(words.QUESTIONS if is_question else words.POSTS)
        when = oldest + timedelta(seconds=rng.randint(0, span)) if number else newest
        posts.append((rng.choice(members), f"{text}", is_question, when))
    return {
        "title": title,
        "slug": slugify(title),
        "kind": kind,
        "description": description,
        "members": members,
        "admins": set(admins),
        "created_at": oldest - timedelta(days=rng.randint(1, 30)),
        "last_activity_at": newest,
        "posts": posts,
        "requests": rng.sample(user_ids, min(2, len(user_ids))) if kind == Kind.CLOSED else [],
    }


def _create_pages(index, plans, now):
    """Insert the pages and their team rows in two statements per batch (no add_child per page)."""
    content_type = ContentType.objects.get_for_model(TeamPage)
    last = Page.objects.filter(path__startswith=index.path, depth=index.depth + 1).order_by("-path").first()
    number = int(last.path[-STEPLEN:], 36) if last else 0
    teams = []
    for plan in plans:
        number += 1
        admin = next(iter(plan["admins"]))
        teams.append(
            TeamPage(
                title=plan["title"],
                draft_title=plan["title"],
                slug=plan["slug"],
                path=index.path + _step(number),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{plan['slug']}/",
                content_type=content_type,
                locale_id=index.locale_id,
                live=True,
                owner_id=admin,
                first_published_at=plan["created_at"],
                last_published_at=plan["created_at"],
                description=plan["description"],
                kind=plan["kind"],
                created_by_id=admin,
                last_activity_at=plan["last_activity_at"],
                member_count=len(plan["members"]),
            )
        )
    page_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    Page._base_manager._insert(teams, fields=page_fields)
    ids = dict(Page.objects.filter(path__in=[t.path for t in teams]).values_list("path", "pk"))
    for team in teams:
        team.pk = team.id = team.page_ptr_id = ids[team.path]
    # The team table's own row per page, as Django writes it for one page, but for a whole batch at once.
    TeamPage._base_manager._insert(teams, fields=TeamPage._meta.local_concrete_fields)
    children = Page.objects.filter(path__startswith=index.path, depth=index.depth + 1).count()
    Page.objects.filter(pk=index.pk).update(numchild=children)
    return teams


def _create_memberships(teams, plans):
    rows = []
    for team, plan in zip(teams, plans, strict=True):
        for user_id in plan["members"]:
            role = Role.ADMIN if user_id in plan["admins"] else Role.MEMBER
            rows.append(
                Membership(team=team, user_id=user_id, role=role, state=State.ACTIVE, created_at=plan["created_at"])
            )
        for user_id in plan["requests"]:
            if user_id not in plan["members"]:
                rows.append(
                    Membership(team=team, user_id=user_id, state=State.REQUESTED, created_at=plan["created_at"])
                )
    Membership.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)
    forget_all_memberships()  # bulk_create sends no post_save
    refresh_sort_names()  # bulk_create skips Membership.save, which copies the sort name


def _create_posts(teams, plans):
    rows = [
        TeamPost(team=team, author_id=author, text=text, is_question=question, created_at=when)
        for team, plan in zip(teams, plans, strict=True)
        for author, text, question, when in plan["posts"]
    ]
    for start in range(0, len(rows), BATCH * 2):
        TeamPost.objects.bulk_create(rows[start : start + BATCH * 2])
    return len(rows)


def _answers_likes_and_pins(index, user_ids, now):
    """Real comments answer some questions (the comment signal records first_answer_at); some are accepted."""
    rng = random.Random("teams-answers")
    named = [slugify(t) for t, _k, _d in words.NAMED_TEAMS if t != words.QUIET_TEAM]
    questions = list(
        TeamPost.objects.filter(team__slug__in=named, is_question=True, first_answer_at__isnull=True)
        .select_related("team")
        .order_by("pk")[: MAX_ANSWERED * 2]
    )
    content_type = ContentType.objects.get_for_model(TeamPost)
    users = {u.pk: u for u in get_user_model().objects.filter(pk__in=user_ids[:500]).select_related("person")}
    pool = list(users.values())
    answered = 0
    for post in questions:
        # Two in three questions get an answer; the rest stay open for the dashboard's "unanswered" list.
        if rng.random() > 0.66 or answered >= MAX_ANSWERED or not pool:
            continue
        writer = rng.choice([u for u in pool[:50] if u.pk != post.author_id] or pool)
        comment = XtdComment(
            content_type=content_type,
            object_pk=str(post.pk),
            site_id=1,
            user=writer,
            user_name=(writer.get_full_name() or writer.username)[:50],
            user_email=writer.email,
            comment=rng.choice(words.ANSWERS),
            submit_date=min(now, post.created_at + timedelta(hours=rng.randint(1, 72))),
        )
        comment.save()
        answered += 1
        if rng.random() < 0.5:
            accepted = min(now, comment.submit_date + timedelta(hours=rng.randint(1, 48)))
            TeamPost.objects.filter(pk=post.pk).update(accepted_answer=comment, accepted_at=accepted)
    posts = list(TeamPost.objects.filter(team__slug__in=named).order_by("pk").values_list("pk", flat=True)[:3000])
    likes = [
        Like(content_type=content_type, object_id=pk, user_id=user_id)
        for pk in posts
        for user_id in rng.sample(user_ids, min(len(user_ids), rng.randint(0, 6)))
    ]
    Like.objects.bulk_create(likes, ignore_conflicts=True, batch_size=BATCH)
    likes_changed_in_bulk()
    for team in TeamPage.objects.filter(slug__in=named[:12], pinned_post__isnull=True):
        first = TeamPost.objects.filter(team=team).order_by("created_at", "pk").first()
        if first:
            TeamPage.objects.filter(pk=team.pk).update(pinned_post=first)


def _demo_files(index):
    """A team image and a shared document for the first named teams (files under teams/<hex>/)."""
    rng = random.Random("teams-files")
    for title, _kind, _text in words.NAMED_TEAMS[:8]:
        team = TeamPage.objects.child_of(index).filter(slug=slugify(title)).first()
        if team is None or team.image:
            continue
        scene = rng.choice(("meeting", "office", "town"))
        team.image.save(f"{team.slug}.jpg", ContentFile(picture(scene, team.slug, (640, 360))), save=False)
        TeamPage.objects.filter(pk=team.pk).update(image=team.image.name)
        post = TeamPost.objects.filter(team=team, document="").order_by("-created_at").first()
        if post is not None:
            text = f"Afspraken van {title}\n\n1. We delen stukken hier.\n2. Vragen stel je in de tijdlijn.\n"
            post.document.save("afspraken.txt", ContentFile(text.encode()), save=False)
            TeamPost.objects.filter(pk=post.pk).update(document=post.document.name, document_name="afspraken.txt")
