import pytest

from people.completeness import WEIGHTS, most_valuable_missing, score
from people.models import Person, working_day_bit
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_dutch_sort_puts_jan_de_vries_under_v():
    PersonFactory(first_name="Jan", tussenvoegsel="de", last_name="Vries")
    PersonFactory(first_name="Anna", tussenvoegsel="", last_name="Willems")
    PersonFactory(first_name="Piet", tussenvoegsel="van", last_name="Aalst")
    PersonFactory(first_name="Emre", tussenvoegsel="", last_name="Çelik")
    names = [p.full_name for p in Person.objects.order_by("sort_name")]
    assert names == ["Piet van Aalst", "Emre Çelik", "Jan de Vries", "Anna Willems"]
    assert Person.objects.get(last_name="Vries").sort_name.startswith("v")


def test_full_name_and_initials():
    person = PersonFactory(first_name="Ingrid", tussenvoegsel="van der", last_name="Linden")
    assert person.full_name == "Ingrid van der Linden"
    assert person.initials == "IL"


def test_weights_sum_to_a_hundred_and_photo_weighs_most():
    assert sum(w for _k, w, _l in WEIGHTS) == 100
    assert WEIGHTS[0][0] == "photo"


def test_completeness_is_stored_on_save_and_after_tags_change(stadhuis):
    person = PersonFactory(phone="", mobile="", bio="")
    assert person.completeness == 0
    person.phone = "010 123 4567"
    person.bio = "Ik werk bij Burgerzaken."
    person.save()
    person.refresh_from_db()
    assert person.completeness == 30
    person.expertise.add("GIS")  # the tag signal scores again without an explicit save
    person.refresh_from_db()
    assert person.completeness == 50
    person.expertise.clear()
    person.refresh_from_db()
    assert person.completeness == 30


def test_most_valuable_missing_names_the_heaviest_empty_field():
    person = PersonFactory(phone="010 1234567", mobile="06 12345678", bio="Hoi")
    person.working_days = working_day_bit(0, 0)
    assert str(most_valuable_missing(person, has_expertise=True)) == "voeg een profielfoto toe"
    assert score(person, has_expertise=True) == 70  # only the photo (20) and location (10) are missing
    person.photo_id = 1
    person.location_id = 1
    assert most_valuable_missing(person, has_expertise=True) is None
    assert score(person, has_expertise=True) == 100


def test_working_day_table():
    person = PersonFactory()
    person.working_days = working_day_bit(0, 0) | working_day_bit(0, 1) | working_day_bit(4, 0)
    table = person.working_day_table
    assert len(table) == 5
    assert table[0][1:] == (True, True)
    assert table[1][1:] == (False, False)
    assert table[4][1:] == (True, False)


@pytest.mark.parametrize("slug", ["nieuw", "organisatie", "mijn-profiel"])
def test_profile_slug_may_not_shadow_a_route(slug):
    from django.core.exceptions import ValidationError

    person = PersonFactory()
    person.slug = slug
    with pytest.raises(ValidationError):
        person.full_clean()


def test_nobody_is_their_own_manager():
    from django.core.exceptions import ValidationError

    person = PersonFactory()
    person.manager = person
    with pytest.raises(ValidationError):
        person.full_clean()
