"""`personal_data_find`, `personal_data_erase` (DESIGN.md §5) and `personal_data_retention`."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from rendicion.participation.models import Attendance
from rendicion.questions.tests.factories import QuestionFactory
from rendicion.spaces.models import Space


def _run(*args) -> dict:
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return json.loads(out.getvalue())


def _report_2023() -> dict:
    from io import StringIO

    out = StringIO()
    call_command("annual_report", "2023", "--format", "json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_erasing_a_demo_attendee_moves_no_published_figure_and_find_is_empty(demo):
    person = (
        Attendance.objects.filter(space__strategy__year=2023)
        .exclude(document_number="")
        .exclude(email="")
        .order_by("pk")
        .first()
    )
    document, email = person.document_number, person.email
    hearing = Space.objects.filter(strategy__year=2023, kind="hearing").first()
    QuestionFactory(
        space=hearing,
        asker_name=person.full_name,
        asker_email=email.upper(),
        consent_at=timezone.now(),
        received_on=timezone.localdate(hearing.starts_at),
    )
    stats_before = _run("participation_stats", "--year", "2023", "--json")
    report_before = _report_2023()

    found = _run("personal_data_find", "--document", document, "--json")
    assert found["counts"]["attendance"] >= 1
    assert found["document"] == document
    by_email = _run("personal_data_find", "--email", email.upper(), "--json")
    assert by_email["counts"]["question"] == 1

    dry = _run("personal_data_erase", "--document", document, "--dry-run", "--json")
    assert dry["dry_run"] is True
    assert _run("personal_data_find", "--document", document, "--json") == found

    erased = _run("personal_data_erase", "--document", document, "--json")
    assert erased["total"] == found["count"]
    _run("personal_data_erase", "--email", email, "--json")

    assert _run("personal_data_find", "--document", document, "--json")["count"] == 0
    assert _run("personal_data_find", "--email", email, "--json")["count"] == 0
    assert _run("participation_stats", "--year", "2023", "--json") == stats_before
    assert _report_2023() == report_before


@pytest.mark.django_db
def test_find_output_is_deterministic_and_lists_records_in_a_stable_order():
    from rendicion.spaces.tests.factories import SpaceFactory
    from rendicion.stakeholders.tests.factories import AttendanceFactory

    later, earlier = SpaceFactory(), SpaceFactory(starts_at=timezone.now().replace(year=2022))
    AttendanceFactory(space=later, document_number="99000333")
    AttendanceFactory(space=earlier, document_number="99000333")
    first = _run("personal_data_find", "--document", "99000333", "--json")
    assert [r["space"] for r in first["records"]] == [earlier.slug, later.slug]
    assert _run("personal_data_find", "--document", "99000333", "--json") == first


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--document", "12"], "al menos 5 dígitos"),
        (["--document", "ABC123456"], "solo números"),
        (["--email", "sin-arroba"], "correo válido"),
        ([], "Escriba un número de documento o un correo"),
        (["--document", "99000111", "--email", "a@example.invalid"], "uno solo"),
    ],
)
@pytest.mark.parametrize("command", ["personal_data_find", "personal_data_erase"])
def test_bad_input_stops_with_a_spanish_message(command, args, message):
    with pytest.raises(CommandError, match=message):
        call_command(command, *args, "--json")
