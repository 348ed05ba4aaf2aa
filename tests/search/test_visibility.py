"""Search never shows what the searcher may not see: in results, suggestions and best bets alike."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from tests.factories import PersonFactory
from tests.search.conftest import add_page

RESULTS = reverse("search:results")
SUGGEST = reverse("search:suggestions")


def titles_everywhere(client, text):
    """Every title the user gets to see for `text`: the results page, each kind's page and suggestions."""
    seen = client.get(RESULTS, {"q": text}).content.decode()
    for kind in ("people", "services", "news", "pages", "documents"):
        seen += client.get(RESULTS, {"q": text, "soort": kind}).content.decode()
    seen += client.get(SUGGEST, {"q": text}).content.decode()
    return seen


@pytest.mark.django_db
def test_deactivated_people_are_never_found(employee_client):
    PersonFactory(first_name="Zwaantje", last_name="Oudgediende", is_active=False)
    PersonFactory(first_name="Zwaantje", last_name="Nieuwkomer")
    seen = titles_everywhere(employee_client, "zwaantje")
    assert "Nieuwkomer" in seen
    assert "Oudgediende" not in seen


@pytest.mark.django_db
def test_unpublished_pages_are_never_found(employee_client, home):
    add_page(home, "Geheime reorganisatieplannen", live=False)
    add_page(home, "Reorganisatie uitgelegd")
    seen = titles_everywhere(employee_client, "reorganisatie")
    assert "Reorganisatie uitgelegd" in seen
    assert "Geheime reorganisatieplannen" not in seen


@pytest.mark.django_db
def test_pages_behind_a_group_restriction_only_for_members(client, employee, home):
    section = add_page(home, "Directieoverleg")
    add_page(section, "Directieoverleg notulen begroting")
    restriction = PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.GROUPS)
    board = Group.objects.create(name="Directie")
    restriction.groups.add(board)
    add_page(home, "Begroting voor iedereen")

    client.force_login(employee)
    seen = titles_everywhere(client, "begroting")
    assert "Begroting voor iedereen" in seen
    assert "notulen" not in seen

    employee.groups.add(board)
    client.force_login(employee)
    assert "Directieoverleg notulen begroting" in titles_everywhere(client, "begroting")


@pytest.mark.django_db
def test_password_restricted_pages_are_not_found(employee_client, home):
    section = add_page(home, "Vertrouwelijk dossier")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert "Vertrouwelijk dossier" not in titles_everywhere(employee_client, "vertrouwelijk")


@pytest.mark.django_db
def test_login_restricted_pages_are_found_by_logged_in_staff(employee_client, home):
    section = add_page(home, "Intern handboek")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    assert "Intern handboek" in titles_everywhere(employee_client, "handboek")


@pytest.mark.django_db
def test_best_bets_to_hidden_pages_are_left_out(employee_client, home):
    draft = add_page(home, "Concept cao-tekst", live=False)
    secret = add_page(home, "Cao onderhandelingen")
    restriction = PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="OR"))
    query = Query.get("cao")
    SearchPromotion.objects.create(query=query, page=draft, sort_order=0)
    SearchPromotion.objects.create(query=query, page=secret, sort_order=1)
    response = employee_client.get(RESULTS, {"q": "cao"})
    text = response.content.decode()
    assert "Concept cao-tekst" not in text
    assert "Cao onderhandelingen" not in text
    assert "search-group--best" not in text


@pytest.mark.django_db
def test_documents_in_restricted_collections_are_hidden(employee_client):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.models import Collection, CollectionViewRestriction

    root = Collection.get_first_root_node()
    private = root.add_child(name="Bestuur")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Bestuur"))
    Document = get_document_model()
    Document.objects.create(title="Formatie open", file=ContentFile(b"x", name="open.pdf"), collection=root)
    Document.objects.create(title="Formatie bestuur", file=ContentFile(b"x", name="geheim.pdf"), collection=private)
    seen = titles_everywhere(employee_client, "formatie")
    assert "Formatie open" in seen
    assert "Formatie bestuur" not in seen


@pytest.mark.django_db
def test_cached_answers_never_cross_visibility_classes(client, employee, home):
    """The cache is filled by a member first; an outsider asking the same must not get the member's
    answer, and a member of another group neither. A change (unpublishing) shows at once."""
    section = add_page(home, "Directie")
    secret = add_page(section, "Kwartaalcijfers directie")
    restriction = PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.GROUPS)
    board = Group.objects.create(name="Directie")
    restriction.groups.add(board)
    member, outsider, other = (PersonFactory().user for _ in range(3))
    member.groups.add(board)
    other.groups.add(Group.objects.create(name="Ondernemingsraad"))

    client.force_login(member)
    assert "Kwartaalcijfers directie" in titles_everywhere(client, "kwartaalcijfers")
    for user in (outsider, other):
        client.force_login(user)
        assert "Kwartaalcijfers directie" not in titles_everywhere(client, "kwartaalcijfers")

    secret.unpublish()
    client.force_login(member)
    assert "Kwartaalcijfers directie" not in titles_everywhere(client, "kwartaalcijfers")
