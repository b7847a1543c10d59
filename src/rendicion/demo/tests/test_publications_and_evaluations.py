"""Issue 12 on the demo year: the documents published before each space make the cronograma's
activities 3, 4, 6, 7, 8 and 12 computed, and every space has evaluations, imported."""

import io
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from rendicion.participation.models import Evaluation, Source
from rendicion.spaces.models import Space
from rendicion.spaces.publications import publication_before_space

pytestmark = pytest.mark.django_db


def _json(*args) -> dict:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return json.loads(out.getvalue())


def test_activities_about_documents_show_progress_computed_from_publications(demo):
    activities = {a["number"]: a for a in _json("strategy", "2023", "--json")["activities"]}

    sources = {n: activities[n]["progress_source"] for n in (3, 4, 6, 7, 8, 12)}
    assert sources == {
        3: "publications",
        4: "publications",
        6: "publications",
        7: "publications",
        8: "publications",
        12: "open_data_publications",
    }
    # "Dos informes … publicados y difundidos": the one hearing of 2023 had its report.
    assert (activities[3]["progress"], activities[3]["status"]) == (50, "not_done")
    assert all(activities[n]["progress"] == 100 for n in (4, 6, 7, 8, 12))


def test_the_hearing_and_each_dialogue_had_their_management_report_before_the_date(demo):
    for space in Space.objects.filter(strategy=demo.strategy):
        report = publication_before_space(space=space)
        assert report is not None, space.slug
        assert report.published_on < timezone.localtime(space.starts_at).date()
        assert report.spreads.exists() or space.kind == "dialogue"


def test_the_space_page_links_its_report_and_the_report_page_its_spreading(client, demo):
    page = client.get("/espacios/audiencia-publica-2023/").text
    assert "Informe de gestión 2022 para la Audiencia Pública" in page
    report = publication_before_space(space=Space.objects.get(slug="audiencia-publica-2023"))
    text = client.get(f"/publicaciones/{report.pk}/").text
    assert "Correo institucional" in text and "3 de abril de 2023" in text
    assert "El periodo para comentar este documento terminó." in text


def test_every_space_has_imported_evaluations_and_the_reports_count_them(demo):
    for space in Space.objects.filter(strategy=demo.strategy):
        evaluations = Evaluation.objects.filter(space=space)
        assert evaluations.count() > 0, space.slug
        assert set(evaluations.values_list("source", flat=True)) == {Source.IMPORT}
    report = _json("annual_report", "2023", "--format", "json")
    assert all(h["evaluation_forms"] > 0 for h in report["hearings"])
    assert report["dialogues"]["evaluation_forms"] == 22 + 30 + 28 + 21
    assert all(d["evaluation_forms"] > 0 for d in report["dialogues"]["items"])


def test_no_space_report_says_there_are_no_evaluations(client, demo):
    client.force_login(_planner())
    for space in Space.objects.filter(strategy=demo.strategy):
        text = client.get(f"/gestion/espacios/{space.slug}/informe/").text
        assert "No hay evaluaciones registradas." not in text, space.slug


def _planner():
    from rendicion.core.models import User

    return User.objects.get(username="demo-planeacion")
