"""Every relation to a user or a Person is declared by some app's personal_data.py (or exempted)."""

from django.apps import apps
from django.contrib.auth import get_user_model

from intranet import personal_data
from people.models import Person


def _relations_to_people():
    targets = {get_user_model(), Person}
    found = set()
    for model in apps.get_models(include_auto_created=True):
        for field in [*model._meta.local_fields, *model._meta.local_many_to_many]:
            if field.is_relation and field.related_model in targets:
                found.add(personal_data.relation_key(model, field.name))
    return found


def test_every_relation_to_a_person_is_declared():
    relations = _relations_to_people()
    assert "social.Like.user" in relations and "auth.User_groups.user" in relations  # the walk sees both kinds
    missing = relations - personal_data.covered_relations() - set(personal_data.EXEMPT)
    assert not missing, f"Declare these in the owning app's personal_data.py (or exempt them): {sorted(missing)}"


def test_declarations_name_real_relations():
    """A typo in a declaration would cover nothing and hide a missing one."""
    targets = {get_user_model(), Person}
    for key in personal_data.covered_relations() | set(personal_data.EXEMPT):
        app_label, model_name, field_name = key.split(".")
        model = apps.get_model(app_label, model_name)
        field = model._meta.get_field(field_name)
        assert field.related_model in targets, key


def test_kinds_have_unique_names_and_both_functions():
    names = [kind.name for kind in personal_data.kinds()]
    assert len(names) == len(set(names))
    assert {"people.profile", "social.comments", "teams.posts", "directregelen.requests", "account"} <= set(names)
    assert all(callable(kind.export) and callable(kind.erase) for kind in personal_data.kinds())


def test_an_undeclared_relation_is_caught(monkeypatch):
    """The check itself works: take one declaration away and the relation shows up as missing."""
    covered = personal_data.covered_relations() - {"launcher.Pin.user"}
    monkeypatch.setattr(personal_data, "covered_relations", lambda: covered)
    missing = _relations_to_people() - personal_data.covered_relations() - set(personal_data.EXEMPT)
    assert missing == {"launcher.Pin.user"}
