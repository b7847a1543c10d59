"""The cronograma spreadsheet: export, import back, and refusal of bad files with row/column."""

import io

import pytest
from openpyxl import Workbook, load_workbook

from rendicion.core.models import AuditRecord
from rendicion.strategy import services
from rendicion.strategy.cronograma import COLUMNS, cronograma_export_rows, cronograma_xlsx_write
from rendicion.strategy.selectors import activity_queryset, strategy_as_json, strategy_detail

pytestmark = pytest.mark.django_db

HEADERS = [column.header for column in COLUMNS]


def _xlsx(rows, headers=HEADERS, title_rows=()):
    workbook = Workbook()
    sheet = workbook.active
    for row in title_rows:
        sheet.append(row)
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _row(**values):
    defaults = {
        "No.": 1,
        "Actividad": "Hacer algo",
        "Meta/Producto": "Algo hecho",
        "Responsables": "Oficina Asesora de Planeación",
        "Trimestres (1 a 4)": "1, 2",
    }
    defaults.update(values)
    return [defaults.get(header) for header in HEADERS]


def _snapshot(strategy):
    return strategy_as_json(strategy_detail(strategy=strategy))


def test_export_then_import_gives_the_same_cronograma(demo):
    strategy = demo.strategy
    before = _snapshot(strategy)
    content = cronograma_xlsx_write(cronograma_export_rows(activity_queryset(strategy)))

    result = services.cronograma_import(actor=None, strategy=strategy, data=content)

    assert (result.created, result.updated, result.removed) == (0, 0, 0)
    assert _snapshot(strategy) == before


def test_the_exported_file_has_one_row_per_activity_with_its_offices_and_quarters(demo):
    content = cronograma_xlsx_write(cronograma_export_rows(activity_queryset(demo.strategy)))
    sheet = load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert len(rows) == 14
    second = dict(zip(HEADERS, rows[2], strict=True))
    assert second["No."] == 2
    assert second["Trimestres (1 a 4)"] == "2, 4"
    assert "Oficina Asesora de Planeación" in second["Responsables"].split("\n")
    assert second["Avance calculado con"] == "Audiencias públicas realizadas"


def test_an_edited_file_updates_adds_and_removes_activities(demo):
    strategy = demo.strategy
    rows = cronograma_export_rows(activity_queryset(strategy))
    rows[0]["target"] = "Un equipo conformado y socializado."
    rows = rows[:12]  # activity 13 removed
    rows.append({**rows[0], "number": 14, "name": "Actividad nueva", "quarters": "T4"})
    result = services.cronograma_import(
        actor=None, strategy=strategy, data=cronograma_xlsx_write(rows)
    )
    assert (result.created, result.updated, result.removed) == (1, 1, 1)
    numbers = list(strategy.activities.order_by("number").values_list("number", flat=True))
    assert numbers == [*range(1, 13), 14]
    assert strategy.activities.get(number=14).quarters == [4]
    assert strategy.activities.get(number=1).target == "Un equipo conformado y socializado."
    assert AuditRecord.objects.filter(action="cronograma_import").count() == 1


def test_a_bad_file_is_refused_naming_row_and_column_and_nothing_is_stored(demo):
    strategy = demo.strategy
    before = _snapshot(strategy)
    audits = AuditRecord.objects.count()
    content = _xlsx(
        [
            _row(),
            _row(**{"No.": 2, "Responsables": "Oficina de Asuntos Imaginarios"}),
            _row(**{"No.": 3, "Trimestres (1 a 4)": "5"}),
        ]
    )
    with pytest.raises(services.CronogramaImportError) as error:
        services.cronograma_import(actor=None, strategy=strategy, data=content)
    messages = [str(e) for e in error.value.errors]
    assert any(
        m.startswith("Fila 3, columna «Responsables»") and "Oficina de Asuntos Imaginarios" in m
        for m in messages
    ), messages
    assert any(
        m.startswith("Fila 4, columna «Trimestres (1 a 4)»") and "«5»" in m for m in messages
    ), messages
    assert _snapshot(strategy) == before
    assert AuditRecord.objects.count() == audits


def test_a_file_missing_a_required_column_is_refused(demo):
    headers = [h for h in HEADERS if h != "Trimestres (1 a 4)"]
    content = _xlsx([[1, "x"]], headers=headers)
    with pytest.raises(services.CronogramaImportError) as error:
        services.cronograma_import(actor=None, strategy=demo.strategy, data=content)
    assert [e.as_dict() for e in error.value.errors] == [
        {
            "row": 1,
            "column": "Trimestres (1 a 4)",
            "message": "Falta la columna «Trimestres (1 a 4)».",
        }
    ]
    assert demo.strategy.activities.count() == 13


def test_headers_match_ignoring_case_accents_and_a_title_row(demo):
    headers = ["NO", "actividad", "META / PRODUCTO", "Responsables", "Trimestres"]
    content = _xlsx(
        [[1, "Única actividad", "Meta", "oficina asesora de PLANEACION", "t1 y t3"]],
        headers=headers,
        title_rows=[["Cronograma Estrategia RdC 2023"]],
    )
    strategy = demo.strategy
    for activity in strategy.activities.all():
        activity.evidence.all().delete()
    result = services.cronograma_import(actor=None, strategy=strategy, data=content)
    assert (result.created, result.updated, result.removed) == (0, 1, 12)
    activity = strategy.activities.get()
    assert activity.quarters == [1, 3]
    assert [o.name for o in activity.responsible.all()] == ["Oficina Asesora de Planeación"]


def test_an_activity_missing_from_the_file_but_with_evidence_blocks_the_import(demo):
    import datetime as dt

    strategy = demo.strategy
    services.evidence_add(
        actor=None,
        activity=strategy.activities.get(number=13),
        date=dt.date(2023, 6, 1),
        office=None,
        url="https://example.org/e",
    )
    rows = cronograma_export_rows(activity_queryset(strategy))[:12]
    with pytest.raises(services.CronogramaImportError) as error:
        services.cronograma_import(actor=None, strategy=strategy, data=cronograma_xlsx_write(rows))
    assert "actividad 13" in str(error.value.errors[0])
    assert strategy.activities.count() == 13


def test_a_file_that_is_not_a_spreadsheet_is_refused_as_a_whole(demo):
    with pytest.raises(services.CronogramaImportError) as error:
        services.cronograma_import(actor=None, strategy=demo.strategy, data=b"No.;Actividad\n1;x")
    assert "XLSX" in error.value.errors[0].message


def test_repeated_numbers_and_bad_values_are_each_reported(demo):
    content = _xlsx(
        [
            _row(),
            _row(**{"Actividad": "", "Estado": "Terminada", "Avance (%)": 140}),
        ]
    )
    with pytest.raises(services.CronogramaImportError) as error:
        services.cronograma_import(actor=None, strategy=demo.strategy, data=content)
    found = {(e.row, e.column) for e in error.value.errors}
    assert {(3, "No."), (3, "Actividad"), (3, "Estado"), (3, "Avance (%)")} <= found
