"""The must-read actions: marking, confirming, asking again after a material change, targeting, reminders."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from mustread import selectors, services
from mustread.models import Confirmation, MustRead
from social.models import Notification
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_only_editors_who_may_publish_mark_a_page(news_page, employee):
    with pytest.raises(PermissionDenied):
        services.mark(employee, news_page)
    assert not MustRead.objects.exists()


def test_page_types_must_opt_in(home, editor, superuser):
    with pytest.raises(ValidationError):
        services.mark(superuser, home)


def test_marking_pins_the_live_revision(news_page, mark):
    must_read = mark(news_page)
    assert must_read.version == 1
    assert must_read.revision_id == news_page.live_revision_id


def test_confirm_once_per_version_and_leave_the_outstanding_list(news_page, mark, employee, person):
    mark(news_page)
    assert [m.page_id for m in selectors.outstanding_for(employee)] == [news_page.pk]
    first = services.confirm(employee, news_page)
    again = services.confirm(employee, news_page)
    assert first.pk == again.pk
    assert first.name == person.full_name and first.employee_number == person.employee_number
    assert first.revision_id == news_page.live_revision_id
    assert selectors.outstanding_for(employee) == []
    assert selectors.status_for(employee, news_page).confirmed


def test_material_change_asks_again_and_keeps_old_records(news_page, mark, employee):
    mark(news_page)
    services.confirm(employee, news_page)
    news_page.title = "Nieuwe integriteitscode (herzien)"
    news_page.save_revision().publish()
    news_page.refresh_from_db()
    # An ordinary republish keeps the confirmation: the editor decides what is material.
    mark(news_page)
    assert selectors.outstanding_for(employee) == []
    must_read = mark(news_page, ask_again=True)
    assert must_read.version == 2 and must_read.revision_id == news_page.live_revision_id
    status = selectors.status_for(employee, news_page)
    assert not status.confirmed and status.earlier.version == 1
    assert [m.pk for m in selectors.outstanding_for(employee)] == [must_read.pk]
    services.confirm(employee, news_page)
    assert list(Confirmation.objects.filter(user=employee).values_list("version", flat=True)) == [1, 2]


def test_targeting_by_unit_includes_the_units_below(news_page, mark, units):
    in_team = PersonFactory(organisation_unit=units["team"]).user
    in_other = PersonFactory(organisation_unit=units["other"]).user
    no_unit = PersonFactory().user
    mark(news_page, units=[units["department"]])
    assert selectors.outstanding_for(in_team)
    assert selectors.outstanding_for(in_other) == []
    assert selectors.outstanding_for(no_unit) == []
    with pytest.raises(PermissionDenied):
        services.confirm(in_other, news_page)


def test_an_inactive_must_read_or_unpublished_page_asks_nothing(news_page, mark, employee):
    mark(news_page, active=False)
    assert selectors.outstanding_for(employee) == []
    mark(news_page)
    news_page.unpublish()
    assert selectors.outstanding_for(employee) == []
    with pytest.raises(PermissionDenied):
        services.confirm(employee, news_page)


def test_a_page_the_user_cannot_open_is_never_shown(news_page, mark, employee):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    mark(news_page)
    restriction = PageViewRestriction.objects.create(page=news_page, restriction_type=PageViewRestriction.GROUPS)
    group = Group.objects.create(name="Bestuur")
    restriction.groups.add(group)
    assert selectors.outstanding_for(employee) == []
    with pytest.raises(PermissionDenied):
        services.confirm(employee, news_page)
    must_read = MustRead.objects.get()
    assert selectors.progress(must_read).total == 0  # nobody outside the group is counted either
    employee.groups.add(group)
    employee = type(employee).objects.get(pk=employee.pk)  # a fresh request: no cached hidden paths
    assert selectors.outstanding_for(employee)


def test_reminder_goes_once_near_the_deadline_to_those_who_have_not_confirmed(news_page, mark, employee):
    today = timezone.localdate()
    done = PersonFactory().user
    mark(news_page, deadline=today + datetime.timedelta(days=10))
    services.confirm(done, news_page)
    assert services.send_reminders(today) == 0  # too early
    near = today + datetime.timedelta(days=9)
    sent = services.send_reminders(near)
    assert sent >= 1
    recipients = set(Notification.objects.values_list("recipient_id", flat=True))
    assert employee.pk in recipients and done.pk not in recipients
    assert "Nieuwe integriteitscode" in Notification.objects.get(recipient=employee).title
    assert services.send_reminders(near) == 0  # once
    assert Notification.objects.filter(recipient=employee).count() == 1
    # A material change is a new version: one new reminder near its deadline.
    mark(news_page, deadline=today + datetime.timedelta(days=10), ask_again=True)
    services.send_reminders(near)
    assert Notification.objects.filter(recipient=employee).count() == 2
    assert Notification.objects.filter(recipient=done).count() == 1


def test_no_reminder_after_the_deadline(news_page, mark, employee):
    today = timezone.localdate()
    mark(news_page, deadline=today - datetime.timedelta(days=1))
    assert services.send_reminders(today) == 0


def test_the_periodic_job_is_registered():
    from intranet.jobs import periodic_jobs

    names = {job.name for job in periodic_jobs()}
    assert {"mustread.remind_before_deadline", "mustread.enforce_retention"} <= names


def test_the_reminder_mails_through_the_job_per_preference(
    news_page, mark, employee, mailoutbox, django_capture_on_commit_callbacks
):
    from social.notifications import set_email_preference

    other = PersonFactory().user
    set_email_preference(employee, "immediately")
    set_email_preference(other, "off")
    today = timezone.localdate()
    mark(news_page, deadline=today + datetime.timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        services.send_reminders(today)
    assert [message.to for message in mailoutbox] == [[employee.email]]
    assert "Nieuwe integriteitscode" in mailoutbox[0].subject + mailoutbox[0].body


def test_the_reminder_skips_who_may_not_open_the_page(news_page, mark, employee):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    insider = PersonFactory().user
    group = Group.objects.create(name="Bestuur")
    insider.groups.add(group)
    today = timezone.localdate()
    mark(news_page, deadline=today)
    PageViewRestriction.objects.create(page=news_page, restriction_type=PageViewRestriction.GROUPS).groups.add(group)
    services.send_reminders(today)
    assert list(Notification.objects.values_list("recipient_id", flat=True)) == [insider.pk]
