import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from rendicion.core.models import User
from rendicion.participation.importing import EXPORT_HEADERS
from rendicion.participation.models import Attendance, PendingImport
from rendicion.participation.selectors import participation_stats
from rendicion.spaces.models import Space

pytestmark = pytest.mark.django_db
SLUG = "dialogo-talento-humano-2023"


def _login(client, username):
    client.force_login(User.objects.get(username=username))


def test_the_planning_office_sees_the_attendance_list(client, demo):
    _login(client, "demo-planeacion")
    response = client.get(f"/gestion/espacios/{SLUG}/participacion/")
    person = Attendance.objects.filter(space__slug=SLUG).first()
    assert "70 asistencias registradas." in response.text
    assert person.document_number in response.text


def test_communications_see_figures_but_no_personal_data(client, demo):
    _login(client, "demo-comunicaciones")
    response = client.get(f"/gestion/espacios/{SLUG}/participacion/")
    person = Attendance.objects.filter(space__slug=SLUG).first()
    assert response.status_code == 200
    assert "70 asistencias registradas." in response.text
    assert person.document_number not in response.text and person.email not in response.text
    assert client.get(f"/gestion/espacios/{SLUG}/asistencia.xlsx").status_code == 403


def test_office_staff_see_only_the_spaces_their_office_organises(client, demo):
    _login(client, "demo-dependencia")  # Dirección de Talento Humano
    assert client.get(f"/gestion/espacios/{SLUG}/participacion/").status_code == 200
    assert client.get("/gestion/espacios/dialogo-red-cade-2023/participacion/").status_code == 403


def test_the_export_imports_back_into_another_space_with_the_same_figures(client, demo):
    _login(client, "demo-planeacion")
    for fmt in ("xlsx", "csv"):
        export = client.get(f"/gestion/espacios/{SLUG}/asistencia.{fmt}")
        assert export.status_code == 200
        target = Space.objects.get(slug="dialogo-red-cade-2023")
        Attendance.objects.filter(space=target).delete()
        from rendicion.participation.services import attendance_import

        result = attendance_import(
            space=target, data=export.getvalue(), filename=f"a.{fmt}", force=True
        )
        assert (result.imported, result.rejected, result.warnings) == (70, 0, []), result
        original = participation_stats(spaces=Space.objects.filter(slug=SLUG))
        copied = participation_stats(spaces=Space.objects.filter(pk=target.pk))
        assert (copied.by_sex, copied.by_age_group) == (original.by_sex, original.by_age_group)


def test_the_exported_headers_are_the_import_layout(client, demo):
    _login(client, "demo-planeacion")
    export = client.get(f"/gestion/espacios/{SLUG}/asistencia.csv")
    first_line = export.getvalue().decode("utf-8-sig").splitlines()[0]
    assert first_line.split(",") == list(EXPORT_HEADERS.values())


def _csv(rows):
    header = "Nombre,Documento,Correo,Sexo,Edad,Autorización de datos\n"
    return SimpleUploadedFile("asistencia.csv", (header + "".join(rows)).encode("utf-8"))


def test_import_page_previews_then_confirms(client, demo):
    _login(client, "demo-planeacion")
    url = f"/gestion/espacios/{SLUG}/asistencia/importar/"
    before = Attendance.objects.filter(space__slug=SLUG).count()
    upload = _csv(
        [
            "Nueva Persona,99000999991,nueva@example.invalid,F,40,Sí\n",
            "Sin Permiso,99000999992,,M,30,No\n",
        ]
    )
    preview = client.post(url, {"file": upload})
    assert "Vista previa: todavía no se ha guardado nada" in preview.text
    assert "Fila 3, columna «Autorización de datos»" in preview.text
    assert Attendance.objects.filter(space__slug=SLUG).count() == before
    pending = PendingImport.objects.get()
    done = client.post(url, {"pending": pending.pk}, follow=True)
    assert "Registros nuevos: 1. Repetidos: 0. Filas rechazadas: 1." in done.text
    assert Attendance.objects.filter(space__slug=SLUG).count() == before + 1
    assert not PendingImport.objects.exists()


def test_import_page_refuses_a_file_without_a_name_column(client, demo):
    _login(client, "demo-planeacion")
    url = f"/gestion/espacios/{SLUG}/asistencia/importar/"
    upload = SimpleUploadedFile("x.csv", b"Documento,Correo\n1,a@b.co\n")
    response = client.post(url, {"file": upload})
    assert "No se encontró la columna del nombre" in response.text
    assert not PendingImport.objects.exists()


def test_year_dashboard_ranks_the_dialogues(client, demo):
    _login(client, "demo-comunicaciones")
    response = client.get("/gestion/estrategias/2023/participacion/?tipo=dialogue")
    text = response.text
    assert "253 asistencias." in text
    first = text.index("Acompañamiento Institucional")
    second = text.index("Talento Humano en la Secretaría General")
    assert first < second < text.index("Tú eres parte de la Red CADE")
    assert "48 %" in text and "60 %" in text


def test_participation_pages_keep_a_constant_query_count(
    client, demo, django_assert_max_num_queries
):
    _login(client, "demo-comunicaciones")
    with django_assert_max_num_queries(20):
        client.get("/gestion/estrategias/2023/participacion/")
