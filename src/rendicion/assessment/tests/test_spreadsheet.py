"""The self-assessment spreadsheet, read and written without the database."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from rendicion.assessment.spreadsheet import (
    DEFAULT_BANDS,
    AssessmentFileError,
    assessment_xlsx_read,
    assessment_xlsx_write,
)

from .factories import HEADERS, sheet, xlsx

ROW = ["Aprestamiento", "Información", "Caracterizar los grupos de valor.", None, 90, None, None]


def _errors(data):
    _sheet, errors = assessment_xlsx_read(data)
    return [(e.sheet, e.row, e.column, e.message) for e in errors]


def test_a_bad_row_is_refused_with_row_and_column_messages():
    data = xlsx(
        [
            ROW,
            ["Aprestamiento", "Información", "Identificar necesidades.", None, 120, None, None],
            ["Ejecución", "Diálogo", "", None, 80, None, None],
        ]
    )
    errors = _errors(data)
    assert errors == [
        (
            "Autodiagnóstico",
            3,
            "Puntaje (0 a 100)",
            "El puntaje 120 está fuera del rango: escriba un número de 0 a 100.",
        ),
        ("Autodiagnóstico", 4, "Ítem", "Escriba el texto del ítem."),
    ]
    _sheet, cell_errors = assessment_xlsx_read(data)
    assert str(cell_errors[0]) == (
        "Fila 3, columna «Puntaje (0 a 100)»: El puntaje 120 está fuera del rango: escriba un "
        "número de 0 a 100."
    )


def test_written_then_read_gives_the_same_rows_threshold_and_levels():
    original = sheet(scores=[90, 70, None, 60, 100], weights=[1, 2, 1, 1.5, 1], threshold="75")
    original.rows[0].note, original.rows[1].evidence = "Revisado", "https://example.invalid/acta"
    read, errors = assessment_xlsx_read(assessment_xlsx_write(original))
    assert errors == []
    fields = ("stage", "category", "text", "weight", "score", "note", "evidence")

    def rows(s):
        return [tuple(getattr(row, name) for name in fields) for row in s.rows]

    assert rows(read) == rows(original)
    assert (read.threshold, read.bands) == (Decimal("75.0"), list(DEFAULT_BANDS))
    assert read.warnings == []


def test_the_written_file_has_the_layout_people_edit():
    content = assessment_xlsx_write(sheet(scores=[90, 70, None, 60, 100]))
    workbook = load_workbook(io.BytesIO(content))
    assert workbook.sheetnames == ["Autodiagnóstico", "Calificación"]
    rows = list(workbook["Autodiagnóstico"].iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert rows[1][:5] == (
        "Aprestamiento",
        "Información",
        "Caracterizar los grupos de valor.",
        None,
        90,
    )
    settings = list(workbook["Calificación"].iter_rows(values_only=True))
    assert settings[0] == ("Umbral de puntos a fortalecer", 80, None)
    assert settings[2] == ("Nivel", "Desde", "Hasta")
    assert settings[3:] == [
        ("Inicial", 0, 39.9),
        ("Básico", 40, 59.9),
        ("Intermedio", 60, 79.9),
        ("Avanzado", 80, 100),
    ]


def test_headers_are_found_below_title_rows_and_by_their_usual_names():
    data = xlsx(
        [["Diseño", "Diálogo", "Definir la metodología.", "85", "Bien"]],
        headers=[
            "ETAPA",
            "Componente",
            "Actividades de gestión",
            "Puntaje (0-100)",
            "Observaciones",
        ],
        title_rows=[["Autodiagnóstico de rendición de cuentas"], []],
    )
    read, errors = assessment_xlsx_read(data)
    assert errors == []
    row = read.rows[0]
    assert (row.row, row.stage, row.category, row.text, row.score, row.note) == (
        4,
        "Diseño",
        "Diálogo",
        "Definir la metodología.",
        85,
        "Bien",
    )
    assert read.warnings and "Calificación" in read.warnings[0]


def test_missing_columns_blank_fields_and_repeated_items_are_each_named():
    assert _errors(xlsx([ROW], headers=["Etapa", "Ítem"])) == [
        ("Autodiagnóstico", 1, "Categoría", "Falta la columna «Categoría»."),
    ]
    errors = _errors(
        xlsx(
            [
                ROW,
                ["", "", "Otro ítem.", None, "noventa", None, None],
                ["Aprestamiento", "información", "caracterizar los grupos de valor", None, 85.5],
            ]
        )
    )
    assert errors == [
        ("Autodiagnóstico", 3, "Etapa", "Escriba la etapa del ítem."),
        ("Autodiagnóstico", 3, "Categoría", "Escriba la categoría del ítem."),
        (
            "Autodiagnóstico",
            3,
            "Puntaje (0 a 100)",
            "El puntaje «noventa» no es válido: escriba un número entero de 0 a 100.",
        ),
        (
            "Autodiagnóstico",
            4,
            "Puntaje (0 a 100)",
            "El puntaje «85.5» no es válido: escriba un número entero de 0 a 100.",
        ),
        (
            "Autodiagnóstico",
            4,
            "Ítem",
            "Este ítem ya está en la fila 2, en la misma etapa y categoría.",
        ),
    ]


def test_weights_must_be_positive_and_given_for_every_item_or_none():
    errors = _errors(
        xlsx(
            [
                [*ROW[:3], 2, 90],
                ["Ejecución", "Diálogo", "Responder.", None, 80],
                ["Ejecución", "Diálogo", "Publicar.", -1, 80],
            ]
        )
    )
    assert errors == [
        ("Autodiagnóstico", 4, "Peso", "El peso debe ser un número mayor que cero."),
        (
            "Autodiagnóstico",
            3,
            "Peso",
            "Si usa pesos, escriba el peso de cada ítem: a esta fila le falta.",
        ),
    ]


def test_the_settings_sheet_gives_threshold_and_levels_or_says_what_is_wrong():
    good = xlsx(
        [ROW],
        settings=[
            ["Umbral de puntos a fortalecer", 70],
            [],
            ["Nivel", "Desde", "Hasta"],
            ["Bajo", 0],
            ["Alto", "50,5"],
        ],
    )
    read, errors = assessment_xlsx_read(good)
    assert errors == []
    assert read.threshold == Decimal("70.0")
    assert read.bands == [(Decimal("0.0"), "Bajo"), (Decimal("50.5"), "Alto")]

    bad = xlsx(
        [ROW],
        settings=[
            ["Umbral de puntos a fortalecer", 170],
            ["Nivel", "Desde"],
            ["Bajo", 10],
            ["", 40],
            ["Medio", 10],
        ],
    )
    assert _errors(bad) == [
        (
            "Calificación",
            1,
            "Umbral de puntos a fortalecer",
            "El umbral debe ser un número de 0 a 100.",
        ),
        ("Calificación", 4, "Nivel", "Escriba el nombre del nivel."),
        ("Calificación", 5, "Desde", "Otro nivel ya empieza en 10.0 (fila 3)."),
    ]
    starts_late = xlsx([ROW], settings=[["Nivel", "Desde"], ["Bajo", 10]])
    assert _errors(starts_late) == [
        ("Calificación", 2, "Desde", "El primer nivel debe empezar en 0."),
    ]


def test_a_file_that_is_not_a_spreadsheet_or_has_no_titles_is_refused_whole():
    with pytest.raises(AssessmentFileError, match="no es una hoja de cálculo XLSX"):
        assessment_xlsx_read(b"esto no es un xlsx")
    with pytest.raises(AssessmentFileError, match="No se encontró la fila de títulos"):
        assessment_xlsx_read(xlsx([ROW], headers=["A", "B", "C"]))
    assert _errors(xlsx([])) == [("Autodiagnóstico", 2, "Ítem", "El archivo no tiene ítems.")]
