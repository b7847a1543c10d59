"""A citizen's question goes from the public form to a published answer: planning routes it, the
office answers in plain language, planning reviews and publishes. Every page passes axe, and the
asker's e-mail appears on no public page."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e.staff_login import staff_login
from rendicion.questions.models import Question
from rendicion.spaces import services as space_services

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "rendicion-demo"
EMAIL = "ana.ficticia@example.invalid"
QUESTION = "¿Cuándo abren las convocatorias de empleo de la Secretaría General?"
ANSWER = (
    "Publicamos las convocatorias en la sección Trabaje con nosotros de nuestra página web. "
    "La próxima abre en marzo."
)
SLUG = "dialogo-empleo-abierto"


@pytest.fixture
def upcoming_space(demo):
    strategy = demo.strategy
    return space_services.space_create(
        actor=None,
        strategy=strategy,
        data=space_services.SpaceData(
            kind="dialogue",
            title="Diálogo sobre empleo público",
            slug=SLUG,
            starts_at=timezone.now() + dt.timedelta(days=2),
            modality="virtual",
        ),
    )


def _staff_page(browser, live_server, username):
    context = browser.new_context(locale="es-CO", timezone_id="America/Bogota")
    context.set_default_timeout(10_000)
    page = context.new_page()
    staff_login(page, live_server.url, username, PASSWORD)
    return page


def test_a_question_goes_from_the_public_form_to_a_published_answer(
    upcoming_space, live_server, browser, page, axe_check
):
    # The citizen asks, first forgetting the question itself.
    page.goto(f"{live_server.url}/espacios/{SLUG}/")
    page.get_by_role("link", name="Preguntas y respuestas de este espacio").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Preguntas y respuestas")
    axe_check(page)
    page.get_by_label("Su correo electrónico").fill(EMAIL)
    page.get_by_label("Autorizo el tratamiento de mis datos personales").check()
    page.get_by_role("button", name="Enviar mi pregunta").click()
    summary = page.get_by_role("alert", name="Hay un problema")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link", name="Su pregunta: Escriba su pregunta.")).to_be_visible()
    axe_check(page)
    page.get_by_label("Su pregunta").fill(QUESTION)
    page.get_by_label("Su nombre").fill("Ana Ficticia")
    page.get_by_label("Autorizo el tratamiento de mis datos personales").check()
    page.get_by_role("button", name="Enviar mi pregunta").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Recibimos su pregunta")
    axe_check(page)
    question = Question.objects.get(space__slug=SLUG)
    assert question.asker_email == EMAIL
    expect(page.get_by_text(re.compile("a más tardar el"))).to_be_visible()

    # Planning routes it to the Dirección de Talento Humano.
    planning = _staff_page(browser, live_server, "demo-planeacion")
    planning.goto(f"{live_server.url}/gestion/preguntas/")
    expect(planning.get_by_role("heading", level=1)).to_have_text("Preguntas ciudadanas")
    axe_check(planning)
    planning.get_by_role("link", name=f"{question.pk} — ver pregunta").click()
    expect(planning.get_by_text(EMAIL)).to_be_visible()  # staff with the right role only
    axe_check(planning)
    planning.get_by_label("Dependencia que responde").select_option(
        label="Dirección de Talento Humano"
    )
    planning.get_by_role("button", name="Asignar", exact=True).click()
    expect(planning.get_by_role("status")).to_contain_text("quedó asignada")

    # The office drafts, reads the plain-language check, and sends it to review.
    office = _staff_page(browser, live_server, "demo-dependencia")
    office.goto(f"{live_server.url}/gestion/preguntas/{question.pk}/")
    expect(office.get_by_text(EMAIL)).to_have_count(0)
    office.get_by_label("Respuesta", exact=True).fill(
        "En aras de dar respuesta, nos permitimos informar que las convocatorias se publican."
    )
    office.get_by_role("button", name="Guardar borrador y revisar el lenguaje").click()
    check = office.get_by_role("region", name="Lenguaje claro")
    expect(check).to_contain_text("«en aras de» → para")
    axe_check(office)
    office.get_by_label("Respuesta", exact=True).fill(ANSWER)
    office.get_by_role("button", name="Enviar a revisión").click()
    expect(office.get_by_role("status")).to_contain_text("enviada a revisión")

    # Planning reviews and publishes.
    planning.goto(f"{live_server.url}/gestion/preguntas/{question.pk}/")
    expect(planning.get_by_role("heading", name="Revisar la respuesta")).to_be_visible()
    axe_check(planning)
    planning.get_by_role("button", name="Aprobar y publicar").click()
    expect(planning.get_by_role("status")).to_contain_text("aprobada y publicada")

    # The public sees the answer, and the asker's data nowhere.
    page.goto(f"{live_server.url}/espacios/{SLUG}/preguntas/")
    answer = page.get_by_role("article", name="Pregunta 1")
    expect(answer).to_contain_text(QUESTION)
    expect(answer).to_contain_text("La próxima abre en marzo.")
    expect(answer).to_contain_text("Dirección de Talento Humano")
    axe_check(page)
    for path in (
        f"/espacios/{SLUG}/preguntas/",
        f"/espacios/{SLUG}/",
        "/estrategia/2023/temas/",
        "/compromisos/",
    ):
        page.goto(f"{live_server.url}{path}")
        content = page.content()
        assert EMAIL not in content and "Ana Ficticia" not in content, path
    assert page.console_errors == []


def test_the_demo_public_pages_of_topics_and_commitments_pass_axe(
    upcoming_space, live_server, page, axe_check
):
    page.goto(f"{live_server.url}/temas/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Temas propuestos")
    expect(page.get_by_role("table")).to_contain_text("Implementación de la Ruta TOAR")
    axe_check(page)
    page.goto(f"{live_server.url}/compromisos/")
    expect(page.get_by_role("table", name="3 compromisos")).to_contain_text("Vencido")
    axe_check(page)
    page.goto(f"{live_server.url}/espacios/audiencia-publica-2023/preguntas/")
    expect(page.get_by_role("article")).to_have_count(3)
    axe_check(page)
    assert page.console_errors == []
