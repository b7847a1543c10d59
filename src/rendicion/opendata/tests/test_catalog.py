"""What a portal harvests: the Data Package, the DCAT catalogue and the CKAN actions."""

import json

import pytest
from frictionless import validate
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF

from rendicion.core.models import OpenDataLicense
from rendicion.core.tests.factories import EntityFactory
from rendicion.opendata.datasets import DATASETS
from rendicion.questions.models import TopicState
from rendicion.questions.tests.factories import ProposedTopicFactory
from rendicion.spaces.tests.factories import SpaceFactory
from rendicion.strategy.tests.factories import ActivityFactory, StrategyFactory

from .helpers import attend, content, evaluate, published_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def year():
    entity = EntityFactory(email="datos@example.invalid")
    strategy = StrategyFactory(entity=entity)
    for n, people in enumerate((40, 3, 12)):
        space = SpaceFactory(strategy=strategy, slug=f"espacio-{n}", topics=["Movilidad", "Empleo"])
        attend(space, people, locality="Kennedy")
        attend(space, 2, sex="hombre", age_group="joven", locality="Bosa")
        evaluate(space, people)
        published_question(space, text=f"¿Pregunta {n}, con «comillas»?")
        ProposedTopicFactory(proposed_for=space, included_in=space, state=TopicState.INCLUDED)
    ActivityFactory(strategy=strategy)
    return strategy


def test_the_data_package_validates_with_frictionless(client, year, tmp_path):
    response = client.get("/datos/datapackage.json")
    assert response.status_code == 200
    package = response.json()
    assert len(package["resources"]) == len(DATASETS)
    (tmp_path / "datapackage.json").write_bytes(response.content)
    # The resources' paths are relative to the descriptor, as on the site.
    for resource in package["resources"]:
        target = tmp_path / resource["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content(client.get("/datos/" + resource["path"])))
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert package["licenses"][0]["name"] == "CC-BY-4.0"


def _graph(client, url: str, fmt: str) -> Graph:
    response = client.get(url)
    assert response.status_code == 200
    return Graph().parse(data=response.content, format=fmt)


def test_the_dcat_catalogue_parses_in_turtle_and_json_ld_to_the_same_graph(client, year):
    turtle = _graph(client, "/datos/dcat.ttl", "turtle")
    jsonld = _graph(client, "/datos/dcat.jsonld", "json-ld")
    assert len(turtle) == len(jsonld) > 0
    (catalog,) = turtle.subjects(RDF.type, DCAT.Catalog)
    datasets = list(turtle.objects(catalog, DCAT.dataset))
    assert len(datasets) == len(DATASETS)
    for dataset in datasets:
        assert turtle.value(dataset, DCTERMS.title) is not None
        downloads = [
            turtle.value(d, DCAT.downloadURL) for d in turtle.objects(dataset, DCAT.distribution)
        ]
        assert len(downloads) == 3
        assert all(str(url).startswith("http://testserver/datos/2023/") for url in downloads)
    distribution = next(turtle.subjects(RDF.type, DCAT.Distribution))
    assert turtle.value(distribution, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )


def test_the_licence_is_the_one_the_entity_chose(client, year):
    entity = year.entity
    entity.open_data_license = OpenDataLicense.CC0_1_0
    entity.save()
    package = client.get("/datos/api/3/action/package_show?id=espacios-2023").json()["result"]
    assert package["license_id"] == "cc-zero"
    assert "publicdomain/zero" in package["license_url"]
    assert client.get("/datos/datapackage.json").json()["licenses"][0]["name"] == "CC0-1.0"


def test_ckan_lists_and_shows_packages_in_its_envelope(client, year):
    listing = client.get("/datos/api/3/action/package_list").json()
    assert listing["success"] is True and "help" in listing
    assert "espacios-2023" in listing["result"]
    shown = client.get("/datos/api/3/action/package_show", {"id": "participacion-2023"}).json()
    package = shown["result"]
    assert package["name"] == "participacion-2023"
    assert package["maintainer_email"] == "datos@example.invalid"
    assert {r["format"] for r in package["resources"]} == {"CSV", "JSON", "XLSX"}
    csv_url = next(r["url"] for r in package["resources"] if r["format"] == "CSV")
    assert client.get(csv_url).status_code == 200
    everything = client.get(
        "/datos/api/3/action/current_package_list_with_resources", {"limit": 2, "offset": 1}
    ).json()
    assert [p["name"] for p in everything["result"]] == listing["result"][1:3]
    search = client.get("/datos/api/3/action/package_search", {"rows": 3}).json()["result"]
    assert search["count"] == len(DATASETS) and len(search["results"]) == 3


@pytest.mark.parametrize(
    ("url", "status", "error_type"),
    [
        ("/datos/api/3/action/package_show?id=no-existe", 404, "Not Found Error"),
        ("/datos/api/3/action/package_show", 409, "Validation Error"),
        ("/datos/api/3/action/package_list?limit=dos", 409, "Validation Error"),
        ("/datos/api/3/action/package_create", 400, "Bad request"),
    ],
)
def test_ckan_errors_come_in_its_error_envelope(client, year, url, status, error_type):
    response = client.get(url)
    assert response.status_code == status
    body = json.loads(response.content)
    assert body["success"] is False and "help" in body
    assert body["error"]["__type"] == error_type


def test_ckan_actions_are_read_only(client, year):
    response = client.post("/datos/api/3/action/package_list")
    assert response.status_code == 405


def test_catalogue_files_make_the_same_number_of_queries_whatever_the_data(
    client, year, django_assert_max_num_queries
):
    for url in (
        "/datos/datapackage.json",
        "/datos/dcat.ttl",
        "/datos/api/3/action/current_package_list_with_resources",
        "/datos/",
        "/datos/2023/participacion/",
    ):
        with django_assert_max_num_queries(4):
            assert client.get(url).status_code == 200
