from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from people.bench import bench_pages

pytestmark = pytest.mark.django_db


def test_bench_pages_answer_200_without_redirects(client):
    call_command("seed_demo", employees=40, stdout=StringIO())
    client.force_login(get_user_model().objects.get(username="medewerker"))
    pages = bench_pages()
    assert {label for label, _path in pages} >= {"Smoelenboek", "Profiel", "Profiel bewerken (eigen)"}
    for label, path in pages:
        assert client.get(path).status_code == 200, (label, path)
