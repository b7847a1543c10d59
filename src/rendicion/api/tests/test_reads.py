"""Public reads: what another system sees of the demo year, page by page, without personal data."""

import pytest
from django.urls import reverse

from rendicion.commitments.tests.factories import CommitmentFactory
from rendicion.reports.models import PublishedReport, ReportKind
from rendicion.spaces.tests.factories import SpaceFactory

pytestmark = pytest.mark.django_db


def test_the_demo_years_spaces_are_listed_in_date_order_page_by_page(client, demo):
    first = client.get("/api/v1/espacios", {"year": 2023, "page_size": 3})
    assert first.status_code == 200
    body = first.json()
    assert body["count"] >= 4
    assert len(body["results"]) == 3
    second = client.get(body["next"])
    assert second.json()["previous"]
    everything = client.get("/api/v1/espacios", {"year": 2023, "page_size": 100}).json()
    slugs = [s["slug"] for s in everything["results"]]
    assert slugs[:3] == [s["slug"] for s in body["results"]]
    assert slugs[3:6] == [s["slug"] for s in second.json()["results"]]
    starts = [s["starts_at"] for s in everything["results"]]
    assert starts == sorted(starts)
    hearing = next(s for s in everything["results"] if s["kind"] == "hearing")
    assert hearing["year"] == 2023
    assert hearing["url"].endswith(f"/espacios/{hearing['slug']}/")


def test_another_year_has_no_spaces(client, demo):
    assert client.get("/api/v1/espacios", {"year": 2019}).json()["count"] == 0


def test_the_strategy_detail_is_the_same_as_the_command_line_json(client, demo):
    from rendicion.strategy.selectors import strategy_as_json, strategy_detail

    listed = client.get("/api/v1/estrategias").json()
    assert [s["year"] for s in listed["results"]] == [2023]
    detail = client.get(listed["results"][0]["detail"])
    assert detail.status_code == 200
    assert detail.json() == strategy_as_json(strategy_detail(strategy=demo.strategy))
    assert len(detail.json()["activities"]) == demo.strategy.activities.count()


def test_an_unpublished_strategy_is_not_found_in_spanish(client, demo):
    response = client.get("/api/v1/estrategias/2031")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert "estrategia" in response.json()["error"]["message"]


def test_published_answers_carry_no_asker_data(client, demo):
    from rendicion.questions.models import Question, QuestionState

    published = Question.objects.filter(state=QuestionState.PUBLISHED).exclude(asker_name="")
    body = client.get("/api/v1/respuestas", {"page_size": 100}).json()
    assert body["count"] == Question.objects.filter(state=QuestionState.PUBLISHED).count() > 0
    assert set(body["results"][0]) == {
        "space",
        "space_title",
        "question",
        "answer",
        "office",
        "published_on",
    }
    text = str(body)
    for question in published:
        assert question.asker_name not in text
        assert not question.asker_email or question.asker_email not in text


def test_answers_and_commitments_filter_by_space(client, demo):
    commitment = CommitmentFactory(space=SpaceFactory(strategy=demo.strategy, slug="otro-dialogo"))
    body = client.get("/api/v1/compromisos", {"space": "otro-dialogo"}).json()
    assert [c["id"] for c in body["results"]] == [commitment.pk]
    assert body["results"][0]["state"] == "overdue"  # pending, due in 2023
    assert client.get("/api/v1/respuestas", {"space": "otro-dialogo"}).json()["count"] == 0


def test_published_reports_link_to_their_html_pdf_and_word_versions(client, demo):
    report = PublishedReport.objects.create(
        entity=demo.strategy.entity,
        year=2023,
        kind=ReportKind.ANNUAL,
        version=99,
        title="Informe de seguimiento 2023 (versión de prueba)",
        data={},
        html="<p>Informe</p>",
    )
    body = client.get("/api/v1/informes", {"year": 2023, "page_size": 100}).json()
    row = next(r for r in body["results"] if r["id"] == report.pk)
    assert row["links"]["pdf"].endswith(reverse("reports:published_pdf", args=[report.pk]))
    assert client.get(row["links"]["html"]).status_code == 200


def test_a_read_answers_304_when_the_client_already_has_it(client, demo):
    first = client.get("/api/v1/compromisos", {"year": 2023})
    etag = first["ETag"]
    again = client.get("/api/v1/compromisos", {"year": 2023}, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    CommitmentFactory(space=SpaceFactory(strategy=demo.strategy))
    changed = client.get("/api/v1/compromisos", {"year": 2023}, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


@pytest.mark.parametrize(
    ("path", "queries"),
    [
        ("/api/v1/estrategias", 4),
        ("/api/v1/espacios", 7),
        ("/api/v1/informes", 3),
        ("/api/v1/respuestas", 3),
        ("/api/v1/compromisos", 4),
    ],
)
def test_list_query_counts_do_not_grow_with_the_data(
    client, demo, path, queries, django_assert_max_num_queries
):
    for _n in range(5):
        CommitmentFactory(space=SpaceFactory(strategy=demo.strategy))
    with django_assert_max_num_queries(queries):
        response = client.get(path, {"year": 2023, "page_size": 100})
    assert response.status_code == 200
    assert response.json()["count"] > 0 or path == "/api/v1/informes"


def test_the_open_datasets_are_listed_with_their_downloads(client, demo):
    from rendicion.opendata.datasets import DATASETS

    listed = client.get("/api/v1/datos", {"year": 2023, "page_size": 100})
    assert listed.status_code == 200 and listed["ETag"]
    body = listed.json()
    assert body["count"] == len(DATASETS)
    slugs = {row["slug"] for row in body["results"]}
    assert "participacion" in slugs and "preguntas-respuestas" in slugs
    row = next(r for r in body["results"] if r["slug"] == "participacion")
    assert row["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert row["page"].endswith("/datos/2023/participacion/")
    download = client.get(row["downloads"]["csv"].removeprefix("http://testserver"))
    assert download.status_code == 200
    assert client.get("/api/v1/datos", {"year": 1999}).json()["count"] == 0
