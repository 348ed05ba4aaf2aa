"""Factories shared by every app's tests."""

import factory
from django.contrib.auth import get_user_model
from wagtail.models import Page

from people.models import OrganisationUnit, Person


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@gemeente.example")
    password = factory.django.Password("geheim-wachtwoord-123")


class OrganisationUnitFactory(factory.django.DjangoModelFactory):
    """Creates root units; pass parent=unit to make a child."""

    class Meta:
        model = OrganisationUnit

    name = factory.Sequence(lambda n: f"Afdeling {n}")
    slug = factory.Sequence(lambda n: f"afdeling-{n}")
    kind = OrganisationUnit.Kind.DEPARTMENT

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is not None:
            return parent.add_child(**kwargs)
        return model_class.add_root(**kwargs)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    user = factory.SubFactory(UserFactory)
    employee_number = factory.Sequence(lambda n: f"E{n:06d}")
    slug = factory.Sequence(lambda n: f"persoon-{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    job_title = "Beleidsmedewerker"
    email = factory.LazyAttribute(lambda o: o.user.email)


def home_page():
    from home.models import HomePage

    return HomePage.objects.get()


def root_page():
    return Page.get_first_root_node()
