from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from people.models import OrganisationUnit, Person

pytestmark = pytest.mark.django_db


def _seed(**options):
    out = StringIO()
    call_command("seed_demo", stdout=out, **options)
    return out.getvalue()


def test_seed_builds_a_municipality_and_prints_the_logins():
    output = _seed(employees=60, port="8123")
    # The real port (make run passes PORT), and Dutch throughout: no English counts or app names.
    assert "http://127.0.0.1:8123" in output and ":8000" not in output
    import re

    english = re.findall(
        r"\b(?:pages|posts|made|existed|items|days|snapshots|answers|photo|people|news|rooms)\b", output
    )
    assert not english, output
    assert Person.objects.count() == 60 + 3  # employees plus the three demo accounts
    for department in ("P&O", "Communicatie", "ICT", "Facilitair"):
        assert OrganisationUnit.objects.filter(name=department, kind="afdeling").exists()
    for username in ("medewerker", "redacteur", "beheerder"):
        assert f"gebruikersnaam: {username}" in output
    assert get_user_model().objects.get(username="beheerder").is_superuser
    assert get_user_model().objects.get(username="medewerker").check_password("plein-demo")
    assert not get_user_model().objects.get(username="m000001").has_usable_password()


def test_seed_is_deterministic_and_safe_to_run_twice():
    _seed(employees=40)
    first = list(Person.objects.order_by("employee_number").values_list("employee_number", "first_name", "last_name"))
    _seed(employees=40)
    again = list(Person.objects.order_by("employee_number").values_list("employee_number", "first_name", "last_name"))
    assert first == again
    assert len(set(Person.objects.values_list("slug", flat=True))) == Person.objects.count()


def test_seed_grows_when_asked_for_more():
    _seed(employees=20)
    _seed(employees=50)
    assert Person.objects.exclude(employee_number__startswith="D").count() == 50


def test_seed_if_empty_leaves_existing_content_alone():
    _seed(employees=10)
    assert "niets gedaan" in _seed(employees=30, if_empty=True)
    assert Person.objects.exclude(employee_number__startswith="D").count() == 10


def test_seed_refuses_absurd_sizes():
    with pytest.raises(CommandError):
        _seed(employees=0)
    with pytest.raises(CommandError):
        _seed(employees=50_001)


def test_seeded_people_are_searchable():
    _seed(employees=30)
    person = Person.objects.exclude(employee_number__startswith="D").first()
    from wagtail.search.backends import get_search_backend

    found = get_search_backend().search(person.last_name, Person)
    assert person in list(found)


def test_dutch_names_sort_under_the_last_name():
    _seed(employees=200)
    prefixed = Person.objects.filter(tussenvoegsel="de", last_name="Vries").first()
    assert prefixed.sort_name.startswith("vries ")


def test_seed_leaves_the_job_queue_empty_and_the_index_built(settings):
    """With the database queue (production's), the index and reference jobs every saved page queues
    ran during the seed, instead of waiting in their thousands for the worker."""
    from django_tasks_db.models import DBTaskResult
    from wagtail.models import ReferenceIndex
    from wagtail.search.backends import get_search_backend

    from news.models import NewsPage

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    _seed(employees=20)
    assert DBTaskResult.objects.count() == 0
    page = NewsPage.objects.live().order_by("pk").first()
    assert page in list(get_search_backend().search(page.title, NewsPage))
    assert ReferenceIndex.objects.exists()


def test_seed_gives_news_teams_and_the_notice_board_pictures_and_the_section_bar():
    from wagtail.models import Site

    from intranet.models import IntranetSettings
    from news.models import NewsPage
    from prikbord.models import Photo
    from teams.models import TeamPage

    _seed(employees=60)
    assert NewsPage.objects.exclude(header_image=None).count() >= 5
    assert TeamPage.objects.exclude(image="").count() >= 5
    assert Photo.objects.count() >= 3
    labels = [block.value["label"] for block in IntranetSettings.for_site(Site.objects.get()).section_links]
    assert labels[:3] == ["Nieuws", "Mensen", "Teams"] and "Prikbord" in labels


def test_demo_pictures_are_deterministic_jpegs_with_more_than_a_few_colours():
    import io

    from PIL import Image

    from intranet.demo_images import SCENES, picture

    for scene in SCENES:
        data = picture(scene, "x", (320, 180))
        assert data == picture(scene, "x", (320, 180))
        image = Image.open(io.BytesIO(data))
        assert image.format == "JPEG" and image.size == (320, 180)
        assert len(image.getcolors(maxcolors=100_000) or range(100_000)) > 1000  # shaded, not flat blocks
