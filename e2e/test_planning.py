"""Planning staff run the aprestamiento: score the self-assessment, turn a weak point into an
activity, plan the convocation; a citizen follows an unsubscribe link. Every page passes axe.
"""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from rendicion.assessment.models import ItemScore
from rendicion.core.models import Office
from rendicion.participation.models import Attendance
from rendicion.spaces import services as space_services
from rendicion.stakeholders.tokens import unsubscribe_token
from rendicion.strategy.models import Activity

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "rendicion-demo"
TRAINING = (
    "La capacitación del equipo líder y de los servidores en rendición de cuentas y lenguaje claro."
)
CONVOCATION = (
    "La convocatoria de la ciudadanía y los grupos de interés para participar en los espacios de "
    "diálogo."
)


@pytest.fixture
def seeded(demo):
    return demo


@pytest.fixture
def planning_page(seeded, page, login):
    login(page, "demo-planeacion", PASSWORD)
    return page


def test_staff_score_an_assessment_and_turn_a_weak_point_into_an_activity(
    planning_page, live_server, axe_check
):
    page = planning_page
    page.goto(f"{live_server.url}/gestion/")
    page.get_by_role("navigation", name="Menú de gestión").get_by_role(
        "link", name="Aprestamiento"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Aprestamiento de la rendición de cuentas"
    )
    axe_check(page)
    page.get_by_role("link", name="Autodiagnóstico", exact=True).click()
    page.get_by_role("link", name="Autodiagnóstico 2022").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Autodiagnóstico de rendición de cuentas 2022"
    )
    expect(page.locator("dl.details")).to_contain_text("92,9 puntos sobre 100")
    points = page.locator("li[id^=punto-]")
    expect(points).to_have_count(5)
    expect(points.first).to_contain_text(CONVOCATION)
    axe_check(page)

    # Score: a typo first (150), explained at the top and at the field; then the real score.
    page.get_by_role("link", name="Calificar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Calificar el autodiagnóstico 2022")
    axe_check(page)
    score = page.get_by_label("Puntaje del ítem 8 (0 a 100)")
    expect(score).to_have_value("95")
    score.fill("150")
    page.get_by_role("button", name="Guardar calificación").click()
    summary = page.get_by_role("alert", name="Hay un problema")
    expect(summary).to_be_focused()
    axe_check(page)
    summary.get_by_role("link", name=re.compile("Puntaje del ítem 8")).click()
    expect(score).to_be_focused()
    score.fill("55")
    page.get_by_label("Observación del ítem 8").fill(
        "No hubo capacitación en lenguaje claro en 2022."
    )
    page.get_by_role("button", name="Guardar calificación").click()

    expect(page.get_by_role("status")).to_have_text("Calificación guardada: 1 ítems cambiaron.")
    expect(points).to_have_count(6)
    expect(page.locator("dl.details")).to_contain_text("puntos sobre 100")
    weak = page.locator("#punto-8")
    expect(weak).to_contain_text(TRAINING)
    planning_office = Office.objects.get(name="Oficina Asesora de Planeación")
    expect(weak.get_by_label("Dependencia responsable")).to_have_value(str(planning_office.pk))
    axe_check(page)

    # One action: the weak point becomes activity 14 of the 2023 strategy, and stays linked.
    weak.get_by_role(
        "button", name=re.compile("Convertir en actividad de la estrategia 2023")
    ).click()
    expect(page.get_by_role("status")).to_have_text(
        "El punto a fortalecer es ahora la actividad 14 de la estrategia 2023."
    )
    expect(weak).to_contain_text("Es la actividad 14 de la estrategia 2023")
    expect(weak.get_by_role("button")).to_have_count(0)
    axe_check(page)
    weak.get_by_role("link", name=re.compile("La capacitación del equipo líder")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"14. {TRAINING}")
    expect(page.locator("dl.details")).to_contain_text("en 2022 obtuvo 55 de 100")
    axe_check(page)

    activity = Activity.objects.get(strategy__year=2023, number=14)
    assert ItemScore.objects.get(assessment__year=2022, item__number=8).activity == activity
    assert [o.name for o in activity.responsible.all()] == ["Oficina Asesora de Planeación"]
    assert page.console_errors == []


def test_the_comparison_groups_and_needs_pages_pass_axe(planning_page, live_server, axe_check):
    page = planning_page
    page.goto(f"{live_server.url}/gestion/autodiagnosticos/comparacion/")
    expect(page.get_by_role("img", name="Puntaje por categoría y año")).to_be_visible()
    expect(page.get_by_role("table", name="Puntaje por categoría y año")).to_be_visible()
    axe_check(page)
    page.goto(f"{live_server.url}/gestion/autodiagnosticos/plantillas/")
    axe_check(page)
    page.goto(f"{live_server.url}/gestion/grupos-de-valor/")
    expect(
        page.get_by_role("table", name="Grupos de valor de la entidad").locator("tbody tr")
    ).to_have_count(7)
    axe_check(page)
    page.get_by_role("link", name="Academia").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Academia")
    axe_check(page)
    page.get_by_role("link", name="Editar el grupo y sus necesidades").click()
    axe_check(page)
    page.goto(f"{live_server.url}/gestion/grupos-de-valor/necesidades/")
    axe_check(page)


def test_communications_plan_the_convocation_and_a_citizen_unsubscribes(
    seeded, live_server, page, login, axe_check, browser
):
    upcoming = space_services.space_create(
        actor=None,
        strategy=seeded.strategy,
        data=space_services.SpaceData(
            kind="dialogue",
            title="Diálogo sobre datos abiertos",
            slug="dialogo-datos-abiertos",
            starts_at=timezone.now() + dt.timedelta(days=10),
            modality="virtual",
        ),
    )
    person = Attendance.objects.filter(space__slug="audiencia-publica-2023").first()
    Attendance.objects.filter(pk=person.pk).update(
        contact_consent=True, contact_consent_at=timezone.now()
    )
    login(page, "demo-comunicaciones", PASSWORD)
    page.goto(f"{live_server.url}/gestion/estrategias/2023/aprestamiento/")
    axe_check(page)
    page.get_by_role("link", name=re.compile("^Diálogo sobre datos abiertos")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Convocatoria: Diálogo sobre datos abiertos"
    )
    expect(page.get_by_text("1 persona para invitar.")).to_be_visible()
    expect(page.get_by_role("link", name="Descargar la lista para el correo (CSV)")).to_have_count(
        0
    )
    axe_check(page)

    page.get_by_role("link", name="Elegir grupos y canales").click()
    page.get_by_role("group", name="Academia").get_by_label("Correo electrónico").check()
    page.get_by_role("group", name="Academia").get_by_label("Redes sociales").check()
    axe_check(page)
    page.get_by_role("button", name="Guardar convocatoria").click()
    expect(page.get_by_role("status")).to_have_text("La convocatoria quedó guardada.")
    expect(page.locator("#grupos + ul")).to_have_text(
        "Academia: Correo electrónico, Redes sociales"
    )

    page.get_by_role("link", name="Programar piezas en la parrilla 2023").click()
    page.get_by_label("Espacio al que invita").select_option(
        label="2023 · Diálogo sobre datos abiertos"
    )
    page.get_by_label("Título de la pieza").fill("Invitación al diálogo sobre datos abiertos")
    page.get_by_label("Canal", exact=True).fill("Redes sociales")
    page.get_by_label("Fecha de publicación").fill("2023-11-01")
    page.get_by_role("button", name="Programar pieza").click()
    expect(page.get_by_role("status")).to_have_text("La pieza quedó programada en la parrilla.")
    expect(page.get_by_text("1 programadas y 4 publicadas.")).to_be_visible()
    axe_check(page)

    # The citizen opens the link from the invitation, without logging in.
    citizen = browser.new_context(locale="es-CO").new_page()
    citizen.goto(f"{live_server.url}/invitaciones/cancelar/{unsubscribe_token(person.pk)}/")
    expect(citizen.get_by_role("heading", level=1)).to_have_text("Dejar de recibir invitaciones")
    axe_check(citizen)
    citizen.get_by_role("button", name="Sí, no quiero recibir más invitaciones").click()
    expect(citizen.get_by_role("heading", level=1)).to_have_text(
        "Listo: no recibirá más invitaciones"
    )
    axe_check(citizen)
    citizen.context.close()

    page.goto(f"{live_server.url}/gestion/espacios/{upcoming.slug}/convocatoria/")
    expect(page.get_by_text("0 personas para invitar.")).to_be_visible()


def test_the_public_space_page_shows_its_communication_plan(seeded, live_server, page, axe_check):
    page.goto(f"{live_server.url}/espacios/audiencia-publica-2023/")
    plan = page.get_by_role("table", name="Piezas comunicativas del espacio")
    expect(plan.locator("tbody tr")).to_have_count(4)
    expect(plan.locator("tbody tr").first).to_contain_text("30 de marzo de 2023")
    expect(plan.locator("tbody tr").first).to_contain_text("Publicada")
    axe_check(page)
