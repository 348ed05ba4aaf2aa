"""Questions: the first answer by someone else is timed, the asker accepts an answer (also timed)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django_comments_xtd.models import XtdComment

from social import services as social
from teams import services
from teams.models import TeamPost
from tests.teams.helpers import add_member, comment_url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield


@pytest.fixture
def question(open_team, alice, bob, carol):
    add_member(open_team, bob)
    return services.create_post(alice, open_team, text="Wie weet hoe de nieuwe printer werkt?", is_question=True)


def fresh(post):
    return TeamPost.objects.get(pk=post.pk)


def test_the_first_answer_by_a_colleague_is_timed(client, question, alice, bob, carol):
    social.post_comment(alice, question, "Aanvulling: het gaat om de printer op 3.")
    assert fresh(question).first_answer_at is None  # the asker's own comment is no answer
    client.force_login(bob)
    before = timezone.now()
    client.post(comment_url(question), {"comment": "Kaart ertegen houden."})
    first = fresh(question).first_answer_at
    assert first is not None and before <= first <= timezone.now()
    assert first == XtdComment.objects.get(user=bob).submit_date
    social.post_comment(carol, question, "Of de app gebruiken.")
    assert fresh(question).first_answer_at == first  # later answers do not move it


def test_comments_on_an_ordinary_post_are_no_answers(open_team, alice, bob):
    post = services.create_post(alice, open_team, text="Mooi weer vandaag")
    social.post_comment(bob, post, "Zeker!")
    assert fresh(post).first_answer_at is None


def test_the_asker_accepts_an_answer(client, question, alice, bob):
    answer = social.post_comment(bob, question, "Kaart ertegen houden.")
    # Pretend the question was asked three hours ago to see the durations.
    TeamPost.objects.filter(pk=question.pk).update(created_at=timezone.now() - timedelta(hours=3))
    client.force_login(alice)
    page = client.get(question.get_absolute_url()).text
    assert "Welk antwoord heeft je geholpen?" in page and "Kaart ertegen houden." in page
    response = client.post(reverse("teams:accept", args=[question.pk]), {"comment": answer.pk})
    assert response.status_code == 302
    post = fresh(question)
    assert post.accepted_answer == answer
    assert post.accepted_at is not None
    assert timedelta(hours=2, minutes=59) < post.accepted_at - post.created_at < timedelta(hours=3, minutes=1)
    assert post.first_answer_at <= post.accepted_at
    assert "Geaccepteerd antwoord" in client.get(question.get_absolute_url()).text


def test_only_the_asker_accepts_and_only_answers_to_this_question(client, question, open_team, alice, bob):
    answer = social.post_comment(bob, question, "Kaart ertegen houden.")
    own = social.post_comment(alice, question, "Dank!")
    other = services.create_post(bob, open_team, text="Iets anders", is_question=True)
    elsewhere = social.post_comment(alice, other, "Ander antwoord")
    client.force_login(bob)
    assert client.post(reverse("teams:accept", args=[question.pk]), {"comment": answer.pk}).status_code == 403
    client.force_login(alice)
    client.post(reverse("teams:accept", args=[question.pk]), {"comment": own.pk})
    client.post(reverse("teams:accept", args=[question.pk]), {"comment": elsewhere.pk})
    assert fresh(question).accepted_answer is None


def test_changing_the_accepted_answer_keeps_the_first_acceptance_time(question, alice, bob, carol):
    first = social.post_comment(bob, question, "Antwoord een")
    second = social.post_comment(carol, question, "Antwoord twee")
    services.accept_answer(alice, question, first)
    accepted_at = fresh(question).accepted_at
    services.accept_answer(alice, fresh(question), second)
    assert fresh(question).accepted_answer == second
    assert fresh(question).accepted_at == accepted_at


def test_the_only_answer_is_preselected_so_the_first_click_accepts_it(client, question, alice, bob):
    import re

    answer = social.post_comment(bob, question, "Kaart ertegen houden.")
    client.force_login(alice)
    page = client.get(question.get_absolute_url()).text
    radio = re.search(rf'<input type="radio" name="comment" value="{answer.pk}"[^>]*>', page).group(0)
    assert "checked" in radio and "required" in radio
