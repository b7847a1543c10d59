"""Staff keep the strategy up to date: planning edits it, offices see and report only their own."""

import re

import openpyxl
import pytest
from playwright.sync_api import expect

from e2e.staff_login import staff_two_factor_complete, staff_two_factor_prepare
from rendicion.strategy.cronograma import COLUMNS
from rendicion.strategy.models import Activity, Evidence

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "rendicion-demo"
STAFF = "/gestion/estrategias/2023"


@pytest.fixture
def seeded(demo):
    return demo


@pytest.fixture
def planning_page(seeded, page, login):
    login(page, "demo-planeacion", PASSWORD)
    return page


def minimal_pdf() -> bytes:
    """A one-page PDF with a correct cross-reference table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_planning_user_logs_in_and_edits_an_activity(seeded, live_server, page, axe_check):
    staff_two_factor_prepare("demo-planeacion")
    page.goto(f"{live_server.url}/gestion/")
    expect(page).to_have_url(re.compile(r"/gestion/entrar/\?next=/gestion/$"))
    expect(page.get_by_label("Usuario")).to_be_focused()
    page.get_by_label("Usuario").fill("demo-planeacion")
    page.get_by_label("Contraseña").fill("no-es-la-clave")
    page.get_by_role("button", name="Entrar").click()
    summary = page.get_by_role("alert", name="Hay un problema")
    expect(summary).to_contain_text("El usuario o la contraseña no son correctos.")
    expect(summary).to_be_focused()
    axe_check(page)

    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Entrar").click()
    staff_two_factor_complete(page, "demo-planeacion")
    expect(page).to_have_url(f"{live_server.url}/gestion/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lo que tiene pendiente")
    axe_check(page)

    page.get_by_role("link", name="Estrategia 2023").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Estrategia de rendición de cuentas 2023"
    )
    expect(page.get_by_role("table", name="Cronograma 2023: 13 actividades")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="1 — ver actividad", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "1. Conformar el equipo líder de la estrategia"
    )
    axe_check(page)

    page.get_by_role("link", name="Editar la actividad").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Editar la actividad 1")
    axe_check(page)
    note = "Equipo conformado el 15 de febrero; roles socializados por correo."
    page.get_by_label("Nota de avance").fill(note)
    page.get_by_role("button", name="Guardar", exact=True).click()

    expect(page).to_have_url(f"{live_server.url}{STAFF}/actividades/1/")
    expect(page.get_by_role("status")).to_have_text("Los cambios quedaron guardados.")
    expect(page.locator("dl.details")).to_contain_text(note)
    assert Activity.objects.get(strategy=seeded.strategy, number=1).progress_note == note
    assert page.console_errors == []


def test_planning_user_uploads_a_pdf_as_evidence_and_downloads_it_back(
    planning_page, live_server, axe_check, tmp_path
):
    page = planning_page
    pdf = tmp_path / "acta-equipo-lider.pdf"
    pdf.write_bytes(minimal_pdf())
    page.goto(f"{live_server.url}{STAFF}/actividades/3/")
    expect(page.get_by_text("Todavía no hay evidencias.")).to_be_visible()

    page.get_by_label("Fecha").fill("2023-02-15")
    page.get_by_label("Dependencia que la aporta").select_option("Oficina Asesora de Planeación")
    page.get_by_label("Archivo (opcional)").set_input_files(pdf)
    page.get_by_label("Nota (opcional)").fill("Acta firmada")
    page.get_by_role("button", name="Guardar evidencia").click()

    expect(page.get_by_role("status")).to_have_text("La evidencia quedó guardada.")
    evidence = page.get_by_role("table", name="Evidencias de la actividad")
    expect(evidence.locator("tbody tr")).to_have_count(1)
    expect(evidence).to_contain_text(re.compile("15 de febrero de 2023", re.IGNORECASE))
    expect(evidence).to_contain_text("Oficina Asesora de Planeación")
    expect(evidence).to_contain_text("Acta firmada")
    link = evidence.get_by_role("link", name=re.compile(r"acta-equipo-lider.*\.pdf"))
    expect(link).to_be_visible()
    axe_check(page)

    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as downloaded:
        assert downloaded.read() == pdf.read_bytes()
    assert Evidence.objects.filter(activity__number=3).count() == 1
    assert page.console_errors == []


def test_empty_evidence_form_shows_an_error_summary_whose_links_focus_the_fields(
    planning_page, live_server, axe_check
):
    page = planning_page
    page.goto(f"{live_server.url}{STAFF}/actividades/3/")
    date = page.get_by_label("Fecha")
    date.fill("")

    page.get_by_role("button", name="Guardar evidencia").click()

    summary = page.get_by_role("alert", name="Hay un problema")
    # The form is far down the page: focus (and the view) go to the summary, which comes
    # before the form it describes, so it is seen and read first.
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    assert summary.bounding_box()["y"] < date.bounding_box()["y"]
    link = summary.get_by_role("link", name="Fecha: Este campo es obligatorio.")
    expect(page.get_by_text("Error: Este campo es obligatorio.")).to_be_visible()
    axe_check(page)
    link.click()
    expect(date).to_be_focused()

    # With a date but neither a file nor a link, the summary points at the file field.
    date.fill("2023-02-15")
    page.get_by_role("button", name="Guardar evidencia").click()
    link = summary.get_by_role(
        "link", name="Archivo: Adjunte un archivo o escriba un enlace (solo uno de los dos)."
    )
    link.click()
    expect(page.get_by_label("Archivo (opcional)")).to_be_focused()
    expect(page.get_by_text("Todavía no hay evidencias.")).to_be_visible()
    assert not Evidence.objects.exists()


def test_evidence_date_starts_as_today(planning_page, live_server):
    page = planning_page
    page.goto(f"{live_server.url}{STAFF}/actividades/3/")

    today = page.evaluate("() => new Date().toLocaleDateString('sv-SE')")  # YYYY-MM-DD
    expect(page.get_by_label("Fecha")).to_have_value(today, timeout=1_000)


def test_bad_cronograma_file_is_refused_with_spanish_row_and_column_errors(
    planning_page, live_server, axe_check, seeded, tmp_path
):
    page = planning_page
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Cronograma"
    sheet.append([column.header for column in COLUMNS])
    row = dict.fromkeys((column.field for column in COLUMNS), None)
    row |= {
        "number": 1,
        "name": "Actividad que no debe guardarse",
        "target": "Una meta",
        "responsible": "Oficina de Asuntos Inventados",
        "quarters": "5",
    }
    sheet.append([row[column.field] for column in COLUMNS])
    path = tmp_path / "cronograma-con-errores.xlsx"
    workbook.save(path)
    names_before = list(
        Activity.objects.filter(strategy=seeded.strategy).order_by("number").values_list("name")
    )

    page.goto(f"{live_server.url}{STAFF}/")
    page.get_by_role("link", name="Importar cronograma").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Importar el cronograma 2023")
    page.get_by_label("Archivo del cronograma (XLSX)").set_input_files(path)
    page.get_by_role("button", name="Importar").click()

    errors = page.get_by_role("alert", name="El archivo tiene 2 errores. No se guardó nada.")
    expect(errors).to_be_focused()
    expect(errors.get_by_role("listitem")).to_have_text(
        [
            "Fila 2, columna «Responsables»: La dependencia «Oficina de Asuntos Inventados» no "
            "existe. Revise el nombre o créela antes de importar.",
            "Fila 2, columna «Trimestres (1 a 4)»: El trimestre «5» no existe: use 1, 2, 3 o 4.",
        ]
    )
    axe_check(page)
    names_after = list(
        Activity.objects.filter(strategy=seeded.strategy).order_by("number").values_list("name")
    )
    assert names_after == names_before
    assert len(names_after) == 13

    page.get_by_role("link", name="Cancelar").click()
    expect(page.get_by_role("table", name="Cronograma 2023: 13 actividades")).to_be_visible()
    expect(page.get_by_text("Actividad que no debe guardarse")).to_have_count(0)


def test_office_staff_sees_only_their_offices_activities(
    seeded, live_server, page, login, axe_check
):
    login(page, "demo-dependencia", PASSWORD)
    page.goto(f"{live_server.url}{STAFF}/")

    cronograma = page.get_by_role("table", name="Cronograma 2023: 4 actividades")
    # Dirección de Talento Humano leads dialogue topics: activities 2, 5, 6 and 7.
    expect(cronograma.locator("tbody th")).to_have_text(
        [f"{n} — ver actividad" for n in (2, 5, 6, 7)]
    )
    expect(page.get_by_role("link", name="Importar cronograma")).to_have_count(0)
    axe_check(page)

    page.get_by_role("link", name="6 — ver actividad", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "6. Definir los temas de los diálogos ciudadanos"
    )
    expect(page.get_by_role("heading", name="Agregar una evidencia")).to_be_visible()
    expect(page.get_by_role("link", name="Editar la actividad")).to_have_count(0)


def test_office_staff_gets_a_403_page_on_another_offices_activity(
    seeded, live_server, page, login, axe_check
):
    login(page, "demo-dependencia", PASSWORD)

    response = page.goto(f"{live_server.url}{STAFF}/actividades/1/")

    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "No tiene permiso para ver esta página"
    )
    expect(page.get_by_text("Conformar el equipo líder")).to_have_count(0)
    axe_check(page)
