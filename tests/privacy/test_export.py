"""'Mijn gegevens': the ZIP holds every declared kind of the person's data and nothing of anyone else's."""

import io
import json
import zipfile

from intranet import personal_data
from privacy import exports

# Sessions are only ever deleted, never exported; a service page naming a contact needs a department
# tree this test does not build (tests/privacy/test_erasure.py covers it).
NOTHING_TO_EXPORT = {"sessions", "directregelen.service_contact"}


def _archive(user):
    handle = io.BytesIO()
    manifest = exports.write_archive(user, handle)
    handle.seek(0)
    return manifest, zipfile.ZipFile(handle)


def _all_text(archive):
    return "\n".join([*archive.namelist(), *(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())])


def test_export_has_every_kind_with_data_and_files(world):
    sanne = world["sanne"]
    manifest, archive = _archive(sanne.user)
    kinds = {k["kind"]: k for k in manifest["kinds"]}
    assert set(kinds) == {kind.name for kind in personal_data.kinds()}
    empty = {name for name, k in kinds.items() if k["records"] == 0}
    assert not empty - NOTHING_TO_EXPORT, f"kinds without data: {empty - NOTHING_TO_EXPORT}"
    for name, kind in kinds.items():
        records = json.loads(archive.read(f"data/{name}.json"))
        assert len(records) == kind["records"]
    names = archive.namelist()
    # Their files: profile photo, team post image, request attachment, notice-board photo, header photo.
    for folder in ("people.profile", "teams.posts", "directregelen.requests", "prikbord.items", "home.header_photos"):
        assert any(n.startswith(f"files/{folder}/") for n in names), folder
    assert kinds["people.profile"]["files"] == 1
    attachment = next(n for n in names if n.startswith("files/directregelen.requests/"))
    assert archive.read(attachment).startswith(b"%PDF-1.4 SANNEMARK")
    text = _all_text(archive)
    for expected in (
        "SBOERHAAVE-BIO",
        "Comment SANNEMARK",
        "192.0.2.7",
        "Answer SANNEMARK",
        "Survey SANNEMARK",
        "Meeting SANNEMARK",
    ):
        assert expected in text, expected


def test_export_holds_nothing_of_anyone_else(world):
    text = _all_text(_archive(world["sanne"].user)[1])
    kees = world["kees"]
    for foreign in ("KEESMARK", "Keesje", "Visserman", "kvisserman", "KEES-GEHEIM", "Geheim van Kees"):
        assert foreign not in text, foreign
    assert kees.email not in text


def test_private_team_content_only_of_their_own_teams(world):
    """Her post in her private team is in her export; Kees's private team and his posts are not."""
    text = _all_text(_archive(world["sanne"].user)[1])
    assert "Private SANNEMARK" in text and "Sannes kring" in text
    kees_text = _all_text(_archive(world["kees"].user)[1])
    assert "Private KEESMARK" in kees_text and "Sannes kring" in kees_text  # his own membership and post there
    assert "Private SANNEMARK" not in kees_text
