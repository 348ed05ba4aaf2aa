from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from prikbord import services
from prikbord.forms import parse_price
from prikbord.models import Post, Status
from prikbord.templatetags.prikbord_tags import euro
from tests.factories import PersonFactory
from tests.prikbord.conftest import photo_upload

pytestmark = pytest.mark.django_db

# The frame (session, user, settings, bell, avatar, permissions) takes about 9 of these.
BOARD_MAX_QUERIES = 17
DETAIL_MAX_QUERIES = 25


def test_posting_with_photos_and_a_dutch_price(employee_client, employee):
    response = employee_client.post(
        "/prikbord/nieuw/",
        {
            "category": "te-koop",
            "title": "Kinderfiets 20 inch",
            "text": "Blauw, goed onderhouden.",
            "price": "1.234,50",
            "photos": [photo_upload(), photo_upload("b.png", "PNG", content_type="image/png")],
        },
    )
    post = Post.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/prikbord/{post.pk}/"
    assert post.author == employee and post.price == Decimal("1234.50")
    assert post.photos.count() == 2
    assert post.expires_at - post.created_at == timedelta(days=30)
    html = employee_client.get(response["Location"]).content.decode()
    assert "€ 1.234,50" in html and "Kinderfiets 20 inch" in html
    assert html.count("<h1") == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12", "12.00"),
        ("12,5", "12.50"),
        ("€ 12,50", "12.50"),
        ("1.500", "1500.00"),
        ("12,-", "12.00"),
        ("7.25", "7.25"),
    ],
)
def test_dutch_prices(value, expected):
    assert parse_price(value) == Decimal(expected)


@pytest.mark.parametrize("value", ["twaalf", "12,345", "-5", "1e3", "99999999"])
def test_prices_that_are_not_amounts(value):
    with pytest.raises(ValidationError):
        parse_price(value)


def test_euro_formatting():
    assert euro(Decimal("1234.5")) == "€ 1.234,50"
    assert euro(None) == ""


def test_bad_input_gets_dutch_errors_and_keeps_what_was_typed(employee_client):
    response = employee_client.post(
        "/prikbord/nieuw/",
        {
            "category": "gratis",
            "title": "x" * 121,
            "text": "Mijn tekst",
            "price": "twaalf euro",
            "photos": [photo_upload()],
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Vul een bedrag in euro" in html
    assert "niet meer dan 120 tekens" in html
    assert (
        "Mijn tekst" in html
        and 'value="twaalf euro"' in html
        and 'value="gratis" id="id_category_2" required checked' in html
    )
    assert "kies het opnieuw" in html  # the browser dropped the chosen photo (includes/dropped_files.html)
    assert not Post.objects.exists()


def test_too_many_too_large_or_fake_photos_are_refused(employee_client, settings):
    data = {"category": "te-koop", "title": "Fiets", "text": "Tekst"}
    response = employee_client.post(
        "/prikbord/nieuw/", {**data, "photos": [photo_upload(f"{n}.jpg") for n in range(4)]}
    )
    assert "Kies hoogstens 3 foto" in response.content.decode()
    fake = SimpleUploadedFile("virus.jpg", b"MZ this is not an image at all", content_type="image/jpeg")
    response = employee_client.post("/prikbord/nieuw/", {**data, "photos": [fake]})
    assert "geen foto die we kunnen lezen" in response.content.decode()
    gif = photo_upload("a.gif", "GIF", content_type="image/gif")
    assert (
        "geen JPEG-, PNG- of WebP-foto"
        in employee_client.post("/prikbord/nieuw/", {**data, "photos": [gif]}).content.decode()
    )
    settings.PRIKBORD_PHOTO_MAX_BYTES = 1000
    big = photo_upload("groot.png", "PNG", size=(600, 600), content_type="image/png")
    assert "te groot" in employee_client.post("/prikbord/nieuw/", {**data, "photos": [big]}).content.decode()
    assert not Post.objects.exists()


def test_expiry_hides_posts_and_the_command_marks_them(make_post, employee_client):
    old = make_post(title="Oud bericht")
    Post.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    make_post(title="Vers bericht")
    html = employee_client.get("/prikbord/").content.decode()
    assert "Vers bericht" in html and "Oud bericht" not in html
    assert employee_client.get(f"/prikbord/{old.pk}/").status_code == 404  # only the owner still sees it
    out = StringIO()
    call_command("expire_prikbord", stdout=out)
    assert "1" in out.getvalue()
    assert Post.objects.get(pk=old.pk).status == Status.EXPIRED


def test_owner_renews_and_marks_done(make_post, employee_client, employee):
    post = make_post(author=employee)
    Post.objects.filter(pk=post.pk).update(status=Status.EXPIRED, expires_at=timezone.now() - timedelta(days=1))
    page = employee_client.get(f"/prikbord/{post.pk}/").content.decode()
    assert "Dit bericht is verlopen" in page and "Verlengen met 30 dagen" in page
    employee_client.post(f"/prikbord/{post.pk}/beheer/", {"action": "renew"})
    post.refresh_from_db()
    assert post.status == Status.OPEN and post.expires_at > timezone.now() + timedelta(days=29)
    employee_client.post(f"/prikbord/{post.pk}/beheer/", {"action": "done"})
    post.refresh_from_db()
    assert post.status == Status.DONE
    assert "Kinderfiets" not in employee_client.get("/prikbord/").content.decode()
    assert "Kinderfiets" in employee_client.get("/prikbord/mijn-berichten/").content.decode()


def test_others_cannot_renew_or_close_a_post(make_post, employee_client):
    post = make_post()
    response = employee_client.post(f"/prikbord/{post.pk}/beheer/", {"action": "done"})
    assert response.status_code == 403
    assert Post.objects.get(pk=post.pk).status == Status.OPEN
    with pytest.raises(PermissionDenied):
        services.renew(PersonFactory().user, post)


def test_moderator_moves_and_removes_with_a_reason_the_author_sees(make_post, client, moderator, employee):
    post = make_post(author=employee, category="te-koop", title="Wie wil mee lunchen?")
    client.force_login(moderator)
    response = client.post(f"/prikbord/{post.pk}/modereren/", {"action": "move", "category": "oproep", "reason": ""})
    assert response.status_code == 400 and "Vertel de auteur waarom" in response.content.decode()
    client.post(
        f"/prikbord/{post.pk}/modereren/", {"action": "move", "category": "oproep", "reason": "Dit is een oproep."}
    )
    post.refresh_from_db()
    assert post.category == "oproep" and post.moderation_reason == "Dit is een oproep."
    client.post(f"/prikbord/{post.pk}/modereren/", {"action": "remove", "reason": "Geen reclame graag."})
    post.refresh_from_db()
    assert post.status == Status.REMOVED
    client.force_login(employee)
    html = client.get(f"/prikbord/{post.pk}/").content.decode()
    assert "Een moderator heeft dit bericht verwijderd" in html and "Geen reclame graag." in html
    assert "Geen reclame graag." in client.get("/prikbord/mijn-berichten/").content.decode()


def test_employees_cannot_moderate(make_post, employee_client):
    post = make_post()
    assert employee_client.get(f"/prikbord/{post.pk}/modereren/").status_code == 403
    response = employee_client.post(f"/prikbord/{post.pk}/modereren/", {"action": "remove", "reason": "weg"})
    assert response.status_code == 403
    assert Post.objects.get(pk=post.pk).status == Status.OPEN


def test_filter_and_search_by_plain_get(make_post, employee_client):
    make_post(title="Kinderfiets", category="te-koop")
    make_post(title="Kamerplanten", category="gratis", text="Drie grote planten")
    html = employee_client.get("/prikbord/", {"categorie": "gratis"}).content.decode()
    assert "Kamerplanten" in html and "Kinderfiets" not in html
    html = employee_client.get("/prikbord/", {"q": "planten"}).content.decode()
    assert "Kamerplanten" in html and "Kinderfiets" not in html
    assert "Geen berichten gevonden" in employee_client.get("/prikbord/", {"q": "olifant"}).content.decode()


def test_likes_and_comments_from_the_social_layer(make_post, employee_client, employee):
    from social.models import Like

    post = make_post()
    employee_client.post(f"/sociaal/leuk/{_content_type(post)}/{post.pk}/", {"next": f"/prikbord/{post.pk}/"})
    assert Like.objects.filter(user=employee, object_id=post.pk).exists()
    employee_client.post(
        f"/sociaal/reacties/{_content_type(post)}/{post.pk}/plaatsen/", {"comment": "Is hij nog te koop?"}
    )
    html = employee_client.get(f"/prikbord/{post.pk}/").content.decode()
    assert "Is hij nog te koop?" in html
    board = employee_client.get("/prikbord/").content.decode()
    assert "1 vind-ik-leuk · 1 reactie" in board


def _content_type(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk


@pytest.mark.parametrize("count", [1, 25])
def test_board_and_detail_query_counts_are_fixed(
    make_post, employee_client, employee, django_assert_max_num_queries, count
):
    from social import services as social

    posts = [make_post(title=f"Bericht {n}", photos=[photo_upload()] if n % 3 == 0 else []) for n in range(count)]
    for post in posts[:5]:
        social.like(employee, post)
        social.post_comment(employee, post, "Leuk!") if post is posts[0] else None
    # One-off work of a process's first page (the people index's address, kept per process) aside.
    employee_client.get("/hulp/")
    with django_assert_max_num_queries(BOARD_MAX_QUERIES):
        assert employee_client.get("/prikbord/").status_code == 200
    with django_assert_max_num_queries(DETAIL_MAX_QUERIES):
        assert employee_client.get(f"/prikbord/{posts[0].pk}/").status_code == 200
