"""A private team's events never reach outsiders: not the agenda (list, month, archive, filters),
not the event page, not search (results, counts, suggestions), not the calendar feed, not the
homepage block, not notifications. Members see them everywhere."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from agenda import signups
from agenda.models import Signup
from rooms import services as room_services
from search import registry
from search import services as search
from social import selectors as social_selectors

pytestmark = pytest.mark.django_db
SECRET = "Geheim afscheid Jansen"


@pytest.fixture(autouse=True)
def _fresh_providers():
    registry._cache.clear()
    yield
    registry._cache.clear()


@pytest.fixture
def secret(private_team, make_team_event):
    return make_team_event(private_team, title=SECRET, description="Niet doorvertellen")


@pytest.fixture
def past_secret(private_team, make_team_event):
    return make_team_event(private_team, title="Geheim oud overleg", start=timezone.now() - timedelta(days=3))


def test_agenda_month_archive_and_filters(client, secret, past_secret, outsider, organiser):
    month = f"{timezone.localtime(secret.start):%Y-%m}"
    urls = ["/agenda/", "/agenda/?filter=teams", "/agenda/?filter=mine", f"/agenda/maand/?maand={month}"]
    client.force_login(outsider)
    for url in urls:
        assert SECRET not in client.get(url).content.decode(), url
    assert "Geheim oud overleg" not in client.get("/agenda/archief/").content.decode()
    client.force_login(organiser)  # the team's admin, a member
    assert SECRET in client.get("/agenda/").content.decode()
    assert "Geheim oud overleg" in client.get("/agenda/archief/").content.decode()


def test_event_page_and_every_action_are_404(client, secret, outsider):
    client.force_login(outsider)
    for name in ("ics", "attendees", "attendees_csv", "cancel"):
        assert client.get(reverse(f"events:{name}", args=["team", secret.pk])).status_code == 404, name
    assert client.get(secret.get_absolute_url()).status_code == 404
    assert client.post(reverse("events:respond", args=["team", secret.pk]), {"status": "going"}).status_code == 404
    assert client.post(reverse("events:message", args=["team", secret.pk]), {"text": "x"}).status_code == 404
    assert client.get(reverse("events:edit_team_event", args=[secret.pk])).status_code == 404
    assert not Signup.objects.exists()


def test_search_results_counts_and_suggestions(secret, outsider, organiser):
    outcome = search.run_search("afscheid", outsider, kind="team_events")
    assert outcome.selected is None or outcome.selected.total == 0
    groups = {g.kind: g for g in search.suggest("afscheid", outsider)[1]}
    assert "team_events" not in groups
    member = search.run_search("afscheid", organiser, kind="team_events").selected
    assert member.total == 1 and member.results[0].title == SECRET


def test_homepage_block(client, secret, outsider, organiser):
    client.force_login(outsider)
    assert SECRET not in client.get("/").content.decode()
    client.force_login(organiser)
    assert SECRET in client.get("/").content.decode()


def test_calendar_feed(client, secret, organiser, make_user):
    leaver = make_user("leaver")
    team = secret.team
    from agenda.models import TeamEvent
    from teams.models import Membership, State

    Membership.objects.create(team=team, user=leaver, state=State.ACTIVE, role="member")
    signups.respond(leaver, TeamEvent.objects.get(pk=secret.pk), Signup.Status.GOING)
    feed = room_services.feed_token(leaver.person)
    url = reverse("rooms:person_feed", args=[leaver.person.pk, feed.token])
    assert SECRET in client.get(url).content.decode()
    Membership.objects.filter(team=team, user=leaver).delete()  # left the team: the event goes too
    assert SECRET not in client.get(url).content.decode()


def test_notifications_vanish_for_whoever_may_no_longer_see(secret, organiser, make_user):
    from agenda import services
    from teams.models import Membership, State

    member = make_user("lid")
    Membership.objects.create(team=secret.team, user=member, state=State.ACTIVE, role="member")
    secret.team.__dict__.pop("_membership_cache", None)
    signups.respond(member, secret, Signup.Status.GOING)
    services.message_attendees(organiser, secret, "Cadeau ligt klaar")
    assert social_selectors.visible_notifications(member).count() == 1
    Membership.objects.filter(team=secret.team, user=member).delete()
    assert social_selectors.visible_notifications(member).count() == 0


def test_an_outsider_is_never_notified(secret, organiser, outsider):
    from agenda import notices

    assert notices.message(secret, [outsider], organiser, "Hallo") == []
