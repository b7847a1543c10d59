import datetime as dt

import pytest
from django.utils import timezone

from rendicion.core.models import User
from rendicion.spaces.models import Space
from rendicion.strategy.selectors import strategy_detail

pytestmark = pytest.mark.django_db


def test_a_hybrid_space_shows_both_its_address_and_its_links(client, demo):
    response = client.get("/espacios/dialogo-territorio-inteligente-2023/")
    text = response.text
    assert "Cámara de Comercio de Bogotá" in text and "Avenida El Dorado" in text
    assert "https://www.youtube.com/" in text and "LinkedIn" in text
    assert 'itemtype="https://schema.org/Event"' in text
    assert "https://schema.org/MixedEventAttendanceMode" in text
    assert 'itemprop="startDate"' in text and "2023-11-22T09:00:00-05:00" in text


def test_the_public_list_shows_the_years_spaces(client, demo):
    text = client.get("/espacios/").text
    assert text.count('class="card"') == 5
    assert "Audiencia Pública de Rendición de Cuentas – Vigencia 2022" in text


def test_a_space_has_an_icalendar_file_and_the_year_a_feed(client, demo):
    response = client.get("/espacios/audiencia-publica-2023/evento.ics")
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert "BEGIN:VEVENT" in body and "SUMMARY:Audiencia pública: Audiencia Pública" in body
    assert "DTSTART;TZID=America/Bogota:20230420T100000" in body
    feed = client.get("/estrategia/2023/espacios.ics").content.decode()
    assert feed.count("BEGIN:VEVENT") == 5


def test_an_in_person_space_has_a_printable_page_with_qr_codes(client, demo):
    response = client.get("/espacios/dialogo-red-cade-2023/codigos-qr/")
    assert response.text.count("<svg") == 2
    assert "/espacios/dialogo-red-cade-2023/asistencia/" in response.text


def test_public_space_pages_carry_no_personal_data(client, demo):
    from rendicion.participation.models import Attendance

    person = Attendance.objects.filter(space__slug="dialogo-red-cade-2023").first()
    for url in (
        "/espacios/",
        "/espacios/dialogo-red-cade-2023/",
        "/estrategia/2023/",
        "/espacios/dialogo-red-cade-2023/evento.ics",
    ):
        body = client.get(url).content.decode()
        assert person.document_number not in body and person.email not in body
        assert person.full_name not in body


def test_an_unpublished_space_is_not_public(client, demo):
    Space.objects.filter(slug="dialogo-red-cade-2023").update(is_published=False)
    assert client.get("/espacios/dialogo-red-cade-2023/").status_code == 404
    assert client.get("/espacios/dialogo-red-cade-2023/asistencia/").status_code == 404


def _space_post(**overrides):
    data = {
        "kind": "hearing",
        "title": "Audiencia pública 2024",
        "slug": "",
        "starts_at": "2024-04-18T10:00",
        "duration_minutes": "120",
        "modality": "hybrid",
        "venue_name": "Auditorio",
        "venue_address": "Carrera 8 No. 10-65",
        "venue_locality": "",
        "reports_on_year": "2023",
        "topics": "Gestión\nPresupuesto",
        "purpose": "",
        "methodology": "",
        "structure": "",
        "status": "planned",
        "is_published": "on",
        "canales-TOTAL_FORMS": "1",
        "canales-INITIAL_FORMS": "0",
        "canales-0-name": "YouTube",
        "canales-0-url": "https://www.youtube.com/",
        "agenda-TOTAL_FORMS": "1",
        "agenda-INITIAL_FORMS": "0",
        "agenda-0-title": "Bienvenida",
        "agenda-0-starts_at": "10:00",
    }
    data.update(overrides)
    return data


def test_the_planning_office_creates_a_space_with_channels_and_agenda(client, demo):
    client.force_login(User.objects.get(username="demo-planeacion"))
    response = client.post("/gestion/estrategias/2023/espacios/nuevo/", _space_post())
    assert response.status_code == 302
    space = Space.objects.get(title="Audiencia pública 2024")
    assert space.slug == "audiencia-publica-2024-2024"
    assert [c.name for c in space.channels.all()] == ["YouTube"]
    assert [a.title for a in space.agenda.all()] == ["Bienvenida"]
    assert timezone.localtime(space.starts_at).hour == 10
    assert space.attendance_opens_at == space.starts_at - dt.timedelta(days=7)


def test_an_in_person_space_without_venue_is_explained(client, demo):
    client.force_login(User.objects.get(username="demo-planeacion"))
    response = client.post(
        "/gestion/estrategias/2023/espacios/nuevo/",
        _space_post(modality="in_person", venue_name=""),
    )
    assert response.status_code == 200
    assert "Un espacio presencial o mixto necesita el lugar." in response.text


def test_office_staff_cannot_create_spaces(client, demo):
    client.force_login(User.objects.get(username="demo-dependencia"))
    assert (
        client.post("/gestion/estrategias/2023/espacios/nuevo/", _space_post()).status_code == 403
    )


def test_staff_open_and_close_a_form(client, demo):
    client.force_login(User.objects.get(username="demo-planeacion"))
    url = "/gestion/espacios/dialogo-red-cade-2023/formularios/"
    client.post(url, {"form": "attendance", "action": "open"})
    space = Space.objects.get(slug="dialogo-red-cade-2023")
    assert space.form_is_open("attendance")
    assert client.get("/espacios/dialogo-red-cade-2023/asistencia/").context["form"]
    client.post(url, {"form": "attendance", "action": "close"})
    space.refresh_from_db()
    assert not space.form_is_open("attendance")


def test_a_hearing_held_counts_toward_the_cronograma_target(client, demo):
    def hearings():
        detail = strategy_detail(strategy=demo.strategy)
        row = next(r for r in detail.activities if r.activity.number == 2)
        return row.progress.achieved, row.progress.percent

    assert hearings() == (1, 50)
    client.force_login(User.objects.get(username="demo-planeacion"))
    url = "/gestion/espacios/audiencia-publica-2023/estado/"
    asked = client.post(url, {"status": "cancelled"})
    assert "¿Cancelar «" in asked.text and "deja de contar como realizado" in asked.text
    assert 'name="status" value="cancelled"' in asked.text  # the page posts the same choice
    no_reason = client.post(url, {"status": "cancelled", "confirmado": "si"})
    assert no_reason.status_code == 400 and "Escriba el motivo." in no_reason.text
    assert hearings() == (1, 50)
    reason = "La sede quedó inhabilitada; se repetirá en enero."
    client.post(url, {"status": "cancelled", "confirmado": "si", "motivo": reason})
    assert hearings() == (0, 0)
    from rendicion.core.models import AuditRecord

    record = AuditRecord.objects.filter(action="space_status_set").latest("pk")
    assert record.changes["reason"] == ["", reason]


def test_a_space_cannot_be_marked_held_before_it_happens(client, demo):
    client.force_login(User.objects.get(username="demo-planeacion"))
    client.post(
        "/gestion/estrategias/2023/espacios/nuevo/",
        _space_post(
            starts_at=(timezone.localtime() + dt.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
        ),
    )
    space = Space.objects.get(title="Audiencia pública 2024")
    response = client.post(
        f"/gestion/espacios/{space.slug}/estado/", {"status": "held"}, follow=True
    )
    assert "no puede quedar realizado antes de su fecha" in response.text


def test_search_engines_find_the_address_organiser_and_a_description(client, demo):
    text = client.get("/espacios/dialogo-territorio-inteligente-2023/").text
    assert 'itemtype="https://schema.org/PostalAddress"' in text
    assert '<span itemprop="addressLocality">Bogotá D.C.</span>' in text
    assert '<meta itemprop="addressCountry" content="CO">' in text
    assert 'itemtype="https://schema.org/VirtualLocation"' in text
    organiser = text.split('itemprop="organizer"', 1)[1].split("</span>", 1)[0]
    assert 'itemprop="url"' in organiser
    assert '<meta name="description" content="' in text


def test_the_sitemap_lists_the_public_pages(client, demo):
    response = client.get("/sitemap.xml")
    assert response["Content-Type"].startswith("application/xml")
    body = response.text
    for path in (
        "/",
        "/estrategia/2023/",
        "/espacios/audiencia-publica-2023/",
        "/espacios/dialogo-territorio-inteligente-2023/",
        "/informes/2023/",
        "/compromisos/",
    ):
        assert f"<loc>http://testserver{path}</loc>" in body
    assert "/gestion/" not in body


def test_a_virtual_space_is_not_published_without_the_link_to_join(client, demo):
    client.force_login(User.objects.get(username="demo-planeacion"))
    no_link = _space_post(
        title="Diálogo virtual sin enlace",
        modality="virtual",
        venue_name="",
        **{"canales-0-url": ""},
    )
    response = client.post("/gestion/estrategias/2023/espacios/nuevo/", no_link)
    assert response.status_code == 200
    assert "Un espacio virtual o mixto se publica con el enlace para unirse" in response.text
    assert not Space.objects.filter(title="Diálogo virtual sin enlace").exists()
    # Kept unpublished, it can be saved while the link is not known yet.
    draft = {**no_link}
    draft.pop("is_published")
    assert client.post("/gestion/estrategias/2023/espacios/nuevo/", draft).status_code == 302
    assert not Space.objects.get(title="Diálogo virtual sin enlace").is_published
