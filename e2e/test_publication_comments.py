"""A citizen comments a published management report before its space: the comment waits for
moderation, and once staff approve it the public page shows it without the commenter's name or
e-mail. Every page passes axe."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e.staff_login import staff_login
from rendicion.core.models import Office
from rendicion.spaces import services as space_services
from rendicion.spaces.models import CommentState, PublicationComment
from rendicion.spaces.publications import (
    PublicationData,
    publication_create,
    publication_publish,
)

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "rendicion-demo"
NAME = "Marta Ficticia"
EMAIL = "marta.ficticia@example.invalid"
COMMENT = "El informe explica bien los nuevos horarios de los SuperCADE. Gracias."
TITLE = "Informe de gestión para el diálogo sobre atención a la ciudadanía"


@pytest.fixture
def report(demo):
    space = space_services.space_create(
        actor=None,
        strategy=demo.strategy,
        data=space_services.SpaceData(
            kind="dialogue",
            title="Diálogo sobre atención a la ciudadanía",
            slug="dialogo-atencion-ciudadania",
            starts_at=timezone.now() + dt.timedelta(days=10),
            modality="virtual",
        ),
    )
    publication = publication_create(
        actor=None,
        strategy=demo.strategy,
        data=PublicationData(
            kind="management_report",
            title=TITLE,
            summary="Lo que hicimos este año en la Red CADE, explicado en palabras sencillas.",
            office=Office.objects.get(name="Dirección de Talento Humano"),
            url="https://secretariageneral.gov.co/transparencia/informe-atencion",
            spaces=[space],
        ),
    )
    return publication_publish(actor=None, publication=publication)


def test_a_comment_is_moderated_then_shown_without_personal_data(
    report, live_server, browser, page, axe_check
):
    url = f"{live_server.url}/publicaciones/{report.pk}/"
    page.goto(f"{live_server.url}/espacios/dialogo-atencion-ciudadania/")
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    axe_check(page)

    page.get_by_label("Su comentario o pregunta").fill(COMMENT)
    page.get_by_label("Su nombre (opcional)").fill(NAME)
    page.get_by_label("Su correo electrónico (opcional)").fill(EMAIL)
    page.get_by_label("Autorizo el tratamiento de los datos que escribí").check()
    page.get_by_role("button", name="Enviar").click()
    expect(page.get_by_text("Recibimos su comentario.")).to_be_visible()
    expect(page.get_by_text(COMMENT)).to_have_count(0)
    axe_check(page)
    comment = PublicationComment.objects.get(publication=report)
    assert comment.state == CommentState.PENDING
    assert EMAIL not in str(PublicationComment.objects.values().get())  # not kept for a comment

    # The responsible office moderates it.
    context = browser.new_context(locale="es-CO", timezone_id="America/Bogota")
    context.set_default_timeout(10_000)
    staff = context.new_page()
    staff_login(staff, live_server.url, "demo-dependencia", PASSWORD)
    staff.goto(f"{live_server.url}/gestion/publicaciones/{report.pk}/")
    expect(staff.get_by_role("cell", name=COMMENT)).to_be_visible()
    axe_check(staff)
    staff.get_by_role("button", name="Publicar", exact=True).click()
    expect(staff.get_by_text("El comentario quedó publicado.")).to_be_visible()
    axe_check(staff)
    context.close()

    page.goto(url)
    expect(page.get_by_text(COMMENT)).to_be_visible()
    content = page.content()
    assert NAME not in content and EMAIL not in content and "marta" not in content.lower()
    axe_check(page)
