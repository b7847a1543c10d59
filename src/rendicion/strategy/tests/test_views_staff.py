import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from rendicion.core.models import Office, Role, User
from rendicion.core.tests.factories import UserFactory
from rendicion.strategy.models import Activity, Evidence, Strategy

pytestmark = pytest.mark.django_db

TALENTO = "Dirección de Talento Humano"


@pytest.fixture
def planner(demo):
    return User.objects.get(username="demo-planeacion")


@pytest.fixture
def office_staff(demo):
    return User.objects.get(username="demo-dependencia")


def test_staff_pages_ask_for_login(client, demo):
    response = client.get("/gestion/estrategias/2023/")
    assert response.status_code == 302
    assert response["Location"].startswith("/gestion/entrar/")


def test_a_planner_sees_and_exports_the_whole_cronograma(client, planner):
    client.force_login(planner)
    response = client.get("/gestion/estrategias/2023/")
    assert response.status_code == 200
    assert response.text.count('<th scope="row"') == 13
    export = client.get("/gestion/estrategias/2023/cronograma.xlsx")
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(io.BytesIO(export.getvalue())).active.iter_rows(values_only=True))
    assert len(rows) == 14


def test_office_staff_see_only_their_offices_activities(client, office_staff):
    client.force_login(office_staff)
    response = client.get("/gestion/estrategias/2023/")
    own = Activity.objects.filter(responsible__name=TALENTO).distinct().count()
    assert 0 < own < 13
    assert response.text.count('<th scope="row"') == own


def test_office_staff_cannot_open_another_offices_activity(client, office_staff):
    client.force_login(office_staff)
    other = Activity.objects.exclude(responsible__name=TALENTO).first()
    assert client.get(f"/gestion/estrategias/2023/actividades/{other.number}/").status_code == 403


def test_office_staff_report_progress_on_their_activity_but_cannot_edit_the_plan(
    client, office_staff
):
    client.force_login(office_staff)
    # Talento's demo activities are all counted from records now (publications, spaces held):
    # the story is about typed progress, so one of them is typed here.
    own = Activity.objects.filter(responsible__name=TALENTO, number=6).first()
    Activity.objects.filter(pk=own.pk).update(progress_source="manual")
    url = f"/gestion/estrategias/2023/actividades/{own.number}/"
    response = client.post(
        url, {"status": "in_progress", "progress": "60", "progress_note": "Matriz en revisión"}
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert (own.status, own.progress, own.progress_note) == (
        "in_progress",
        60,
        "Matriz en revisión",
    )
    assert client.get(url + "editar/").status_code == 403
    assert client.get("/gestion/estrategias/2023/cronograma/importar/").status_code == 403


def test_communications_can_read_but_not_edit(client, demo):
    user = User.objects.get(username="demo-comunicaciones")
    client.force_login(user)
    assert client.get("/gestion/estrategias/2023/").status_code == 200
    assert client.get("/gestion/estrategias/2023/editar/").status_code == 403
    assert (
        client.post(
            "/gestion/estrategias/2023/actividades/1/", {"status": "done", "progress": "100"}
        ).status_code
        == 403
    )


def test_a_planner_edits_an_activity_and_bad_input_is_explained(client, planner):
    client.force_login(planner)
    url = "/gestion/estrategias/2023/actividades/11/editar/"
    form = client.get(url).context["form"]
    data = {key: value for key, value in form.initial.items() if value is not None}
    data["stage"] = form.initial["stage"].pk
    data["responsible"] = [o.pk for o in form.initial["responsible"]]
    data["progress"] = "150"
    data["quarters"] = []
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Hay un problema" in response.text
    assert "Marque al menos un trimestre." in response.text
    assert 'href="#id_progress"' in response.text
    data["progress"], data["quarters"] = "80", ["1", "2"]
    assert client.post(url, data).status_code == 302
    activity = Activity.objects.get(number=11, strategy__year=2023)
    assert (activity.progress, activity.quarters) == (80, [1, 2])


def test_a_planner_creates_and_copies_a_strategy(client, planner):
    client.force_login(planner)
    response = client.post("/gestion/estrategias/2023/copiar/", {"year": "2024"})
    assert response.status_code == 302
    copy = Strategy.objects.get(year=2024)
    assert copy.activities.count() == 13 and not copy.is_published
    again = client.post("/gestion/estrategias/2023/copiar/", {"year": "2024"})
    assert "Ya existe una estrategia para la vigencia 2024." in again.text


def test_evidence_upload_checks_the_file(client, office_staff):
    client.force_login(office_staff)
    own = Activity.objects.filter(responsible__name=TALENTO).first()
    office = Office.objects.get(name=TALENTO)
    url = f"/gestion/estrategias/2023/actividades/{own.number}/"
    bad = SimpleUploadedFile("acta.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    response = client.post(
        url, {"evidence": "1", "date": "2023-06-30", "office": office.pk, "file": bad}
    )
    assert response.status_code == 200
    assert "Ese tipo de archivo no se acepta" in response.text
    pdf = SimpleUploadedFile("acta.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    response = client.post(
        url,
        {
            "evidence": "1",
            "date": "2023-06-30",
            "office": office.pk,
            "file": pdf,
            "note": "Acta del diálogo",
        },
    )
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    download = client.get(f"/gestion/evidencias/{evidence.pk}/archivo/")
    assert b"".join(download.streaming_content) == b"%PDF-1.4\n%%EOF\n"


def test_evidence_files_are_only_for_staff_who_may_see_the_activity(client, planner, demo):
    activity = Activity.objects.exclude(responsible__name=TALENTO).first()
    pdf = SimpleUploadedFile("acta.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    from rendicion.strategy.services import evidence_add

    evidence = evidence_add(
        actor=planner,
        activity=activity,
        date=activity.strategy.created_at.date(),
        office=None,
        file=pdf,
    )
    url = f"/gestion/evidencias/{evidence.pk}/archivo/"
    assert client.get(url).status_code == 302  # anonymous → login
    client.force_login(User.objects.get(username="demo-dependencia"))
    assert client.get(url).status_code == 404


def test_importing_a_bad_cronograma_through_the_page_lists_row_and_column(client, planner):
    client.force_login(planner)
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["No.", "Actividad", "Meta/Producto", "Responsables", "Trimestres"])
    workbook.active.append([1, "Algo", "Meta", "Oficina Inexistente", "5"])
    content = io.BytesIO()
    workbook.save(content)
    upload = SimpleUploadedFile("cronograma.xlsx", content.getvalue())
    response = client.post("/gestion/estrategias/2023/cronograma/importar/", {"file": upload})
    assert response.status_code == 200
    assert "No se guardó nada" in response.text
    assert "Fila 2, columna «Responsables»" in response.text
    assert "Fila 2, columna «Trimestres (1 a 4)»" in response.text
    assert Activity.objects.filter(strategy__year=2023).count() == 13


def test_audit_page_is_for_administrators_only(client, planner):
    client.force_login(planner)
    assert client.get("/gestion/auditoria/").status_code == 403
    admin = UserFactory(role=Role.ADMINISTRATOR)
    client.force_login(admin)
    response = client.get("/gestion/auditoria/?accion=activity_create")
    assert response.status_code == 200
    assert response.text.count('<td data-label="Acción">Creó una actividad</td>') == 13
    assert '<td data-label="Acción">Creó una estrategia</td>' not in response.text


def test_deleting_an_activity_asks_first_and_says_what_will_be_lost(client, demo):

    activity = Activity.objects.get(strategy=demo.strategy, number=13)
    client.force_login(User.objects.get(username="demo-planeacion"))
    url = "/gestion/estrategias/2023/actividades/13/eliminar/"
    asked = client.post(url)
    assert asked.status_code == 200
    assert "¿Eliminar la actividad 13?" in asked.text
    assert "Sus evidencias se borran con ella" in asked.text
    assert Activity.objects.filter(pk=activity.pk).exists()
    assert 'href="/gestion/estrategias/2023/actividades/13/">No, volver' in asked.text
    client.post(url, {"confirmado": "si"})
    assert not Activity.objects.filter(pk=activity.pk).exists()
