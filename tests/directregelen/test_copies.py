"""A copied department (or an alias of one) is another department: a prefix of its own, its own groups."""

import pytest
from django.urls import reverse

from directregelen.models import DepartmentPage

pytestmark = pytest.mark.django_db


def copy(admin_client, page, slug, title=None, **extra):
    data = {"new_title": title or page.title, "new_slug": slug, "new_parent_page": page.get_parent().pk, **extra}
    response = admin_client.post(reverse("wagtailadmin_pages:copy", args=[page.pk]), data)
    assert response.status_code == 302
    return DepartmentPage.objects.get(slug=slug)


def test_a_copied_department_gets_a_free_prefix_and_groups_of_its_own(admin_client, ict, ict_form):
    DepartmentPage.objects.filter(pk=ict.pk).update(reference_prefix="DR")  # the default is taken too
    ict.refresh_from_db()
    first = copy(admin_client, ict, "werkplek", "Werkplek", copy_subpages="on", publish_copies="on")
    second = copy(admin_client, ict, "ict-3")
    prefixes = {ict.reference_prefix, first.reference_prefix, second.reference_prefix}
    assert len(prefixes) == 3 and "DR" in prefixes
    assert first.editors_group.name == "Werkplek: redacteuren" and first.get_workflow() != ict.get_workflow()
    # The copy's revisions hold its own prefix, so publishing it does not bring the original's back.
    second.get_latest_revision().publish()
    assert DepartmentPage.objects.get(pk=second.pk).reference_prefix == second.reference_prefix != "DR"


def test_an_alias_keeps_its_own_prefix_when_the_original_is_published(admin_client, ict):
    alias = copy(admin_client, ict, "ict-alias", alias="on")
    assert alias.alias_of_id == ict.pk and alias.reference_prefix not in ("ICT", "")
    ict.intro = "Nieuw"
    ict.save_revision().publish()  # updates the alias's content
    alias.refresh_from_db()
    assert alias.intro == "Nieuw" and alias.reference_prefix not in ("ICT", "")
