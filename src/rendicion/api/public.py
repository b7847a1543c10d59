"""Public reads: what the public pages show, through the same selectors. No personal data."""

from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Path, Query, Router

from rendicion.commitments.models import commitment_state
from rendicion.commitments.selectors import commitment_list
from rendicion.core.models import Entity
from rendicion.core.selectors import entity_current
from rendicion.opendata.catalog import (
    catalog_datasets,
    catalog_info,
    dataset_page_path,
    download_path,
)
from rendicion.questions.models import Question
from rendicion.questions.selectors import questions_public
from rendicion.reports.selectors import published_reports
from rendicion.spaces.models import Space
from rendicion.spaces.selectors import space_get, space_list
from rendicion.strategy.models import Strategy
from rendicion.strategy.selectors import (
    strategy_as_json,
    strategy_detail,
    strategy_get,
    strategy_years,
)

from .errors import Error
from .pagination import paginate
from .schemas import (
    AnswerPage,
    CommitmentPage,
    DatasetPage,
    EntityQuery,
    ReportPage,
    SpaceFilterQuery,
    SpaceOut,
    SpacePage,
    StrategyDetailOut,
    StrategyPage,
    YearPageQuery,
)

router = Router(tags=["Lectura pública"])

READ_ERRORS = {400: Error, 404: Error, 422: Error, 429: Error}


def _entity(entity_id: int | None) -> Entity:
    entity = entity_current() if entity_id is None else Entity.objects.filter(pk=entity_id).first()
    if entity is None:
        raise Http404(_("La entidad no existe."))
    return entity


def _strategy_out(request: HttpRequest, strategy: Strategy) -> dict:
    return {
        "year": strategy.year,
        "entity": {"id": strategy.entity.pk, "name": strategy.entity.name},
        "objective": strategy.objective,
        "url": request.build_absolute_uri(reverse("strategy:public_detail", args=[strategy.year])),
        "detail": request.build_absolute_uri(
            reverse("api-v1:strategy_detail", args=[strategy.year])
            + f"?entity={strategy.entity.pk}"
        ),
    }


@router.get(
    "/estrategias",
    response={200: StrategyPage, **READ_ERRORS},
    url_name="strategy_list",
    summary="Estrategias publicadas",
)
def strategy_list(request: HttpRequest, query: Query[YearPageQuery]):
    """Las estrategias de rendición de cuentas publicadas, de la más reciente a la más antigua."""
    entity = _entity(query.entity)
    years = strategy_years(entity=entity)
    if query.year is not None:
        years = [year for year in years if year == query.year]
    strategies = (
        Strategy.objects.select_related("entity")
        .filter(entity=entity, year__in=years)
        .order_by("-year", "pk")
    )
    rows, meta = paginate(request, strategies, query)
    return {**meta, "results": [_strategy_out(request, s) for s in rows]}


@router.get(
    "/estrategias/{int:year}",
    response={200: StrategyDetailOut, **READ_ERRORS},
    url_name="strategy_detail",
    summary="Una estrategia con su cronograma",
)
def strategy_detail_read(
    request: HttpRequest,
    year: Path[int],
    query: Query[EntityQuery],
):
    """Objetivo, retos, etapas, equipo y actividades con su estado y avance (el mismo contenido
    que `rendicion strategy AAAA --json`)."""
    if not 1900 <= year <= 2999:
        raise Http404(_("No hay una estrategia publicada de ese año."))
    try:
        strategy = strategy_get(entity=_entity(query.entity), year=year)
    except Strategy.DoesNotExist:
        raise Http404(_("No hay una estrategia publicada de ese año.")) from None
    return strategy_as_json(strategy_detail(strategy=strategy))


def _space_out(request: HttpRequest, space: Space) -> dict:
    return {
        "slug": space.slug,
        "kind": space.kind,
        "title": space.title,
        "year": space.strategy.year,
        "reports_on_year": space.reports_on_year,
        "starts_at": timezone.localtime(space.starts_at),
        "duration_minutes": space.duration_minutes,
        "modality": space.modality,
        "status": space.status,
        "venue_name": space.venue_name,
        "venue_locality": space.venue_locality,
        "topics": space.topics,
        "organisers": [office.name for office in space.organisers.all()],
        "channels": [
            {"name": c.name, "url": c.url, "views": c.views}
            for c in sorted(space.channels.all(), key=lambda c: (c.name, c.pk))
        ],
        "url": request.build_absolute_uri(reverse("spaces:public_detail", args=[space.slug])),
    }


@router.get(
    "/espacios",
    response={200: SpacePage, **READ_ERRORS},
    url_name="space_list",
    summary="Audiencias y diálogos",
)
def space_list_read(request: HttpRequest, query: Query[YearPageQuery]):
    """Los espacios publicados, en orden de fecha."""
    spaces = space_list(entity=_entity(query.entity), year=query.year)
    rows, meta = paginate(request, spaces, query)
    return {**meta, "results": [_space_out(request, space) for space in rows]}


@router.get(
    "/espacios/{slug:slug}",
    response={200: SpaceOut, **READ_ERRORS},
    url_name="space_detail",
    summary="Un espacio",
)
def space_detail_read(request: HttpRequest, slug: Path[str]):
    try:
        space = space_get(slug=slug)
    except Space.DoesNotExist:
        raise Http404(_("No hay un espacio publicado con esa dirección.")) from None
    return _space_out(request, space)


def _spaces(query: SpaceFilterQuery):
    spaces = space_list(entity=_entity(query.entity), year=query.year)
    if query.space:
        spaces = spaces.filter(slug=query.space)
    return spaces


@router.get(
    "/informes",
    response={200: ReportPage, **READ_ERRORS},
    url_name="report_list",
    summary="Informes publicados",
)
def report_list(request: HttpRequest, query: Query[SpaceFilterQuery]):
    """Cada versión publicada de cada informe, con sus enlaces en HTML, PDF y Word."""
    reports = published_reports(entity=_entity(query.entity), year=query.year)
    if query.space:
        reports = reports.filter(space__slug=query.space)
    reports = reports.order_by("-year", "kind", "space__starts_at", "-version", "pk")
    rows, meta = paginate(request, reports, query)
    results = [
        {
            "id": report.pk,
            "year": report.year,
            "kind": report.kind,
            "title": report.title,
            "version": report.version,
            "space": report.space.slug if report.space else None,
            "published_at": timezone.localtime(report.published_at),
            "links": {
                fmt: request.build_absolute_uri(reverse(name, args=[report.pk]))
                for fmt, name in (
                    ("html", "reports:published"),
                    ("pdf", "reports:published_pdf"),
                    ("docx", "reports:published_docx"),
                )
            },
        }
        for report in rows
    ]
    return {**meta, "results": results}


@router.get(
    "/respuestas",
    response={200: AnswerPage, **READ_ERRORS},
    url_name="answer_list",
    summary="Preguntas y respuestas publicadas",
)
def answer_list(request: HttpRequest, query: Query[SpaceFilterQuery]):
    """Las preguntas ciudadanas con la respuesta que la entidad revisó y publicó. Nunca
    incluyen los datos de quien preguntó."""
    spaces = _spaces(query).order_by().values("pk")
    answers = (
        questions_public(Question.objects.filter(space__in=spaces))
        .order_by("space__starts_at", "space__pk", "received_at", "pk")
        .values_list(
            "space__slug",
            "space__title",
            "text",
            "answer__text",
            "answer__office__name",
            "answer__published_at",
        )
    )
    rows, meta = paginate(request, answers, query)
    results = [
        {
            "space": slug,
            "space_title": title,
            "question": question,
            "answer": answer,
            "office": office,
            "published_on": timezone.localdate(published),
        }
        for slug, title, question, answer, office, published in rows
    ]
    return {**meta, "results": results}


def commitment_out(commitment, today) -> dict:
    return {
        "id": commitment.pk,
        "space": commitment.space.slug,
        "year": commitment.space.strategy.year,
        "description": commitment.description,
        "office": commitment.office.name,
        "due_date": commitment.due_date,
        "status": commitment.status,
        "state": commitment_state(commitment.status, commitment.due_date, today),
        "done_on": commitment.done_on,
        "progress": [
            {"date": p.date, "note": p.note, "status": p.status, "evidence_url": p.evidence_url}
            for p in commitment.progress.all()
        ],
    }


@router.get(
    "/compromisos",
    response={200: CommitmentPage, **READ_ERRORS},
    url_name="commitment_list",
    summary="Compromisos y su avance",
)
def commitment_list_read(request: HttpRequest, query: Query[SpaceFilterQuery]):
    """Los compromisos hechos en los espacios, con su estado (vencido incluido) y sus avances."""
    commitments = commitment_list(entity=_entity(query.entity), year=query.year)
    if query.space:
        commitments = commitments.filter(space__slug=query.space)
    rows, meta = paginate(request, commitments, query)
    today = timezone.localdate()
    return {**meta, "results": [commitment_out(c, today) for c in rows]}


@router.get(
    "/datos",
    response={200: DatasetPage, **READ_ERRORS},
    url_name="dataset_list",
    summary="Datos abiertos",
)
def dataset_list_read(request: HttpRequest, query: Query[YearPageQuery]):
    """Los conjuntos de datos abiertos de cada año publicado (los mismos de /datos/), con su
    licencia, su página con el diccionario de columnas y sus descargas."""
    entity = _entity(query.entity)
    datasets = [d for d in catalog_datasets(entity) if query.year in (None, d.year)]
    rows, meta = paginate(request, datasets, query)
    license_url = catalog_info(entity).license_url
    absolute = request.build_absolute_uri
    return {
        **meta,
        "results": [
            {
                "year": dataset.year,
                "slug": dataset.slug,
                "title": dataset.title,
                "description": str(dataset.description),
                "license": license_url,
                "page": absolute(dataset_page_path(dataset)),
                "downloads": {
                    fmt: absolute(download_path(dataset, fmt)) for fmt in dataset.formats
                },
            }
            for dataset in rows
        ],
    }
