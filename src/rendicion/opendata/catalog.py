"""The catalogue's metadata: licence, publisher, contact and frequency, and the descriptions that
harvesters read: a Frictionless Data Package, DCAT-AP (JSON-LD and Turtle, one rdflib graph)
and CKAN package dictionaries."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from rendicion.core.exporters import CONTENT_TYPES
from rendicion.core.models import Entity, OpenDataLicense
from rendicion.strategy.selectors import strategy_years

from .datasets import DATASETS, SCHEMA_TYPES, TYPE_NAMES, Dataset
from .suppression import MISSING_VALUES

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU_FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/"
EU_LANGUAGE_SPA = URIRef("http://publications.europa.eu/resource/authority/language/SPA")
EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
FILE_TYPES = {"csv": "CSV", "json": "JSON", "xlsx": "XLSX"}
LICENSES = {
    OpenDataLicense.CC_BY_4_0: "https://creativecommons.org/licenses/by/4.0/",
    OpenDataLicense.CC_BY_SA_4_0: "https://creativecommons.org/licenses/by-sa/4.0/",
    OpenDataLicense.CC0_1_0: "https://creativecommons.org/publicdomain/zero/1.0/",
}
# CKAN's own licence identifiers (its default licence list).
CKAN_LICENSE_IDS = {
    OpenDataLicense.CC_BY_4_0: "cc-by",
    OpenDataLicense.CC_BY_SA_4_0: "cc-by-sa",
    OpenDataLicense.CC0_1_0: "cc-zero",
}


@dataclass(frozen=True)
class CatalogInfo:
    """What the national open-data guide asks of every dataset, the same for all of them."""

    publisher: str
    contact_email: str
    license_id: str
    license_title: str
    license_url: str
    frequency: str = "CONT"

    @property
    def frequency_label(self) -> str:
        return _("Continua: los datos se calculan de los registros en el momento de la consulta")


def catalog_info(entity: Entity | None) -> CatalogInfo:
    code = OpenDataLicense(entity.open_data_license if entity else OpenDataLicense.CC_BY_4_0)
    return CatalogInfo(
        publisher=entity.name if entity else "Rendición",
        contact_email=entity.email if entity else "",
        license_id=code.value,
        license_title=str(code.label),
        license_url=LICENSES[code],
    )


def catalog_datasets(entity: Entity | None) -> Iterator[Dataset]:
    """Every dataset of every published year, latest year first."""
    for year in strategy_years(entity=entity):
        for dataset in DATASETS:
            yield dataset(entity=entity, year=year)


def dataset_page_path(dataset: Dataset) -> str:
    return reverse("opendata:dataset", args=[dataset.year, dataset.slug])


def download_path(dataset: Dataset, fmt: str) -> str:
    return reverse("opendata:download", args=[dataset.year, dataset.slug, fmt])


def table_schema(dataset: Dataset) -> dict:
    return {
        "fields": [
            {
                "name": field.name,
                "type": SCHEMA_TYPES[field.type],
                "description": field.full_description,
                **({"unit": str(field.unit)} if field.unit else {}),
            }
            for field in dataset.fields
        ],
        "missingValues": list(MISSING_VALUES),
    }


def dictionary_rows(dataset: Dataset) -> list[dict]:
    """The column dictionary in Spanish: name, type, description, unit."""
    return [
        {
            "name": field.name,
            "type": str(TYPE_NAMES[field.type]),
            "description": field.full_description,
            "unit": str(field.unit),
        }
        for field in dataset.fields
    ]


def datapackage(entity: Entity | None, absolute: Callable[[str], str]) -> dict:
    """A Frictionless Data Package: one CSV resource per dataset and year, with its Table
    Schema. Paths are relative to /datos/datapackage.json, as the specification allows."""
    info = catalog_info(entity)
    base = reverse("opendata:index")
    resources = []
    for dataset in catalog_datasets(entity):
        resources.append(
            {
                "name": dataset.name,
                "title": dataset.title,
                "description": str(dataset.description),
                "path": download_path(dataset, "csv").removeprefix(base),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "profile": "tabular-data-resource",
                "schema": table_schema(dataset),
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": "rendicion-de-cuentas",
        "title": _("Datos abiertos de rendición de cuentas — %(entity)s")
        % {"entity": info.publisher},
        "homepage": absolute(base),
        "licenses": [
            {"name": info.license_id, "path": info.license_url, "title": info.license_title}
        ],
        "contributors": [
            {
                "title": info.publisher,
                "role": "publisher",
                **({"email": info.contact_email} if info.contact_email else {}),
            }
        ],
        "keywords": sorted({keyword for dataset in DATASETS for keyword in dataset.keywords}),
        "resources": resources,
    }


def dcat_graph(entity: Entity | None, absolute: Callable[[str], str]) -> Graph:
    """The catalogue in DCAT-AP: a dcat:Catalog of dcat:Datasets, each with one
    dcat:Distribution per format."""
    info = catalog_info(entity)
    graph = Graph()
    for prefix, namespace in (
        ("dcat", DCAT),
        ("dct", DCTERMS),
        ("foaf", FOAF),
        ("vcard", VCARD),
    ):
        graph.bind(prefix, namespace)
    home = absolute(reverse("opendata:index"))
    catalog = URIRef(home + "#catalogo")
    publisher = URIRef(home + "#publicador")
    license_ref = URIRef(info.license_url)
    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add((publisher, FOAF.name, Literal(info.publisher, lang="es")))
    graph.add((catalog, RDF.type, DCAT.Catalog))
    graph.add(
        (catalog, DCTERMS.title, Literal(_("Datos abiertos de rendición de cuentas"), lang="es"))
    )
    graph.add(
        (
            catalog,
            DCTERMS.description,
            Literal(
                _(
                    "Conjuntos de datos sin datos personales de la estrategia de rendición de cuentas de %(entity)s."
                )
                % {"entity": info.publisher},
                lang="es",
            ),
        )
    )
    graph.add((catalog, DCTERMS.publisher, publisher))
    graph.add((catalog, DCTERMS.language, EU_LANGUAGE_SPA))
    graph.add((catalog, DCTERMS.license, license_ref))
    graph.add((catalog, FOAF.homepage, URIRef(home)))
    for dataset in catalog_datasets(entity):
        page = absolute(dataset_page_path(dataset))
        node = URIRef(page + "#conjunto")
        graph.add((catalog, DCAT.dataset, node))
        graph.add((node, RDF.type, DCAT.Dataset))
        graph.add((node, DCTERMS.identifier, Literal(dataset.name)))
        graph.add((node, DCTERMS.title, Literal(dataset.title, lang="es")))
        graph.add((node, DCTERMS.description, Literal(str(dataset.description), lang="es")))
        for keyword in dataset.keywords:
            graph.add((node, DCAT.keyword, Literal(keyword, lang="es")))
        graph.add((node, DCTERMS.publisher, publisher))
        graph.add((node, DCTERMS.language, EU_LANGUAGE_SPA))
        graph.add((node, DCTERMS.accrualPeriodicity, URIRef(EU_FREQUENCY + info.frequency)))
        graph.add((node, DCAT.landingPage, URIRef(page)))
        period = BNode()
        graph.add((node, DCTERMS.temporal, period))
        graph.add((period, RDF.type, DCTERMS.PeriodOfTime))
        graph.add((period, DCAT.startDate, Literal(f"{dataset.year}-01-01", datatype=XSD.date)))
        graph.add((period, DCAT.endDate, Literal(f"{dataset.year}-12-31", datatype=XSD.date)))
        if info.contact_email:
            contact = BNode()
            graph.add((node, DCAT.contactPoint, contact))
            graph.add((contact, RDF.type, VCARD.Kind))
            graph.add((contact, VCARD.fn, Literal(info.publisher)))
            graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{info.contact_email}")))
        for fmt in dataset.formats:
            url = URIRef(absolute(download_path(dataset, fmt)))
            distribution = URIRef(f"{page}#{fmt}")
            graph.add((node, DCAT.distribution, distribution))
            graph.add((distribution, RDF.type, DCAT.Distribution))
            graph.add(
                (
                    distribution,
                    DCTERMS.title,
                    Literal(f"{dataset.title} ({FILE_TYPES[fmt]})", lang="es"),
                )
            )
            graph.add((distribution, DCAT.accessURL, URIRef(page)))
            graph.add((distribution, DCAT.downloadURL, url))
            graph.add(
                (
                    distribution,
                    DCAT.mediaType,
                    URIRef(
                        "https://www.iana.org/assignments/media-types/"
                        + CONTENT_TYPES[fmt].split(";")[0]
                    ),
                )
            )
            graph.add((distribution, DCTERMS["format"], URIRef(EU_FILE_TYPE + FILE_TYPES[fmt])))
            graph.add((distribution, DCTERMS.license, license_ref))
    return graph


def ckan_package(dataset: Dataset, entity: Entity | None, absolute: Callable[[str], str]) -> dict:
    """A CKAN package dictionary (the fields CKAN's harvester and package_show carry)."""
    info = catalog_info(entity)
    page = absolute(dataset_page_path(dataset))
    resources = [
        {
            "id": f"{dataset.name}-{fmt}",
            "package_id": dataset.name,
            "name": f"{dataset.title} ({FILE_TYPES[fmt]})",
            "description": str(dataset.description),
            "format": FILE_TYPES[fmt],
            "mimetype": CONTENT_TYPES[fmt].split(";")[0],
            "url": absolute(download_path(dataset, fmt)),
            "position": position,
            "state": "active",
        }
        for position, fmt in enumerate(dataset.formats)
    ]
    return {
        "id": dataset.name,
        "name": dataset.name,
        "title": dataset.title,
        "notes": str(dataset.description),
        "type": "dataset",
        "state": "active",
        "private": False,
        "url": page,
        "license_id": CKAN_LICENSE_IDS.get(info.license_id, info.license_id),
        "license_title": info.license_title,
        "license_url": info.license_url,
        "author": info.publisher,
        "maintainer": info.publisher,
        "maintainer_email": info.contact_email or None,
        "organization": {"name": "rendicion", "title": info.publisher, "type": "organization"},
        "tags": [{"name": keyword, "display_name": keyword} for keyword in dataset.keywords],
        "extras": [
            {"key": "frequency", "value": info.frequency_label},
            {"key": "temporal_start", "value": f"{dataset.year}-01-01"},
            {"key": "temporal_end", "value": f"{dataset.year}-12-31"},
            {"key": "language", "value": "es"},
        ],
        "resources": resources,
        "num_resources": len(resources),
        "num_tags": len(dataset.keywords),
    }
