"""The planning pages (aprestamiento, groups, parrilla, convocation) and the public links."""

import csv
import datetime as dt
import io
import uuid

import pytest
from django.utils import timezone

from rendicion.core.models import AuditRecord, User
from rendicion.participation.models import Attendance
from rendicion.spaces import services as space_services
from rendicion.spaces.models import CommunicationPiece
from rendicion.stakeholders.models import Invitation, StakeholderGroup
from rendicion.stakeholders.tokens import unsubscribe_token

from .factories import AttendanceFactory

pytestmark = pytest.mark.django_db

HEARING = "audiencia-publica-2023"


@pytest.fixture
def planner(demo):
    return User.objects.get(username="demo-planeacion")


@pytest.fixture
def communications(demo):
    return User.objects.get(username="demo-comunicaciones")


@pytest.fixture
def office_staff(demo):
    return User.objects.get(username="demo-dependencia")


@pytest.fixture
def upcoming(demo):
    """A dialogue an hour from now: its attendance form is open."""
    return space_services.space_create(
        actor=None,
        strategy=demo.strategy,
        data=space_services.SpaceData(
            kind="dialogue",
            title="Diálogo de noviembre",
            slug="dialogo-noviembre",
            starts_at=timezone.now() + dt.timedelta(hours=1),
            modality="virtual",
        ),
    )


def test_the_strategy_aprestamiento_shows_its_assessment_groups_and_convocation(
    client, planner, django_assert_max_num_queries
):
    client.force_login(planner)
    with django_assert_max_num_queries(20):
        response = client.get("/gestion/estrategias/2023/aprestamiento/")
    assert response.status_code == 200
    text = response.text
    assert "Autodiagnóstico 2022" in text and "92,9 puntos sobre 100 (nivel Avanzado)" in text
    assert "La convocatoria de la ciudadanía y los grupos de interés" in text
    assert "Medios de comunicación" in text
    assert "0 programadas y 4 publicadas" in text
    staff = client.get("/gestion/estrategias/2023/")
    assert "/gestion/estrategias/2023/aprestamiento/" in staff.text
    assert 'href="/gestion/aprestamiento/"' in staff.text  # the staff menu


def test_groups_list_their_characterisation_and_participation(
    client, office_staff, planner, django_assert_max_num_queries
):
    # The year's participation per group sums every office's spaces: planning sees it,
    # office staff read the groups without it (README: each office sees its own).
    client.force_login(planner)
    with django_assert_max_num_queries(12):
        response = client.get("/gestion/grupos-de-valor/")
    assert "Participación por grupo de valor en 2023" in response.text
    assert "570 asistencias registradas" in response.text
    client.force_login(office_staff)
    with django_assert_max_num_queries(12):
        response = client.get("/gestion/grupos-de-valor/")
    assert response.status_code == 200
    assert response.text.count("Caracterización de demostración") == 7
    assert "Participación por grupo de valor en 2023" not in response.text
    assert "Agregar un grupo" not in response.text
    assert client.get("/gestion/grupos-de-valor/nuevo/").status_code == 403
    group = StakeholderGroup.objects.get(name="Academia")
    assert client.get(f"/gestion/grupos-de-valor/{group.pk}/editar/").status_code == 403
    detail = client.get(f"/gestion/grupos-de-valor/{group.pk}/")
    assert "Datos abiertos de la Secretaría General" in detail.text
    matrix = client.get("/gestion/grupos-de-valor/necesidades/")
    assert matrix.text.count('<th scope="row"') == 8


def test_a_planner_adds_a_group_with_its_needs(client, planner, django_assert_max_num_queries):
    client.force_login(planner)
    with django_assert_max_num_queries(16):
        form = client.get("/gestion/grupos-de-valor/nuevo/")
    assert form.status_code == 200
    data = {
        "name": "Veedurías ciudadanas",
        "geographic": "Las 20 localidades",
        "is_active": "on",
        "necesidades-TOTAL_FORMS": "2",
        "necesidades-INITIAL_FORMS": "0",
        "necesidades-MIN_NUM_FORMS": "0",
        "necesidades-MAX_NUM_FORMS": "1000",
        "necesidades-0-topic": "Contratación",
        "necesidades-0-channel": "Página web",
        "necesidades-1-topic": "",
    }
    response = client.post("/gestion/grupos-de-valor/nuevo/", data)
    group = StakeholderGroup.objects.get(name="Veedurías ciudadanas")
    assert response["Location"] == f"/gestion/grupos-de-valor/{group.pk}/"
    assert (group.number, group.geographic) == (8, "Las 20 localidades")
    assert list(group.needs.values_list("topic", "channel")) == [("Contratación", "Página web")]
    duplicate = client.post("/gestion/grupos-de-valor/nuevo/", {**data, "name": "academia"})
    assert "Ya hay un grupo de valor con ese nombre." in duplicate.text
    with django_assert_max_num_queries(16):
        edit = client.get(f"/gestion/grupos-de-valor/{group.pk}/editar/")
    assert edit.status_code == 200


def test_the_parrilla_plans_pieces_and_records_their_publication(
    client, communications, django_assert_max_num_queries
):
    client.force_login(communications)
    with django_assert_max_num_queries(12):
        page = client.get("/gestion/estrategias/2023/parrilla/")
    assert page.status_code == 200
    assert page.text.count('<th scope="row"') == 4
    hearing = page.context["form"].fields["space"].queryset.get(slug=HEARING)
    response = client.post(
        "/gestion/estrategias/2023/parrilla/",
        {
            "space": hearing.pk,
            "title": "Balance de la audiencia",
            "channel": "Página web",
            "date": "2023-04-25",
        },
        follow=True,
    )
    assert "La pieza quedó programada en la parrilla." in response.text
    piece = CommunicationPiece.objects.get(title="Balance de la audiencia")
    assert (piece.state, piece.reach) == ("planned", None)
    prefix = f"pieza{piece.pk}"
    response = client.post(
        f"/gestion/piezas/{piece.pk}/estado/",
        {
            f"{prefix}-state": "published",
            f"{prefix}-reach": "2300",
            "next": "/gestion/estrategias/2023/parrilla/",
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/gestion/estrategias/2023/parrilla/"
    piece.refresh_from_db()
    assert (piece.state, piece.reach) == ("published", 2300)
    assert "Alcance registrado: 2300 personas." in response.text
    bad = client.post(
        f"/gestion/piezas/{piece.pk}/estado/",
        {f"{prefix}-state": "planned", f"{prefix}-reach": "5", "next": "https://example.invalid/"},
        follow=True,
    )
    assert bad.redirect_chain[-1][0] == f"/gestion/espacios/{HEARING}/convocatoria/"
    assert "Una pieza programada todavía no tiene alcance" in bad.text


def test_office_staff_cannot_change_the_parrilla_or_the_convocation(client, office_staff):
    client.force_login(office_staff)
    piece = CommunicationPiece.objects.first()
    assert client.post(f"/gestion/piezas/{piece.pk}/estado/", {}).status_code == 403
    assert client.post("/gestion/estrategias/2023/parrilla/", {}).status_code == 403
    assert client.get(f"/gestion/espacios/{HEARING}/convocatoria/grupos/").status_code == 403
    assert client.get(f"/gestion/espacios/{HEARING}/convocatoria/invitados.csv").status_code == 403
    # They read the convocation of the spaces their office organises, and only those.
    page = client.get("/gestion/espacios/dialogo-talento-humano-2023/convocatoria/")
    assert page.status_code == 200 and "Descargar la lista" not in page.text
    assert client.get(f"/gestion/espacios/{HEARING}/convocatoria/").status_code == 403


def test_a_planner_invites_groups_and_exports_the_invitation_list_with_unsubscribe_links(
    client, planner, upcoming, django_assert_max_num_queries
):
    hearing = upcoming.strategy.spaces.get(slug=HEARING)
    AttendanceFactory(
        space=hearing, full_name="Ana Ficticia", email="ana@example.invalid", contact_consent=True
    )
    AttendanceFactory(space=hearing, full_name="Beto Ficticio", email="beto@example.invalid")
    client.force_login(planner)
    url = f"/gestion/espacios/{upcoming.slug}/convocatoria/"
    academia = StakeholderGroup.objects.get(name="Academia")
    response = client.post(url + "grupos/", {f"group_{academia.pk}": ["email", "social"]})
    assert response["Location"] == url
    assert list(
        Invitation.objects.filter(space=upcoming).values_list("group__name", "channels")
    ) == [("Academia", ["email", "social"])]
    with django_assert_max_num_queries(16):
        page = client.get(url)
    assert "Academia</strong>: Correo electrónico, Redes sociales" in page.text
    assert "1 persona para invitar." in page.text
    only = client.get(url, {"shown": "1", "sources": [hearing.pk], "only_invited": "on"})
    assert "0 personas para invitar." in only.text

    export = client.get(url + "invitados.csv")
    rows = list(csv.reader(io.StringIO(export.getvalue().decode("utf-8-sig"))))
    assert rows[0][:2] == ["Nombre", "Correo electrónico"]
    assert [row[:2] for row in rows[1:]] == [["Ana Ficticia", "ana@example.invalid"]]
    link = rows[1][4]
    assert link.startswith("http://testserver/invitaciones/cancelar/") and "ana" not in link
    record = AuditRecord.objects.get(action="invitation_list_export")
    assert record.actor == planner and record.changes == {"people": [None, 1]}

    # The person follows the link, without logging in, and is left out of later lists.
    client.logout()
    path = link.removeprefix("http://testserver")
    confirm = client.get(path)
    assert confirm.status_code == 200 and "Dejar de recibir invitaciones" in confirm.text
    done = client.post(path)
    assert "no recibirá más invitaciones" in done.text
    assert Attendance.objects.get(email="ana@example.invalid").unsubscribed_at is not None
    client.force_login(planner)
    assert "0 personas para invitar." in client.get(url).text


def test_a_forged_or_broken_unsubscribe_link_is_refused(client, demo):
    attendance = Attendance.objects.first()
    good = unsubscribe_token(attendance.pk)
    assert client.get(f"/invitaciones/cancelar/{good[:-2]}xx/").status_code == 404
    assert client.post(f"/invitaciones/cancelar/{good[:-2]}xx/").status_code == 404
    assert not Attendance.objects.filter(unsubscribed_at__isnull=False).exists()


def test_the_public_space_page_shows_the_communication_plan(
    client, demo, django_assert_max_num_queries
):
    # A fixed number, whatever the data: the space with its plan, documents and memory, and
    # (a held space) one query per result it shows: report, attendance, evaluations, answers,
    # commitments.
    with django_assert_max_num_queries(14):
        response = client.get(f"/espacios/{HEARING}/")
    assert "Plan de comunicación" in response.text
    assert response.text.count("Publicada") == 4
    assert "30 de marzo de 2023" in response.text


def test_the_attendance_form_offers_the_entitys_groups_and_records_consent_to_invitations(
    client, upcoming
):
    url = f"/espacios/{upcoming.slug}/asistencia/"
    form = client.get(url)
    assert "Quiero recibir invitaciones a próximos espacios" in form.text
    for name in StakeholderGroup.objects.values_list("name", flat=True):
        assert f'value="{name}"' in form.text
    data = {
        "submission_key": str(uuid.uuid4()),
        "consent_version": "1",
        "full_name": "Eva Ficticia",
        "document_type": "CC",
        "document_number": "99000777",
        "email": "",
        "sex": "mujer",
        "age": "40",
        "locality": "Suba",
        "stakeholder_group": "Academia",
        "consent": "on",
        "contact_consent": "on",
        "website": "",
    }
    missing_email = client.post(url, data)
    assert "Para recibir invitaciones, escriba su correo electrónico." in missing_email.text
    data["email"] = "eva@example.invalid"
    assert client.post(url, data).status_code == 302
    eva = Attendance.objects.get(document_number="99000777")
    assert (eva.stakeholder_group, eva.contact_consent) == ("Academia", True)
    assert eva.contact_consent_at is not None and eva.unsubscribed_at is None
    unknown = client.post(
        url, {**data, "submission_key": str(uuid.uuid4()), "stakeholder_group": "Inventado"}
    )
    assert "Inventado no es una de las opciones disponibles" in unknown.text
