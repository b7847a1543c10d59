"""The self-assessment pages as planning staff use them."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from rendicion.assessment.models import AssessmentTemplate, ItemScore, SelfAssessment
from rendicion.core.models import AuditRecord, User
from rendicion.demo.planning_2023 import POINTS_TO_STRENGTHEN
from rendicion.strategy.models import Activity

from .factories import xlsx

pytestmark = pytest.mark.django_db

BASE = "/gestion/autodiagnosticos"


@pytest.fixture
def planner(demo):
    return User.objects.get(username="demo-planeacion")


@pytest.fixture
def office_staff(demo):
    return User.objects.get(username="demo-dependencia")


def _upload(content: bytes, name: str = "autodiagnostico.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def test_assessment_pages_ask_for_login(client, demo):
    response = client.get(f"{BASE}/2022/")
    assert response.status_code == 302
    assert response["Location"].startswith("/gestion/entrar/")


def test_the_index_lists_the_2022_assessment_with_its_score(client, planner):
    client.force_login(planner)
    response = client.get(f"{BASE}/")
    assert response.status_code == 200
    assert "Autodiagnóstico 2022" in response.text
    assert "92,9" in response.text and "Avanzado" in response.text


def test_the_detail_shows_the_score_the_five_points_and_their_actions(
    client, planner, django_assert_max_num_queries
):
    client.force_login(planner)
    with django_assert_max_num_queries(12):
        response = client.get(f"{BASE}/2022/")
    assert response.status_code == 200
    assert "92,9 puntos sobre 100" in response.text
    for text in POINTS_TO_STRENGTHEN:
        assert text in response.text
    assert response.text.count("Convertir en actividad de la estrategia 2023") == 5
    # Each point's form has its own field ids (no repeated id on the page).
    assert 'id="id_punto1-office"' in response.text and 'id="id_punto5-office"' in response.text
    # The planner's own office is suggested as responsible.
    own = planner.offices.get()
    assert response.text.count(f'<option value="{own.pk}" selected>{own.name}</option>') == 5


def test_office_staff_read_the_assessment_but_cannot_score_or_convert(client, office_staff):
    client.force_login(office_staff)
    response = client.get(f"{BASE}/2022/")
    assert response.status_code == 200
    assert "Convertir en actividad" not in response.text
    assert client.get(f"{BASE}/2022/calificar/").status_code == 403
    assert client.get(f"{BASE}/nuevo/").status_code == 403
    assert client.post(f"{BASE}/2022/puntos/1/actividad/").status_code == 403
    assert client.get(f"{BASE}/9999/").status_code == 404


def test_a_planner_scores_items_and_bad_scores_are_explained(
    client, planner, django_assert_max_num_queries
):
    client.force_login(planner)
    url = f"{BASE}/2022/calificar/"
    with django_assert_max_num_queries(10):
        form = client.get(url)
    assert form.status_code == 200
    assert form.text.count("<fieldset") == 26
    data = {
        key: "" if value is None else value
        for key, value in (
            (name, field.initial) for name, field in form.context["form"].fields.items()
        )
    }
    data["score_3"] = "120"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Hay un problema" in response.text
    assert 'href="#id_score_3"' in response.text
    assert "El puntaje no puede ser mayor que 100." in response.text
    data["score_3"], data["note_3"] = "40", "Falta actualizar el análisis."
    response = client.post(url, data)
    assert response.status_code == 302
    score = ItemScore.objects.get(assessment__year=2022, item__number=3)
    assert (score.score, score.note) == (40, "Falta actualizar el análisis.")
    detail = client.get(f"{BASE}/2022/")
    assert detail.text.count("Convertir en actividad de la estrategia 2023") == 6


def test_one_click_turns_a_point_into_an_activity_of_the_2023_strategy(client, planner):
    client.force_login(planner)
    office = planner.offices.get()
    response = client.post(
        f"{BASE}/2022/puntos/1/actividad/", {"punto1-office": office.pk}, follow=True
    )
    assert "ahora la actividad 14 de la estrategia 2023" in response.text
    activity = Activity.objects.get(strategy__year=2023, number=14)
    assert activity.name == POINTS_TO_STRENGTHEN[0]
    assert list(activity.responsible.all()) == [office]
    assert ItemScore.objects.get(assessment__year=2022, item__number=1).activity == activity
    assert "Es la actividad 14 de la estrategia 2023" in response.text
    assert response.text.count("Convertir en actividad de la estrategia 2023") == 4
    again = client.post(
        f"{BASE}/2022/puntos/1/actividad/", {"punto1-office": office.pk}, follow=True
    )
    assert "Este punto ya es la actividad 14" in again.text
    assert Activity.objects.filter(strategy__year=2023).count() == 14


def test_the_exported_file_imports_back_without_changes(client, planner):
    client.force_login(planner)
    export = client.get(f"{BASE}/2022/autodiagnostico.xlsx")
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(export.content))
    assert workbook.sheetnames == ["Autodiagnóstico", "Calificación", "Resultados"]
    assert len(list(workbook["Autodiagnóstico"].iter_rows())) == 27
    audit_before = AuditRecord.objects.count()
    response = client.post(
        f"{BASE}/importar/", {"year": "2022", "file": _upload(export.content)}, follow=True
    )
    assert "Autodiagnóstico 2022 importado: 0 ítems cambiaron." in response.text
    assert AssessmentTemplate.objects.count() == 1
    assert AuditRecord.objects.count() == audit_before


def test_a_bad_file_is_refused_with_row_and_column_and_nothing_is_stored(client, planner):
    client.force_login(planner)
    bad = xlsx(
        [
            ["Aprestamiento", "Información", "Caracterizar.", None, 120],
            ["Aprestamiento", "Información", "", None, 80],
        ]
    )
    response = client.post(f"{BASE}/importar/", {"year": "2021", "file": _upload(bad)})
    assert response.status_code == 200
    assert "El archivo tiene 2 errores. No se guardó nada." in response.text
    assert (
        "Fila 2, columna «Puntaje (0 a 100)»: El puntaje 120 está fuera del rango" in response.text
    )
    assert "Fila 3, columna «Ítem»: Escriba el texto del ítem." in response.text
    assert not SelfAssessment.objects.filter(year=2021).exists()
    assert AssessmentTemplate.objects.count() == 1
    not_xlsx = client.post(
        f"{BASE}/importar/", {"year": "2021", "file": _upload(b"hola", "plantilla.xlsx")}
    )
    assert "El contenido del archivo no corresponde a un .xlsx." in not_xlsx.text


def test_templates_are_loaded_from_a_file_or_the_generic_one(client, planner):
    client.force_login(planner)
    page = client.get(f"{BASE}/plantillas/")
    assert "plantilla genérica MURC" in page.text
    generic = client.post(f"{BASE}/plantillas/generica/", follow=True)
    assert "ya estaba cargada" in generic.text
    good = xlsx([["Diseño", "Diálogo", "Definir la metodología."]])
    response = client.post(
        f"{BASE}/plantillas/", {"name": "Herramienta oficial", "file": _upload(good)}, follow=True
    )
    assert "La plantilla «Herramienta oficial» quedó cargada." in response.text
    assert "se usan el umbral de 80.0 puntos" in response.text
    template = AssessmentTemplate.objects.get(name="Herramienta oficial")
    download = client.get(f"{BASE}/plantillas/{template.pk}/plantilla.xlsx")
    rows = list(load_workbook(io.BytesIO(download.content)).active.iter_rows(values_only=True))
    assert rows[1][:3] == ("Diseño", "Diálogo", "Definir la metodología.")


def test_a_new_assessment_is_created_from_a_template_and_opens_for_scoring(client, planner):
    client.force_login(planner)
    template = AssessmentTemplate.objects.get()
    response = client.post(f"{BASE}/nuevo/", {"year": "2023", "template": template.pk})
    assert response["Location"] == f"{BASE}/2023/calificar/"
    assert SelfAssessment.objects.get(year=2023).scores.count() == 26
    again = client.post(f"{BASE}/nuevo/", {"year": "2023", "template": template.pk})
    assert "Ya hay un autodiagnóstico de la vigencia 2023." in again.text


def test_the_comparison_shows_a_chart_with_its_table(
    client, planner, django_assert_max_num_queries
):
    client.force_login(planner)
    with django_assert_max_num_queries(8):
        response = client.get(f"{BASE}/comparacion/")
    assert response.status_code == 200
    assert "<svg" in response.text and 'role="img"' in response.text
    assert "Puntaje por categoría y año" in response.text
    assert "Solo hay un autodiagnóstico" in response.text
    assert response.text.count("<tr>") >= 17  # 15 categories, overall and level
    # SVG coordinates are plain numbers even though the page is localised (92,9).
    assert 'width="425.0"' in response.text  # Aprestamiento · Diálogo: 85.0 of 100 → 425 px
