"""The public follow-up page, staff management and the Colibrí export."""

import csv
import datetime as dt
import io

import openpyxl
import pytest

from rendicion.commitments import services
from rendicion.commitments.models import Commitment
from rendicion.core.tests.factories import OfficeFactory, UserFactory
from rendicion.spaces.tests.factories import SpaceFactory

from .factories import CommitmentFactory

pytestmark = pytest.mark.django_db


def test_the_public_follow_up_shows_state_and_progress(client, django_assert_max_num_queries):
    commitment = CommitmentFactory(description="Publicar la lista de trámites del SuperCADE.")
    services.commitment_progress_add(
        actor=None,
        commitment=commitment,
        date=dt.date(2023, 5, 2),
        note="Lista en borrador.",
        status="in_progress",
        evidence_url="https://example.invalid/borrador",
    )
    CommitmentFactory(space=commitment.space)
    with django_assert_max_num_queries(4):
        page = client.get("/compromisos/")
    assert "Publicar la lista de trámites del SuperCADE." in page.text
    assert "Vencido" in page.text and "Lista en borrador." in page.text
    space_page = client.get(f"/espacios/{commitment.space.slug}/compromisos/")
    assert space_page.status_code == 200 and "2 compromisos" in space_page.text


def test_planning_records_a_commitment_and_an_office_reports_progress(client):
    space = SpaceFactory()
    office = OfficeFactory(entity=space.strategy.entity)
    client.force_login(UserFactory(role="planning"))
    page = client.post("/gestion/compromisos/2023/nuevo/", {"space": space.pk})
    assert "Describa el compromiso." in page.text
    client.post(
        "/gestion/compromisos/2023/nuevo/",
        {
            "space": space.pk,
            "description": "Abrir una mesa de trabajo con los veedores.",
            "office": office.pk,
            "due_date": "2023-09-30",
        },
    )
    commitment = Commitment.objects.get()
    client.force_login(UserFactory(role="office_staff", offices=[office]))
    url = f"/gestion/compromisos/compromiso/{commitment.pk}/"
    page = client.post(url, {"date": "2023-05-02", "status": "done", "note": "Mesa hecha."})
    assert "Para marcarlo como cumplido, enlace la evidencia." in page.text
    client.post(
        url,
        {
            "date": "2023-05-02",
            "status": "done",
            "note": "Mesa hecha.",
            "evidence_url": "https://example.invalid/acta",
        },
    )
    commitment.refresh_from_db()
    assert commitment.status == "done"
    other = UserFactory(role="office_staff", offices=[OfficeFactory(entity=space.strategy.entity)])
    client.force_login(other)
    assert client.post(url, {"date": "2023-05-02"}).status_code == 403
    assert client.get("/gestion/compromisos/2023/nuevo/").status_code == 403


def test_the_colibri_export_in_csv_and_xlsx(client):
    commitment = CommitmentFactory()
    client.force_login(UserFactory(role="communications"))
    response = client.get("/gestion/compromisos/2023/colibri.csv")
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[0] == [
        "Espacio",
        "Fecha del espacio",
        "Compromiso",
        "Dependencia responsable",
        "Fecha de cumplimiento",
        "Estado",
        "Último avance",
        "Enlaces de evidencia",
    ]
    assert rows[1][:6] == [
        commitment.space.title,
        "2023-04-20",
        commitment.description,
        commitment.office.name,
        "2023-12-15",
        "Vencido",
    ]
    response = client.get("/gestion/compromisos/2023/colibri.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.getvalue())).active
    assert sheet["C2"].value == commitment.description
    assert sheet["E2"].value.date() == dt.date(2023, 12, 15)
    assert client.get("/gestion/compromisos/2023/colibri.pdf").status_code == 404
