"""Team files through their direct /media/ URL: the real protected media view decides."""

import pytest

from teams import services
from tests.teams.conftest import image_upload, pdf_upload
from tests.teams.helpers import add_member

pytestmark = pytest.mark.django_db


def media(client, field):
    return client.get(field.url)


@pytest.fixture
def files(open_team, closed_team, private_team, alice):
    made = {}
    for team in (open_team, closed_team, private_team):
        made[team.kind] = {
            "image": services.create_post(alice, team, text="Foto", image=image_upload()).image,
            "document": services.create_post(alice, team, text="Stuk", document=pdf_upload()).document,
        }
    return made


@pytest.mark.parametrize("kind", ["closed", "private"])
def test_a_non_member_cannot_fetch_a_team_file_by_its_url(client, files, carol, kind):
    client.force_login(carol)
    for field in files[kind].values():
        assert field.url.startswith("/media/teams/")
        assert media(client, field).status_code == 404


@pytest.mark.parametrize("kind", ["open", "closed", "private"])
def test_a_member_fetches_them(client, files, alice, kind):
    client.force_login(alice)
    for field in files[kind].values():
        response = media(client, field)
        assert response.status_code == 200
        assert response["Cache-Control"].startswith("private")


def test_open_team_files_are_for_every_employee(client, files, carol):
    client.force_login(carol)
    assert media(client, files["open"]["document"]).status_code == 200


def test_anonymous_visitors_are_sent_to_the_login(client, files):
    response = media(client, files["open"]["image"])
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_a_private_team_image_is_for_members_only(client, make_team, alice, bob, carol):
    from teams.models import Kind

    team = make_team("Geheim", Kind.PRIVATE, image=image_upload())
    add_member(team, bob)
    client.force_login(carol)
    assert media(client, team.image).status_code == 404
    client.force_login(bob)
    assert media(client, team.image).status_code == 200


def test_a_file_follows_its_post_to_another_team(client, files, moderator, carol, make_team):
    from teams.models import Kind, TeamPost

    post = TeamPost.objects.get(image=files["open"]["image"].name)
    services.move_post(moderator, post, to_team=make_team("Besloten club", Kind.CLOSED), reason="Verhuisd")
    client.force_login(carol)
    assert media(client, post.image).status_code == 404


def test_an_unclaimed_file_under_teams_is_refused(client, carol, settings):
    import os

    folder = os.path.join(settings.MEDIA_ROOT, "teams", "abc")
    os.makedirs(folder)
    with open(os.path.join(folder, "los.txt"), "w") as handle:
        handle.write("los")
    client.force_login(carol)
    assert client.get("/media/teams/abc/los.txt").status_code == 404


@pytest.mark.parametrize("detour", ["x/../", "./", "x/./../"])
def test_a_detour_in_the_path_does_not_skip_the_team_check(client, files, carol, alice, detour):
    """safe_join resolves "x/../teams/…" to the team's file; the check must see the same path."""
    document = files["private"]["document"]
    sneaky = "/media/" + detour + document.name
    client.force_login(carol)
    assert client.get(sneaky).status_code == 404
    client.force_login(alice)
    assert client.get(document.url).status_code == 200


def test_a_random_name_that_starts_with_many_digits_is_served(client, open_team, alice, monkeypatch):
    """About one random name in 1,100 holds a run of 19+ digits; it is a name, not an id out of range."""
    import itertools
    import uuid

    serial = itertools.count(100)
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(hex=f"5260931176914174891b93a26751e{next(serial):03d}"))
    document = services.create_post(alice, open_team, text="Stuk", document=pdf_upload()).document
    all_digits = services.create_post(alice, open_team, text="Stuk", document=pdf_upload()).document
    assert document.name.startswith("teams/5260931176914174891b")
    client.force_login(alice)
    assert media(client, document).status_code == 200
    # A name of 32 digits is a file name too (a whole segment of digits only is an id).
    all_digits.storage.save("teams/" + "7" * 32 + ".pdf", pdf_upload())
    type(all_digits.instance).objects.filter(pk=all_digits.instance.pk).update(document="teams/" + "7" * 32 + ".pdf")
    assert client.get("/media/teams/" + "7" * 32 + ".pdf").status_code == 200


def test_a_wagtail_document_named_by_a_scanner_is_served(client, alice):
    """A document's URL ends in its file name: a scanner's long run of digits is a name there."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    Document = get_document_model()
    names = ("20261207101530123456", "scan_20261207101530123456.pdf")
    documents = [
        Document.objects.create(
            title=name, file=ContentFile(b"%PDF-1.4\n", name=name), collection=Collection.get_first_root_node()
        )
        for name in names
    ]
    client.force_login(alice)
    for document in documents:
        assert client.get(document.url).status_code == 200, document.url
    assert client.get(f"/documenten/{'9' * 25}/{names[0]}").status_code == 404
