import csv
import io

import pytest
from django.core.management import CommandError, call_command

from people.importer import COLUMNS, ImportAborted, import_people
from people.models import Person
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def csv_text(rows, delimiter=","):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, delimiter=delimiter)
    writer.writeheader()
    for row in rows:
        writer.writerow({name: row.get(name, "") for name in COLUMNS})
    return buffer.getvalue()


def row(number, **kwargs):
    values = {
        "employee_number": number,
        "first_name": "Jan",
        "tussenvoegsel": "de",
        "last_name": f"Vries{number}",
        "email": f"jan{number}@gemeente.example",
        "job_title": "Wegbeheerder",
        "unit_code": "PZ-BZ",
        "start_date": "2024-03-01",
        "location": "Stadhuis",
    }
    values.update(kwargs)
    return values


@pytest.fixture
def hr_file(tmp_path, org, stadhuis):
    def write(rows, delimiter=","):
        path = tmp_path / "hr.csv"
        path.write_text(csv_text(rows, delimiter), encoding="utf-8")
        return str(path)

    return write


def run(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_people", path, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_good_file_creates_people_with_managers(hr_file, org, stadhuis):
    path = hr_file([row("100"), row("101", manager_number="100", first_name="Kim", tussenvoegsel="")], delimiter=";")
    out, _err = run(path)
    assert "2 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 uit dienst" in out
    jan = Person.objects.get(employee_number="100")
    kim = Person.objects.get(employee_number="101")
    assert kim.manager == jan
    assert jan.organisation_unit == org["team"]
    assert jan.location == stadhuis
    assert jan.sort_name.startswith("vries100")
    assert jan.user.email == "jan100@gemeente.example"
    assert not jan.user.has_usable_password()
    assert jan.completeness == 10  # the location counts


def test_rerun_changes_nothing_and_updates_are_counted(hr_file):
    path = hr_file([row("100"), row("101")])
    run(path)
    out, _err = run(path)
    assert "0 nieuw, 0 bijgewerkt, 2 ongewijzigd, 0 uit dienst" in out
    path = hr_file([row("100", job_title="Teamleider"), row("101")])
    out, _err = run(path)
    assert "0 nieuw, 1 bijgewerkt, 1 ongewijzigd" in out
    assert Person.objects.get(employee_number="100").job_title == "Teamleider"


def test_import_keeps_what_the_employee_filled_in(hr_file):
    run(hr_file([row("100")]))
    jan = Person.objects.get(employee_number="100")
    jan.bio = "Mijn eigen verhaal"
    jan.phone = "0101234567"
    jan.save()
    jan.expertise.add("GIS")
    run(hr_file([row("100", job_title="Senior wegbeheerder")]))
    jan.refresh_from_db()
    assert jan.bio == "Mijn eigen verhaal"
    assert jan.job_title == "Senior wegbeheerder"
    assert jan.completeness == 10 + 15 + 15 + 20


def test_missing_people_are_deactivated_never_deleted_and_can_return(hr_file):
    run(hr_file([row("100"), row("101")]))
    out, _err = run(hr_file([row("100")]))
    assert "1 uit dienst" in out
    leaver = Person.objects.get(employee_number="101")
    assert not leaver.is_active
    assert not leaver.user.is_active
    assert leaver.deactivated_at is not None  # starts the grace period before erasure (docs/privacy.md)
    assert Person.objects.get(employee_number="100").deactivated_at is None
    out, _err = run(hr_file([row("100"), row("101")]))
    leaver.refresh_from_db()
    assert leaver.is_active and leaver.user.is_active
    assert leaver.deactivated_at is None
    assert Person.objects.count() == 2


def test_bad_rows_are_reported_by_line_and_nothing_changes(hr_file):
    existing = PersonFactory(employee_number="900", job_title="Blijft")
    path = hr_file(
        [
            row("100"),
            row("101", first_name=""),
            row("102", unit_code="ONBEKEND"),
            row("103", start_date="31-02-2024x"),
            row("104", email="geen-mail"),
            row("105", manager_number="777"),
            row("100"),
        ]
    )
    with pytest.raises(CommandError, match="6 foute regel"):
        run(path)
    assert Person.objects.count() == 1
    existing.refresh_from_db()
    assert existing.is_active and existing.job_title == "Blijft"
    with pytest.raises(ImportAborted) as aborted:
        import_people(open(path, encoding="utf-8").read())
    errors = dict(aborted.value.result.errors)
    assert "first_name" in errors[3]
    assert "onbekende afdelingscode 'ONBEKEND'" in errors[4]
    assert "startdatum" in errors[5]
    assert "geen geldig e-mailadres" in errors[6]
    assert "leidinggevende 777 bestaat niet" in errors[7]
    assert "vaker in het bestand" in errors[8]


def test_partial_imports_the_good_rows_and_reports_the_rest(hr_file):
    PersonFactory(employee_number="101")
    path = hr_file([row("100"), row("101", last_name="")])
    out, err = run(path, "--partial")
    assert "Regel 3: kolom 'last_name' is leeg" in err
    assert "1 nieuw" in out and "1 overgeslagen" in out
    # The person behind a bad row is in the file, so not deactivated.
    assert Person.objects.get(employee_number="101").is_active


def test_missing_columns_and_unreadable_file(tmp_path, db):
    path = tmp_path / "hr.csv"
    path.write_text("nummer,naam\n1,Jan\n", encoding="utf-8")
    with pytest.raises(CommandError, match="1 foute regel"):
        run(str(path))
    with pytest.raises(CommandError, match="Kan"):
        run(str(tmp_path / "bestaat-niet.csv"))


def test_a_few_thousand_rows_in_bulk_not_a_query_per_row(hr_file, django_assert_max_num_queries):
    rows = [row(f"{n:05d}", manager_number="00001" if n > 1 else "") for n in range(1, 3001)]
    path = hr_file(rows)
    with django_assert_max_num_queries(300):
        out, _err = run(path)
    assert "3000 nieuw" in out
    assert Person.objects.filter(manager__employee_number="00001").count() == 2999
    rows[5]["job_title"] = "Anders"
    rows = rows[:-10]
    with django_assert_max_num_queries(300):
        out, _err = run(hr_file(rows))
    assert "0 nieuw, 1 bijgewerkt, 2989 ongewijzigd, 10 uit dienst" in out
