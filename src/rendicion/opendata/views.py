"""The public open-data pages, the downloads and the catalogue files harvesters read."""

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from rendicion.core.exporters import export_response
from rendicion.core.selectors import entity_current
from rendicion.strategy.selectors import strategy_years

from . import catalog
from .datasets import DATASETS, Dataset, dataset_get

JSON_LD = "application/ld+json"
TURTLE = "text/turtle; charset=utf-8"


def _dataset_or_404(year: int, slug: str) -> Dataset:
    entity = entity_current()
    if year not in strategy_years(entity=entity):
        raise Http404
    try:
        return dataset_get(slug)(entity=entity, year=year)
    except LookupError:
        raise Http404 from None


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    entity = entity_current()
    years = strategy_years(entity=entity)
    return render(
        request,
        "opendata/index.html",
        {
            "years": [(year, [d(entity=entity, year=year) for d in DATASETS]) for year in years],
            "info": catalog.catalog_info(entity),
        },
    )


@require_GET
def dataset(request: HttpRequest, year: int, slug: str) -> HttpResponse:
    item = _dataset_or_404(year, slug)
    return render(
        request,
        "opendata/dataset.html",
        {
            "dataset": item,
            "dictionary": catalog.dictionary_rows(item),
            "downloads": [
                (fmt, catalog.FILE_TYPES[fmt], catalog.download_path(item, fmt))
                for fmt in item.formats
            ],
            "info": catalog.catalog_info(item.entity),
        },
    )


@require_GET
def download(request: HttpRequest, year: int, slug: str, fmt: str) -> HttpResponse:
    return export_response(_dataset_or_404(year, slug), fmt)


@require_GET
def datapackage(request: HttpRequest) -> JsonResponse:
    package = catalog.datapackage(entity_current(), request.build_absolute_uri)
    return JsonResponse(package, json_dumps_params={"ensure_ascii": False, "indent": 2})


@require_GET
def dcat_jsonld(request: HttpRequest) -> HttpResponse:
    graph = catalog.dcat_graph(entity_current(), request.build_absolute_uri)
    return HttpResponse(graph.serialize(format="json-ld", indent=2), content_type=JSON_LD)


@require_GET
def dcat_turtle(request: HttpRequest) -> HttpResponse:
    graph = catalog.dcat_graph(entity_current(), request.build_absolute_uri)
    return HttpResponse(graph.serialize(format="turtle"), content_type=TURTLE)


# CKAN's action API, read-only (https://docs.ckan.org/en/latest/api/) --------------------------


def _ckan(request: HttpRequest, action: str, result, status: int = 200) -> JsonResponse:
    help_url = request.build_absolute_uri(
        reverse("opendata:ckan_action", args=["help_show"]) + f"?name={action}"
    )
    body = {"help": help_url, "success": status == 200}
    body["result" if status == 200 else "error"] = result
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def _ckan_int(request: HttpRequest, name: str, default: int | None) -> int | None:
    value = request.GET.get(name)
    if value in (None, ""):
        return default
    if not value.isdigit():
        raise ValueError(name)
    return int(value)


CKAN_HELP = {
    "package_list": _("Nombres de todos los conjuntos de datos."),
    "package_show": _("Un conjunto de datos con sus recursos: package_show?id=NOMBRE."),
    "package_search": _("Busca conjuntos de datos: q, rows y start."),
    "current_package_list_with_resources": _(
        "Conjuntos de datos con sus recursos: limit y offset."
    ),
    "help_show": _("La ayuda de una acción: help_show?name=ACCION."),
}


@require_GET
def ckan_action(request: HttpRequest, action: str) -> JsonResponse:
    entity = entity_current()
    absolute = request.build_absolute_uri
    if action not in CKAN_HELP:
        return _ckan(
            request,
            action,
            {
                "__type": "Bad request",
                "message": _("Solicitud incorrecta: la acción «%(action)s» no existe.")
                % {"action": action},
            },
            400,
        )
    try:
        limit = _ckan_int(request, "limit", None)
        offset = _ckan_int(request, "offset", 0) or 0
        rows = _ckan_int(request, "rows", 10)
        start = _ckan_int(request, "start", 0) or 0
    except ValueError as error:
        return _ckan(
            request,
            action,
            {"__type": "Validation Error", str(error): [_("Debe ser un número entero.")]},
            409,
        )
    datasets = list(catalog.catalog_datasets(entity))
    if action == "help_show":
        name = request.GET.get("name", "")
        if name not in CKAN_HELP:
            return _ckan(
                request, action, {"__type": "Not Found Error", "message": _("No encontrado")}, 404
            )
        return _ckan(request, action, str(CKAN_HELP[name]))
    if action == "package_list":
        return _ckan(request, action, [d.name for d in datasets])
    if action == "package_show":
        name = request.GET.get("id", "")
        if not name:
            return _ckan(
                request, action, {"__type": "Validation Error", "id": [_("Falta el valor")]}, 409
            )
        found = [d for d in datasets if d.name == name]
        if not found:
            return _ckan(
                request, action, {"__type": "Not Found Error", "message": _("No encontrado")}, 404
            )
        return _ckan(request, action, catalog.ckan_package(found[0], entity, absolute))
    if action == "package_search":
        query = request.GET.get("q", "").strip().lower()
        if query and query != "*:*":
            datasets = [d for d in datasets if query in f"{d.name} {d.title}".lower()]
        page = datasets[start : start + min(rows, 1000)]
        return _ckan(
            request,
            action,
            {
                "count": len(datasets),
                "results": [catalog.ckan_package(d, entity, absolute) for d in page],
            },
        )
    page = datasets[offset : offset + limit] if limit is not None else datasets[offset:]
    return _ckan(request, action, [catalog.ckan_package(d, entity, absolute) for d in page])


def ckan_api_root(request: HttpRequest) -> JsonResponse:
    """CKAN answers its API root with the version; harvesters ask it first."""
    return JsonResponse({"version": 3})
