"""Planning staff open a space's attendance form, watch participation and import a spreadsheet."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from rendicion.participation.models import Attendance
from rendicion.spaces import services as space_services

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "rendicion-demo"
SLUG = "dialogo-proximo-mes"
TITLE = "Diálogo ciudadano sobre gestión contractual"
# Fictitious people: documents in the demo's reserved range, e-mails on a reserved domain.
IMPORT_CSV = (
    "Marca temporal,Nombres y apellidos,Número de documento,Correo electrónico,Sexo,Edad,"
    "Autorizo el tratamiento de mis datos personales\n"
    "2026/03/02 9:01:00,Julián Prieto Cárdenas,99000881,julian@example.invalid,Hombre,41,Sí\n"
    "2026/03/02 9:02:10,Rosa Elvira Téllez,99000882,,Mujer,67,Sí\n"
    "2026/03/02 9:03:45,Hernando Ruiz,99000883,,Hombre,30,No\n"
    "2026/03/02 9:04:00,Luisa Fernanda Mora,99000884,luisa@example.invalid,Mujer,23,Sí\n"
    "2026/03/02 9:05:30,Camilo Suárez,99.000.880,,Hombre,52,Sí\n"
).encode()


@pytest.fixture
def next_month_space(demo):
    """An in-person dialogue a month away: its attendance form opens only a week before."""
    seeded = demo
    return space_services.space_create(
        actor=None,
        strategy=seeded.strategy,
        data=space_services.SpaceData(
            kind="dialogue",
            title=TITLE,
            slug=SLUG,
            starts_at=timezone.now() + dt.timedelta(days=30),
            modality="in_person",
            venue_name="Aulas Barulé",
            venue_address="Calle 10 No. 8-60",
        ),
    )


def test_planning_opens_attendance_follows_participation_and_imports_a_spreadsheet(
    next_month_space, live_server, page, browser, login, axe_check
):
    login(page, "demo-planeacion", PASSWORD)
    page.goto(f"{live_server.url}/gestion/espacios/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Audiencias y diálogos")
    axe_check(page)

    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    windows = page.get_by_role("table", name="Ventanas de los formularios")
    attendance_row = windows.get_by_role("row", name="Asistencia")
    expect(attendance_row).to_contain_text("Cerrado")
    axe_check(page)

    citizen_context = browser.new_context(locale="es-CO", timezone_id="America/Bogota")
    try:
        citizen = citizen_context.new_page()
        form_url = f"{live_server.url}/espacios/{SLUG}/asistencia/"
        citizen.goto(form_url)
        expect(citizen.get_by_role("heading", level=1)).to_have_text(
            "El registro de asistencia no está abierto"
        )

        page.get_by_role("button", name="Abrir asistencia").click()
        expect(page.get_by_role("status")).to_have_text("El formulario quedó abierto.")
        expect(attendance_row).to_contain_text("Abierto")
        expect(page.get_by_role("button", name="Cerrar asistencia")).to_be_visible()
        axe_check(page)

        citizen.goto(form_url)
        expect(citizen.get_by_role("heading", level=1)).to_have_text("Registre su asistencia")
        citizen.get_by_label("Nombres y apellidos").fill("Camilo Andrés Suárez")
        citizen.get_by_label("Tipo de documento").select_option(label="Cédula de ciudadanía")
        citizen.get_by_label("Número de documento").fill("99000880")
        citizen.get_by_role("group", name="Sexo").get_by_label("Hombre", exact=True).check()
        citizen.get_by_label("Edad (en años)").fill("52")
        citizen.get_by_label("¿En qué localidad de Bogotá vive?").select_option("Suba")
        citizen.get_by_label("Autorizo el tratamiento de mis datos personales").check()
        citizen.get_by_role("button", name="Enviar mi registro").click()
        expect(citizen.get_by_role("heading", level=1)).to_have_text(
            "Su asistencia quedó registrada"
        )
    finally:
        citizen_context.close()

    page.get_by_role("link", name="Asistencia y evaluación").click()
    expect(page).to_have_url(f"{live_server.url}/gestion/espacios/{SLUG}/participacion/")
    expect(page.get_by_text("1 asistencia registrada.")).to_be_visible()
    people = page.get_by_role("table", name="Personas registradas")
    expect(people.locator("tbody tr")).to_have_count(1)
    expect(people).to_contain_text("Camilo Andrés Suárez")
    axe_check(page)

    page.get_by_role("link", name="Importar hoja de cálculo").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Importar asistencia desde una hoja de cálculo"
    )
    axe_check(page)
    page.get_by_label("Archivo de asistencia (XLSX o CSV)").set_input_files(
        files=[{"name": "asistencia-formulario.csv", "mimeType": "text/csv", "buffer": IMPORT_CSV}]
    )
    page.get_by_role("button", name="Ver vista previa").click()

    expect(
        page.get_by_role("heading", name="Vista previa: todavía no se ha guardado nada")
    ).to_be_visible()
    preview = page.locator("dl.details")
    for term, value in (
        ("Filas leídas", "5"),
        ("Se importarían", "3"),
        ("Repetidas", "1"),  # the citizen who registered on the web form a moment ago
        ("Rechazadas", "1"),  # no authorisation
    ):
        answer = preview.locator("dt", has_text=term).locator("xpath=following-sibling::dd[1]")
        expect(answer).to_have_text(value)
    expect(page.get_by_role("heading", name="Filas rechazadas")).to_be_visible()
    axe_check(page)
    assert Attendance.objects.filter(space=next_month_space).count() == 1

    page.get_by_role("button", name="Confirmar: importar 3 registros").click()

    expect(page).to_have_url(f"{live_server.url}/gestion/espacios/{SLUG}/participacion/")
    expect(page.get_by_role("status")).to_contain_text(
        "Importación lista. Registros nuevos: 3. Repetidos: 1."
    )
    expect(page.get_by_text("4 asistencias registradas.")).to_be_visible()
    expect(people.locator("tbody tr")).to_have_count(4)
    axe_check(page)
    assert Attendance.objects.filter(space=next_month_space).count() == 4
    assert set(
        Attendance.objects.filter(space=next_month_space, source="import").values_list(
            "age_group", flat=True
        )
    ) == {"adulto", "persona_mayor", "joven"}

    page.goto(f"{live_server.url}/gestion/estrategias/2023/participacion/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Participación en 2023")
    ranking = page.get_by_role("table", name="Espacios, del más concurrido al menos concurrido")
    expect(ranking.get_by_role("row", name=TITLE)).to_contain_text("4")
    axe_check(page)
    page.get_by_role("link", name="Diálogos", exact=True).click()
    expect(page.get_by_role("link", name="Diálogos", exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    axe_check(page)
