"""Publishing freezes a report: later records never change what was published."""

import io
import time

import pytest

from rendicion.core.models import User
from rendicion.participation.services import attendance_import
from rendicion.reports.models import PublishedReport, ReportKind
from rendicion.reports.services import report_pdf, report_publish_annual
from rendicion.spaces.models import Space

pytestmark = pytest.mark.django_db


def test_a_published_snapshot_does_not_change_when_new_attendance_arrives(client, demo):
    first = PublishedReport.objects.get(kind=ReportKind.ANNUAL, year=2023)
    frozen_html = client.get("/informes/2023/").text
    assert "253 asistencias registradas" in frozen_html
    space = Space.objects.get(slug="dialogo-red-cade-2023")
    attendance_import(
        space=space,
        filename="tarde.csv",
        data="Nombre,Documento,Autorizo\nPersona Tarde,99000888888,Sí\n".encode(),
    )
    assert client.get("/informes/2023/").text == frozen_html
    first.refresh_from_db()
    assert first.data["dialogues"]["attendances"] == 253

    second = report_publish_annual(actor=None, strategy=demo.strategy)
    assert second.version == first.version + 1
    assert second.data["dialogues"]["attendances"] == 254
    assert "254 asistencias registradas" in client.get("/informes/2023/").text
    listing = client.get("/informes/").text
    assert f"/informes/publicados/{first.pk}/" in listing
    assert f"/informes/publicados/{second.pk}/" in listing
    assert "253 asistencias registradas" in client.get(f"/informes/publicados/{first.pk}/").text


def _weasyprint_must_not_run(monkeypatch) -> None:
    import weasyprint

    def refuse(*args, **kwargs):
        raise AssertionError("WeasyPrint ran while a citizen waited for a published report")

    monkeypatch.setattr(weasyprint, "HTML", refuse)


def test_the_published_pdf_and_docx_are_served_as_stored_at_publication(client, demo, monkeypatch):
    from docx import Document

    report = PublishedReport.objects.get(kind=ReportKind.ANNUAL, year=2023)
    assert bytes(report.pdf).startswith(b"%PDF-")
    _weasyprint_must_not_run(monkeypatch)

    started = time.perf_counter()
    response = client.get("/informes/2023.pdf")
    elapsed = time.perf_counter() - started

    assert response["Content-Type"] == "application/pdf"
    assert response.content == bytes(report.pdf)
    assert elapsed < 1.0, elapsed
    assert client.get(f"/informes/publicados/{report.pk}.pdf").content == bytes(report.pdf)
    docx = client.get("/informes/2023.docx")
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "Informe de seguimiento a la estrategia de rendición de cuentas 2023" in text
    space_report = PublishedReport.objects.filter(kind=ReportKind.SPACE).first()
    page = client.get(f"/informes/publicados/{space_report.pk}/").text
    assert f"/informes/publicados/{space_report.pk}.docx" in page
    assert client.get(f"/informes/publicados/{space_report.pk}.docx").content.startswith(b"PK")


def test_a_report_published_before_pdfs_were_stored_gets_its_pdf_once(client, demo):
    report = PublishedReport.objects.get(kind=ReportKind.ANNUAL, year=2023)
    PublishedReport.objects.filter(pk=report.pk).update(pdf=None, docx=None)

    response = client.get("/informes/2023.pdf")

    assert response.content.startswith(b"%PDF-")
    report.refresh_from_db()
    assert bytes(report.pdf) == response.content == report_pdf(report)
    # Its Word document cannot be rebuilt as it was published: no link, no file.
    assert f"/informes/publicados/{report.pk}.docx" not in client.get("/informes/2023/").text
    assert client.get("/informes/2023.docx").status_code == 404


def test_only_planning_and_administrators_publish(client, demo):
    client.force_login(User.objects.get(username="demo-comunicaciones"))
    assert client.get("/gestion/informes/2023/").status_code == 200
    assert client.post("/gestion/informes/2023/publicar/").status_code == 403
    client.force_login(User.objects.get(username="demo-planeacion"))
    asked = client.post("/gestion/informes/2023/publicar/")
    assert asked.status_code == 200 and "¿Publicar el informe 2023?" in asked.text
    assert "Una versión publicada no cambia ni se borra" in asked.text
    assert not PublishedReport.objects.filter(year=2023, kind="annual", version=2).exists()
    response = client.post("/gestion/informes/2023/publicar/", {"confirmado": "si"}, follow=True)
    assert "Se publicó la versión 2 del informe 2023." in response.text


def test_a_space_report_is_published_and_counts_for_the_cronograma(client, demo):
    client.force_login(User.objects.get(username="demo-planeacion"))
    preview = client.get("/gestion/espacios/dialogo-talento-humano-2023/informe/")
    assert "70 personas diligenciaron el formulario de asistencia." in preview.text
    url = "/gestion/espacios/dialogo-talento-humano-2023/informe/publicar/"
    assert "¿Publicar el informe de «" in client.post(url).text
    assert PublishedReport.objects.filter(space__slug="dialogo-talento-humano-2023").count() == 1
    client.post(url, {"confirmado": "si"})
    assert PublishedReport.objects.filter(space__slug="dialogo-talento-humano-2023").count() == 2


def test_staff_preview_downloads_every_format(client, demo):
    client.force_login(User.objects.get(username="demo-comunicaciones"))
    assert client.get("/gestion/informes/2023/informe.json").json()["dialogues"]["count"] == 4
    assert client.get("/gestion/informes/2023/informe.pdf").content.startswith(b"%PDF-")
    assert client.get("/gestion/informes/2023/informe.docx").content.startswith(b"PK")
    assert client.get("/gestion/informes/2023/informe.exe").status_code == 404


def test_an_unpublished_year_has_no_public_report(client, demo):
    assert client.get("/informes/2030/").status_code == 404
    assert client.get("/informes/2030.pdf").status_code == 404
