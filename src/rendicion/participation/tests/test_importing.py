"""Reading attendance spreadsheets (pure: no database). Every rule in XLSX and in each CSV variant."""

import codecs
import datetime as dt
import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rendicion.participation.importing import ImportRefused, header_map, read_people
from rendicion.participation.rules import AgeGroup, Sex

from .spreadsheets import FORMATS, csv_file, with_recorded_range, xlsx_file

SPACE_DAY = dt.date(2023, 4, 20)
CONSENT = "¿Autoriza el tratamiento de sus datos personales?"
HEADERS = [
    "Marca temporal",
    "Nombres y apellidos",
    "Tipo de documento",
    "Número de documento",
    "Correo electrónico",
    "Sexo",
    "Edad",
    "Localidad",
    CONSENT,
]


def read(data: bytes, **options):
    return read_people(data, space_date=SPACE_DAY, **options)


def issues(items) -> list[tuple]:
    return [(i.row, i.column, i.message) for i in items]


def people(result) -> list[tuple]:
    return [
        (p.row, p.full_name, p.document_type, p.document_number, p.email, p.sex, p.age, p.age_group)
        for p in result.rows
    ]


@pytest.fixture(params=list(FORMATS))
def save_as(request):
    """The same table saved as XLSX, or as CSV with each delimiter and encoding."""
    return FORMATS[request.param]


# A whole export -------------------------------------------------------------------------------


# fmt: off
EXPORT = [
    HEADERS,
    ["2023/04/20 10:01:00", "María Peña Ávila", "CC", "1.020.304", " Maria.Pena@Example.COM ", "Femenino", "34 años", "Suba", "Sí"],
    ["2023/04/20 10:02:00", "ÑUSTA GÓMEZ", "TI", "1098765", "", "F", "18 a 28 años", "Bosa", "acepto"],
    ["2023/04/20 10:03:00", "José Ángel Ruiz", "CC", "", "jose@example.com", "Masculino", "60 o más", "", "X"],
    ["2023/04/20 10:04:00", "Andrés Núñez", "CC", "52 333 444", "no-es-correo", "Otro", "25 a 35", "", "1"],
    ["2023/04/20 10:05:00", "", "CC", "123", "", "F", "30", "", "Sí"],
    ["2023/04/20 10:06:00", "Luisa Fernanda Ríos", "CC", "777", "", "Mujer", "29 - 59", "", "No"],
    ["", "", "", "", "", "", "", "", ""],
    ["2023/04/20 10:08:00", "Camilo Torres", "", "", "", "Intersexual", "Prefiero no responder", "", "true"],
]
# fmt: on


def test_every_format_of_the_same_export_reads_the_same_people_problems_and_row_numbers(save_as):
    data = save_as(EXPORT)
    result = read(data)
    assert (result.total, result.rejected) == (7, 2)
    assert people(result) == [
        (
            2,
            "María Peña Ávila",
            "CC",
            "1020304",
            "maria.pena@example.com",
            Sex.MUJER,
            34,
            AgeGroup.ADULTO,
        ),
        (3, "ÑUSTA GÓMEZ", "TI", "1098765", "", Sex.MUJER, None, AgeGroup.JOVEN),
        (
            4,
            "José Ángel Ruiz",
            "CC",
            "",
            "jose@example.com",
            Sex.HOMBRE,
            None,
            AgeGroup.PERSONA_MAYOR,
        ),
        (5, "Andrés Núñez", "CC", "52333444", "", Sex.NO_RESPONDE, None, AgeGroup.NO_RESPONDE),
        (9, "Camilo Torres", "", "", "", Sex.INTERSEXUAL, None, AgeGroup.NO_RESPONDE),
    ]
    assert [(p.locality, p.submitted_at_text) for p in result.rows][:2] == [
        ("Suba", "2023/04/20 10:01:00"),
        ("Bosa", "2023/04/20 10:02:00"),
    ]
    assert result.rows[0].consent_answer == f"{CONSENT}: Sí"
    assert issues(result.errors) == [
        (6, "Nombres y apellidos", "falta el nombre: no se importa la fila"),
        (7, CONSENT, "sin autorización de tratamiento de datos («No»): no se importa la fila"),
    ]
    assert issues(result.warnings) == [
        (5, "Correo electrónico", "el correo «no-es-correo» no es válido: se deja en blanco"),
        (5, "Sexo", "sexo «Otro» desconocido: cuenta como «no responde»"),
        (5, "Edad", "el rango «25 a 35» abarca dos grupos de edad: cuenta como «no responde»"),
    ]


# Formats and encodings ------------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_the_delimiter_of_a_csv_is_detected(delimiter):
    data = csv_file([["Nombre", "Sexo", "Autorizo"], ["Ana Gómez", "F", "Sí"]], delimiter=delimiter)
    assert people(read(data)) == [
        (2, "Ana Gómez", "", "", "", Sex.MUJER, None, AgeGroup.NO_RESPONDE)
    ]


def test_a_semicolon_file_whose_consent_header_holds_commas_is_split_by_semicolons():
    # Excel in Spanish saves `;` files and does not quote a header that holds commas.
    text = (
        "Nombre;Sexo;¿Autoriza el tratamiento de sus datos, según la Ley 1581, para estos fines?\r\n"
        "Ana Gómez;F;Sí\r\n"
        "Luis Pérez;M;Sí\r\n"
    )
    result = read(text.encode("cp1252"))
    assert [(p.full_name, p.sex) for p in result.rows] == [
        ("Ana Gómez", "mujer"),
        ("Luis Pérez", "hombre"),
    ]
    assert result.warnings == []


def test_a_cell_holding_the_delimiter_inside_quotes_stays_one_value():
    data = b'Nombre;Documento;Autorizo\r\n"P\xc3\xa9rez; Ana";1.020.304;si\r\n'
    assert [(p.full_name, p.document_number) for p in read(data).rows] == [
        ("Pérez; Ana", "1020304")
    ]


@pytest.mark.parametrize("bom", [False, True])
def test_a_utf8_file_with_or_without_bom_finds_its_first_header_and_keeps_accents(bom):
    data = csv_file(
        [["Nombre", "Localidad", "Autorizo"], ["Ñoño Sánchez", "Bogotá", "Sí"]], bom=bom
    )
    assert data.startswith(codecs.BOM_UTF8) is bom
    result = read(data)
    assert [(p.full_name, p.locality) for p in result.rows] == [("Ñoño Sánchez", "Bogotá")]
    assert result.warnings == []


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_a_windows_1252_file_keeps_its_accents_and_enye(delimiter):
    rows = [
        ["NOMBRE", "Sexo", "Localidad", "Autorización"],
        ["PEÑA ÁVILA, María", "Mujer", "Engativá", "SÍ"],
    ]
    data = csv_file(rows, delimiter=delimiter, encoding="cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    result = read(data)
    assert [(p.full_name, p.sex, p.locality) for p in result.rows] == [
        ("PEÑA ÁVILA, María", Sex.MUJER, "Engativá")
    ]


def test_a_crlf_csv_with_a_multiline_quoted_cell_counts_one_row():
    data = 'Nombre,Localidad,Autorizo\r\n"Ana Gómez","Barrio\r\nLa Candelaria",Sí\r\nLuis Pérez,Suba,Sí\r\n'
    result = read(data.encode())
    assert [(p.row, p.full_name) for p in result.rows] == [(2, "Ana Gómez"), (3, "Luis Pérez")]


def test_xlsx_typed_cells_date_number_and_boolean_are_read_as_people_typed_them():
    data = xlsx_file(
        [
            [
                "Marca temporal",
                "Nombre completo",
                "Cédula",
                "Fecha de nacimiento",
                "Edad",
                "Autoriza",
            ],
            [
                dt.datetime(2023, 4, 20, 10, 1),
                "Ana Gómez",
                1020304,
                dt.datetime(2009, 4, 21),
                None,
                True,
            ],
            [
                dt.datetime(2023, 4, 20, 10, 2),
                "Luis Pérez",
                52333444.0,
                dt.datetime(1963, 4, 20),
                None,
                1,
            ],
            [dt.datetime(2023, 4, 20, 10, 3), "Eva Ruiz", "52.000.111", None, 34, "Sí"],
            [dt.datetime(2023, 4, 20, 10, 4), "Juan Díaz", 12345, "20/04/2000", None, "x"],
        ]
    )
    result = read(data)
    assert [
        (p.full_name, p.document_number, p.age, p.age_group, p.submitted_at_text)
        for p in result.rows
    ] == [
        ("Ana Gómez", "1020304", 13, AgeGroup.NNA, "2023-04-20 10:01:00"),
        ("Luis Pérez", "52333444", 60, AgeGroup.PERSONA_MAYOR, "2023-04-20 10:02:00"),
        ("Eva Ruiz", "52000111", 34, AgeGroup.ADULTO, "2023-04-20 10:03:00"),
        ("Juan Díaz", "12345", 23, AgeGroup.JOVEN, "2023-04-20 10:04:00"),
    ]
    assert (result.errors, result.warnings) == ([], [])


@pytest.mark.parametrize("recorded", ["A1", "A1:B2", "A1:Z999"])
def test_a_workbook_whose_recorded_used_range_is_wrong_is_read_whole(recorded):
    rows = [
        ["Nombre", "Sexo", "Autorizo"],
        ["Ana", "F", "Sí"],
        ["Luis", "M", "Sí"],
        ["Eva", "F", "Sí"],
    ]
    result = read(with_recorded_range(xlsx_file(rows), recorded))
    assert [(p.full_name, p.sex) for p in result.rows] == [
        ("Ana", "mujer"),
        ("Luis", "hombre"),
        ("Eva", "mujer"),
    ]
    assert (result.errors, result.warnings) == ([], [])


def test_a_birth_date_is_taken_at_the_date_of_the_space(save_as):
    data = save_as(
        [
            ["Nombre", "Fecha de nacimiento", "Autorizo"],
            ["Cumple hoy", "20/04/2009", "Sí"],
            ["Cumple mañana", "2009-04-21", "Sí"],
        ]
    )
    on_the_day = read_people(data, space_date=dt.date(2023, 4, 20))
    a_day_later = read_people(data, space_date=dt.date(2023, 4, 21))
    assert [(p.age, p.age_group) for p in on_the_day.rows] == [(14, "joven"), (13, "nna")]
    assert [(p.age, p.age_group) for p in a_day_later.rows] == [(14, "joven"), (14, "joven")]


def test_the_birth_date_is_used_when_given_and_the_age_column_otherwise():
    data = xlsx_file(
        [
            ["Nombre", "Edad", "Fecha de nacimiento", "Autorizo"],
            ["Con fecha", "70", dt.datetime(2000, 1, 1), "Sí"],
            ["Sin fecha", "70", None, "Sí"],
        ]
    )
    assert [(p.age, p.age_group) for p in read(data).rows] == [(23, "joven"), (70, "persona_mayor")]


# Refused as a whole ---------------------------------------------------------------------------


def _zip_that_is_not_a_workbook() -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    return output.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00", "no es una hoja de cálculo"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "no es una hoja de cálculo"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "no es una hoja de cálculo"),  # old .xls
        (b"PK\x03\x04 a broken archive", "no es una hoja de cálculo XLSX"),
        (_zip_that_is_not_a_workbook(), "no es una hoja de cálculo XLSX"),
        (b"", "vacío"),
    ],
    ids=["pdf", "png", "xls", "broken-zip", "docx-like-zip", "empty"],
)
def test_a_file_that_is_not_a_spreadsheet_is_refused_with_a_clear_message(data, message):
    with pytest.raises(ImportRefused, match=message):
        read(data)


def test_a_file_without_a_name_column_is_refused_naming_what_is_missing(save_as):
    data = save_as([["Documento", "Sexo", "Autorizo"], ["1020304", "F", "Sí"]])
    with pytest.raises(ImportRefused, match="columna del nombre"):
        read(data)


def test_a_text_that_is_no_table_is_refused_for_lacking_a_name_column():
    with pytest.raises(ImportRefused, match="columna del nombre"):
        read("Querida entidad:\nles envío la lista por correo.\n".encode())


def test_a_file_with_headers_only_has_no_rows():
    result = read(csv_file([["Nombre", "Autorizo"]]))
    assert (result.total, result.rows, result.errors) == (0, [], [])


def test_a_title_block_above_the_headers_is_skipped_and_rows_keep_their_file_numbers(save_as):
    data = save_as(
        [
            ["Planilla de asistencia"],
            ["Diálogo ciudadano del 20 de abril de 2023"],
            [],
            ["Nombre", "Sexo", "Observaciones", "Autorizo"],
            ["Ana Gómez", "F", "", "Sí"],
            ["", "M", "", "Sí"],
        ]
    )
    result = read(data)
    assert [(p.row, p.full_name, p.sex) for p in result.rows] == [(5, "Ana Gómez", "mujer")]
    assert issues(result.warnings) == [(4, "Observaciones", "columna desconocida: se ignora")]
    assert issues(result.errors) == [(6, "Nombre", "falta el nombre: no se importa la fila")]


def test_headers_are_looked_for_in_the_first_ten_rows_only():
    title = [[f"Línea de título {n}"] for n in range(10)]
    with pytest.raises(ImportRefused, match="columna del nombre"):
        read(xlsx_file([*title, ["Nombre", "Autorizo"], ["Ana", "Sí"]]))
    assert [
        p.row for p in read(xlsx_file([*title[:9], ["Nombre", "Autorizo"], ["Ana", "Sí"]])).rows
    ] == [11]


# Headers --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Nombre", "full_name"),
        ("NOMBRE", "full_name"),
        ("Nombres y apellidos", "full_name"),
        ("NOMBRES Y APELLIDOS", "full_name"),
        ("Nombre completo", "full_name"),
        ("  nombre   completo ", "full_name"),
        ("Nombre completo *", "full_name"),
        ("Documento", "document_number"),
        ("Número de documento", "document_number"),
        ("NUMERO DE DOCUMENTO", "document_number"),
        ("Cédula", "document_number"),
        ("cedula", "document_number"),
        ("Identificación", "document_number"),
        ("Tipo de documento", "document_type"),
        ("Correo", "email"),
        ("Correo electrónico", "email"),
        ("CORREO ELECTRONICO", "email"),
        ("Correo electrónico:", "email"),
        ("Email", "email"),
        ("E-mail", "email"),
        ("Dirección de correo electrónico", "email"),
        ("Teléfono", "phone"),
        ("Celular", "phone"),
        ("Sexo", "sex"),
        ("SEXO", "sex"),
        ("Edad", "age"),
        ("Rango de edad", "age"),
        ("Grupo etario", "age"),
        ("Fecha de nacimiento", "birth_date"),
        ("Localidad", "locality"),
        ("Localidad de residencia", "locality"),
        ("Marca temporal", "timestamp"),
        ("Hora de inicio", "timestamp"),
        ("Fecha", "timestamp"),
        ("¿Autoriza el tratamiento de sus datos personales?", "consent"),
        ("AUTORIZACIÓN", "consent"),
        ("Acepto la política de tratamiento de datos personales", "consent"),
        ("Habeas data", "consent"),
    ],
)
def test_a_header_is_recognised_ignoring_case_accents_and_spaces(header, field):
    mapping, warnings = header_map(["Otra cosa", header])
    assert mapping == {1: field}
    assert issues(warnings) == [(1, "Otra cosa", "columna desconocida: se ignora")]


def test_unknown_headers_are_ignored_and_listed_in_the_warnings_with_their_column(save_as):
    data = save_as(
        [["Id", "Nombre", "Hora de finalización", "Autorizo"], ["7", "Ana Gómez", "10:30", "Sí"]]
    )
    result = read(data)
    assert [p.full_name for p in result.rows] == ["Ana Gómez"]
    assert issues(result.warnings) == [
        (1, "Id", "columna desconocida: se ignora"),
        (1, "Hora de finalización", "columna desconocida: se ignora"),
    ]


def test_the_document_type_column_is_not_taken_for_the_document():
    mapping, warnings = header_map(
        ["Tipo de documento", "Nombre", "Documento", "Fecha de nacimiento", "Fecha"]
    )
    assert mapping == {
        0: "document_type",
        1: "full_name",
        2: "document_number",
        3: "birth_date",
        4: "timestamp",
    }
    assert warnings == []


def test_a_microsoft_forms_export_takes_the_forms_name_question_not_the_account_name():
    # Microsoft Forms writes the responder's account ("Nombre", blank when anonymous) first.
    headers = [
        "Id",
        "Hora de inicio",
        "Hora de finalización",
        "Correo electrónico",
        "Nombre",
        "Nombres y apellidos",
        "Sexo",
        "Autorizo el tratamiento de mis datos",
    ]
    data = xlsx_file(
        [
            headers,
            [
                1,
                dt.datetime(2023, 4, 20, 10),
                dt.datetime(2023, 4, 20, 10, 5),
                "anonymous",
                None,
                "Ana Gómez",
                "Mujer",
                "Sí",
            ],
        ]
    )
    result = read(data)
    assert [(p.full_name, p.sex, p.email) for p in result.rows] == [("Ana Gómez", "mujer", "")]
    assert issues(result.warnings) == [
        (1, "Id", "columna desconocida: se ignora"),
        (1, "Hora de finalización", "columna desconocida: se ignora"),
        (1, "Nombre", "la columna «Nombres y apellidos» ya da este dato: se ignora"),
        (2, "Correo electrónico", "el correo «anonymous» no es válido: se deja en blanco"),
    ]


def test_two_columns_equally_specific_for_one_field_keep_the_first():
    mapping, warnings = header_map(["Nombre", "Correo", "Correo", "Autorizo"])
    assert mapping == {0: "full_name", 1: "email", 3: "consent"}
    assert issues(warnings) == [(1, "Correo", "la columna «Correo» ya da este dato: se ignora")]


def test_map_assigns_a_header_no_synonym_knows(save_as):
    data = save_as(
        [
            ["Participante", "Género", "Acepta condiciones", "Autorizo"],
            ["Ana Gómez", "F", "Sí", "no"],
        ]
    )
    result = read(
        data,
        overrides={"participante": "full_name", "GÉNERO": "sex", "Acepta condiciones": "consent"},
    )
    assert [(p.full_name, p.sex) for p in result.rows] == [("Ana Gómez", "mujer")]
    assert issues(result.warnings) == [
        (1, "Autorizo", "la columna «Acepta condiciones» ya da este dato: se ignora")
    ]


def test_map_wins_over_a_synonym_for_the_same_field():
    mapping, warnings = header_map(
        ["Nombre", "Nombre del asistente", "Sí"],
        {"Nombre del asistente": "full_name", "Sí": "consent"},
    )
    assert mapping == {1: "full_name", 2: "consent"}
    assert issues(warnings) == [
        (1, "Nombre", "la columna «Nombre del asistente» ya da este dato: se ignora")
    ]


def test_without_a_consent_column_every_row_is_rejected(save_as):
    result = read(save_as([["Nombre", "Sexo"], ["Ana Gómez", "F"], ["Luis Pérez", "M"]]))
    assert (result.total, result.rejected, result.rows) == (2, 2, [])
    assert [(e.row, "Ley 1581" in e.message) for e in result.errors] == [(2, True), (3, True)]


# Sheets ---------------------------------------------------------------------------------------


WORKBOOK = xlsx_file(
    sheets={
        "Instrucciones": [["Esta hoja explica el formulario."]],
        "Respuestas": [["Nombre", "Autorizo"], ["Ana Gómez", "Sí"], ["Luis Pérez", "Sí"]],
        "Resumen": [["Nombre", "Autorizo"], ["Eva Ruiz", "Sí"]],
    }
)


def test_the_first_sheet_is_read_by_default():
    with pytest.raises(ImportRefused, match="columna del nombre"):
        read(WORKBOOK)
    assert [
        p.full_name
        for p in read(xlsx_file(sheets={"A": [["Nombre", "Autorizo"], ["Eva", "x"]], "B": []})).rows
    ] == ["Eva"]


def test_the_sheet_named_with_sheet_is_read():
    assert [p.full_name for p in read(WORKBOOK, sheet="Respuestas").rows] == [
        "Ana Gómez",
        "Luis Pérez",
    ]
    assert [p.full_name for p in read(WORKBOOK, sheet="Resumen").rows] == ["Eva Ruiz"]


def test_a_sheet_that_does_not_exist_is_refused_naming_the_sheets_there_are():
    with pytest.raises(ImportRefused, match="Instrucciones, Respuestas, Resumen"):
        read(WORKBOOK, sheet="Hoja1")


# Values typed by people -----------------------------------------------------------------------


SEX_ROWS = [
    ("femenino", Sex.MUJER),
    ("F", Sex.MUJER),
    ("MUJER", Sex.MUJER),
    ("Masculino", Sex.HOMBRE),
    ("m", Sex.HOMBRE),
    ("Hombre", Sex.HOMBRE),
    ("intersexual", Sex.INTERSEXUAL),
    ("", Sex.NO_RESPONDE),
    ("Prefiero no responder", Sex.NO_RESPONDE),
    ("NS/NR", Sex.NO_RESPONDE),
]


def test_each_spelling_of_sex_is_read_as_its_code_without_warnings(save_as):
    rows = [["Nombre", "Sexo", "Autorizo"]] + [
        [f"Persona {n}", typed, "Sí"] for n, (typed, _) in enumerate(SEX_ROWS)
    ]
    result = read(save_as(rows))
    assert [p.sex for p in result.rows] == [code for _, code in SEX_ROWS]
    assert result.warnings == []


def test_an_unknown_sex_counts_as_no_responde_with_a_warning_naming_row_and_column(save_as):
    result = read(
        save_as([["Nombre", "SEXO", "Autorizo"], ["Ana", "F", "Sí"], ["Alex", "No binario", "Sí"]])
    )
    assert [p.sex for p in result.rows] == [Sex.MUJER, Sex.NO_RESPONDE]
    assert issues(result.warnings) == [
        (3, "SEXO", "sexo «No binario» desconocido: cuenta como «no responde»")
    ]


AGE_ROWS = [
    ("34", 34, AgeGroup.ADULTO),
    ("17 años", 17, AgeGroup.JOVEN),
    ("12", 12, AgeGroup.NNA),
    ("18 a 28 años", None, AgeGroup.JOVEN),
    ("29 - 59", None, AgeGroup.ADULTO),
    ("18-28", None, AgeGroup.JOVEN),
    ("60+", None, AgeGroup.PERSONA_MAYOR),
    ("60 o más", None, AgeGroup.PERSONA_MAYOR),
    ("Joven", None, AgeGroup.JOVEN),
    ("adulto", None, AgeGroup.ADULTO),
    ("Adulto mayor", None, AgeGroup.PERSONA_MAYOR),
    ("persona mayor", None, AgeGroup.PERSONA_MAYOR),
    ("", None, AgeGroup.NO_RESPONDE),
    ("Prefiero no responder", None, AgeGroup.NO_RESPONDE),
]


def test_each_way_of_giving_an_age_is_read_as_its_group_without_warnings(save_as):
    rows = [["Nombre", "Rango de edad", "Autorizo"]] + [
        [f"Persona {n}", typed, "Sí"] for n, (typed, *_) in enumerate(AGE_ROWS)
    ]
    result = read(save_as(rows))
    assert [(p.age, p.age_group) for p in result.rows] == [
        (age, group) for _, age, group in AGE_ROWS
    ]
    assert result.warnings == []


def test_a_range_straddling_two_groups_is_no_responde_with_a_warning_naming_row_and_column(save_as):
    result = read(
        save_as([["Nombre", "Edad", "Autorizo"], ["Ana", "25 a 35", "Sí"], ["Luis", "no sé", "Sí"]])
    )
    assert [p.age_group for p in result.rows] == [AgeGroup.NO_RESPONDE, AgeGroup.NO_RESPONDE]
    assert issues(result.warnings) == [
        (2, "Edad", "el rango «25 a 35» abarca dos grupos de edad: cuenta como «no responde»"),
        (3, "Edad", "no se reconoce la edad «no sé»: cuenta como «no responde»"),
    ]


def test_an_impossible_birth_date_is_no_responde_with_a_warning_on_its_column():
    result = read(
        xlsx_file(
            [["Nombre", "Fecha de nacimiento", "Autorizo"], ["Ana", dt.datetime(2030, 1, 1), "Sí"]]
        )
    )
    assert [(p.age, p.age_group) for p in result.rows] == [(None, AgeGroup.NO_RESPONDE)]
    assert issues(result.warnings) == [
        (
            2,
            "Fecha de nacimiento",
            "la fecha de nacimiento no es posible: cuenta como «no responde»",
        )
    ]


CONSENT_YES = ["Sí", "si", "SI", "Acepto", "ACEPTO", "Autorizo", "x", "X", "1", "true", "TRUE"]
CONSENT_OTHER = ["No", "", "no acepto", "0", "Tal vez", "false"]


def test_only_a_yes_to_consent_keeps_the_row_and_anything_else_rejects_it(save_as):
    answers = CONSENT_YES + CONSENT_OTHER
    rows = [["Nombre", "Documento", "Habeas data"]] + [
        [f"Persona {n}", str(1000 + n), a] for n, a in enumerate(answers)
    ]
    result = read(save_as(rows))
    assert [p.full_name for p in result.rows] == [f"Persona {n}" for n in range(len(CONSENT_YES))]
    assert (result.total, result.rejected) == (len(answers), len(CONSENT_OTHER))
    first_rejected_row = 2 + len(CONSENT_YES)
    assert issues(result.errors) == [
        (
            first_rejected_row + n,
            "Habeas data",
            f"sin autorización de tratamiento de datos («{a}»): no se importa la fila",
        )
        for n, a in enumerate(CONSENT_OTHER)
    ]


def test_a_row_without_consent_keeps_nothing_of_it_even_its_warnings():
    result = read(
        csv_file([["Nombre", "Correo", "Sexo", "Autorizo"], ["Ana", "mal", "Otro", "No"]])
    )
    assert (result.rows, result.warnings) == ([], [])
    assert issues(result.errors) == [
        (2, "Autorizo", "sin autorización de tratamiento de datos («No»): no se importa la fila")
    ]


def test_a_blank_name_rejects_the_row_naming_row_and_column(save_as):
    result = read(save_as([["Nombre completo", "Autorizo"], ["   ", "Sí"], ["Ana", "Sí"]]))
    assert [p.row for p in result.rows] == [3]
    assert issues(result.errors) == [
        (2, "Nombre completo", "falta el nombre: no se importa la fila")
    ]


def test_names_keep_their_spelling_with_spaces_collapsed():
    result = read(csv_file([["Nombre", "Autorizo"], ["  María   PEÑA  ", "Sí"]]))
    assert [(p.full_name, p.name_key) for p in result.rows] == [("María PEÑA", "maria pena")]


def test_documents_keep_their_digits_only(save_as):
    rows = [
        ["Nombre", "Número de documento", "Autorizo"],
        ["A", "1.020.304", "Sí"],
        ["B", "C.C. 52 333 444", "Sí"],
        ["C", "N/A", "Sí"],
    ]
    assert [p.document_number for p in read(save_as(rows)).rows] == ["1020304", "52333444", ""]


def test_emails_are_trimmed_and_lower_cased_and_an_invalid_one_is_dropped_keeping_the_row(save_as):
    rows = [
        ["Nombre", "Correo electrónico", "Autorizo"],
        ["A", "  Ana@Example.COM ", "Sí"],
        ["B", "luis@", "Sí"],
        ["C", "", "Sí"],
    ]
    result = read(save_as(rows))
    assert [(p.full_name, p.email) for p in result.rows] == [
        ("A", "ana@example.com"),
        ("B", ""),
        ("C", ""),
    ]
    assert issues(result.warnings) == [
        (3, "Correo electrónico", "el correo «luis@» no es válido: se deja en blanco")
    ]
    assert result.errors == []


def test_the_timestamp_is_kept_as_given_and_never_rejects_a_row(save_as):
    rows = [["Fecha", "Nombre", "Autorizo"], ["ayer por la tarde", "Ana", "Sí"], ["", "Luis", "Sí"]]
    result = read(save_as(rows))
    assert [p.submitted_at_text for p in result.rows] == ["ayer por la tarde", ""]
    assert (result.errors, result.warnings) == ([], [])


def test_blank_rows_are_skipped_but_row_numbers_follow_the_file(save_as):
    rows = [["Nombre", "Autorizo"], ["", ""], ["Ana", "Sí"], ["", ""], ["", ""], ["", "Sí"]]
    result = read(save_as(rows))
    assert [p.row for p in result.rows] == [3]
    assert (result.total, result.rejected) == (2, 1)
    assert issues(result.errors) == [(6, "Nombre", "falta el nombre: no se importa la fila")]


# Properties -----------------------------------------------------------------------------------


NAME_LETTERS = "abcdefghijklmnñopqrstuvwxyzáéíóúüABCDEFGHIJKLMNÑOPQRSTUVWXYZÁÉÍÓÚ .,;'\"-"


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    names=st.lists(
        st.text(alphabet=NAME_LETTERS, min_size=1, max_size=30).filter(lambda s: s.strip(" ")),
        min_size=1,
        max_size=8,
    ),
    file_format=st.sampled_from(sorted(FORMATS)),
)
def test_any_names_survive_any_format_and_delimiter(names, file_format):
    rows = [["Nombres y apellidos", "Autorizo el tratamiento de datos"]] + [
        [n, "Sí"] for n in names
    ]
    result = read(FORMATS[file_format](rows))
    assert [p.full_name for p in result.rows] == [" ".join(n.split()) for n in names]
    assert (result.total, result.rejected, result.errors) == (len(names), 0, [])
