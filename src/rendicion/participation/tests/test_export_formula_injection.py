"""A name typed like a formula in the public form reaches staff spreadsheets as text (OWASP)."""

import csv
import datetime as dt
import io
import uuid
import zipfile

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from rendicion.core.tests.factories import UserFactory
from rendicion.participation.models import Attendance
from rendicion.spaces import services as space_services
from rendicion.strategy.tests.factories import StrategyFactory

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://example.invalid","x")'
SLUG = "dialogo-formulas"


@pytest.fixture
def space():
    return space_services.space_create(
        actor=None,
        strategy=StrategyFactory(),
        data=space_services.SpaceData(
            kind="dialogue",
            title="Diálogo de prueba",
            slug=SLUG,
            starts_at=timezone.now() + dt.timedelta(hours=1),
            modality="in_person",
            venue_name="Aulas Barulé",
        ),
    )


def _submit(client, full_name):
    form = client.get(f"/espacios/{SLUG}/asistencia/")
    assert form.status_code == 200
    response = client.post(
        f"/espacios/{SLUG}/asistencia/",
        {
            "submission_key": str(uuid.uuid4()),
            "consent_version": "1",
            "full_name": full_name,
            "document_type": "CC",
            "document_number": "99000456",
            "email": "formula@example.invalid",
            "phone": "",
            "sex": "mujer",
            "age": "34",
            "locality": "Kennedy",
            "stakeholder_group": "",
            "consent": "on",
            "website": "",
        },
    )
    assert response.status_code == 302


def test_a_name_typed_as_a_formula_comes_out_of_the_staff_exports_as_text(client, space):
    _submit(client, HYPERLINK)
    assert Attendance.objects.get().full_name == HYPERLINK  # stored as typed

    client.force_login(UserFactory(role="planning"))
    export = client.get(f"/gestion/espacios/{SLUG}/asistencia.csv")
    assert export.status_code == 200 and export.streaming
    rows = list(csv.reader(io.StringIO(export.getvalue().decode("utf-8-sig"), newline="")))
    name = rows[0].index("Nombres y apellidos")
    assert rows[1][name] == "'" + HYPERLINK  # OWASP's prefix: the spreadsheet shows text

    export = client.get(f"/gestion/espacios/{SLUG}/asistencia.xlsx")
    assert export.status_code == 200
    content = export.getvalue()
    export.close()
    sheet = load_workbook(io.BytesIO(content)).active
    cell = sheet.cell(row=2, column=name + 1)
    assert (cell.value, cell.data_type, cell.quotePrefix) == (HYPERLINK, "s", True)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()
