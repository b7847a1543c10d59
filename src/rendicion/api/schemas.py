"""What the API reads and writes, as typed schemas: ninja turns them into the OpenAPI schema."""

import datetime as dt
import uuid
from typing import Annotated, Any, Literal

from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import AfterValidator, Field

from rendicion.commitments.models import CommitmentState, CommitmentStatus
from rendicion.participation.models import DocumentType
from rendicion.participation.rules import AGE_RANGE_GROUP, AgeGroup, Sex
from rendicion.questions.models import QuestionChannel, QuestionKind
from rendicion.spaces.models import Modality, SpaceKind, SpaceStatus


def _text(value: str) -> str:
    # A NUL character or a lone surrogate cannot be stored (PostgreSQL refuses them).
    if "\x00" in value:
        raise ValueError(_("El texto no puede contener el carácter nulo."))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(_("El texto tiene caracteres que no son válidos.")) from None
    return value


Text = Annotated[str, AfterValidator(_text)]
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=120)]


def choice(values, description: str):
    return Annotated[Literal[tuple(values)], Field(description=description)]  # type: ignore[misc]


# Query filters ----------------------------------------------------------------------------


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=100_000, description="Página, desde 1.")
    page_size: int = Field(20, ge=1, le=100, description="Elementos por página (máximo 100).")


class EntityQuery(Schema):
    entity: int | None = Field(
        None,
        ge=1,
        le=2**31 - 1,
        description="Identificador de la entidad (por defecto, la principal).",
    )


class YearQuery(EntityQuery):
    year: int | None = Field(None, ge=1900, le=2999, description="Vigencia (año de la estrategia).")


class SpaceFilterQuery(YearQuery, PageQuery):
    space: Slug | None = Field(None, description="Dirección corta (slug) del espacio.")


class YearPageQuery(YearQuery, PageQuery):
    pass


# Pages ------------------------------------------------------------------------------------


class PageMeta(Schema):
    count: int = Field(description="Total de elementos con estos filtros.")
    page: int
    page_size: int
    next: str | None = Field(description="Dirección de la página siguiente, si la hay.")
    previous: str | None = Field(description="Dirección de la página anterior, si la hay.")


# Strategies -------------------------------------------------------------------------------


class EntityOut(Schema):
    id: int
    name: str


class StrategyOut(Schema):
    year: int
    entity: EntityOut
    objective: str
    url: str = Field(description="Página pública de la estrategia.")
    detail: str = Field(description="La estrategia con su cronograma, en esta API.")


class StrategyPage(PageMeta):
    results: list[StrategyOut]


class StageOut(Schema):
    number: int
    name: str
    murc_stages: list[Any]
    items: list[Any]


class TeamRoleOut(Schema):
    name: str
    responsibilities: list[Any]


class ActivityOut(Schema):
    number: int
    name: str
    stage: str | None
    target: str
    target_quantity: int | None
    target_unit: str
    evidence: str
    responsible: list[str]
    responsible_note: str
    responsible_text: str = Field(
        description="Los responsables como la entidad los escribió (las dependencias enlazadas "
        "están en `responsible`)."
    )
    quarters: list[int]
    status: str
    progress: int = Field(description="Avance en porcentaje (0 a 100).")
    progress_source: str | None
    achieved: int | None


class StrategyDetailOut(Schema):
    """The same contract as `rendicion strategy YYYY --json`."""

    year: int
    entity: str
    objective: str
    challenges: list[str]
    stages: list[StageOut]
    team_roles: list[TeamRoleOut]
    activities: list[ActivityOut]


# Spaces -----------------------------------------------------------------------------------


class ChannelOut(Schema):
    name: str
    url: str
    views: int | None


class SpaceOut(Schema):
    slug: str
    kind: choice(SpaceKind.values, "hearing (audiencia pública) o dialogue (diálogo).")
    title: str
    year: int
    reports_on_year: int | None
    starts_at: dt.datetime
    duration_minutes: int
    modality: choice(Modality.values, "Modalidad.")
    status: choice(SpaceStatus.values, "Estado.")
    venue_name: str
    venue_locality: str
    topics: list[Any]
    organisers: list[str]
    channels: list[ChannelOut]
    url: str = Field(description="Página pública del espacio.")


class SpacePage(PageMeta):
    results: list[SpaceOut]


# Reports ----------------------------------------------------------------------------------


class ReportLinks(Schema):
    html: str
    pdf: str
    docx: str


class ReportOut(Schema):
    id: int
    year: int
    kind: str
    title: str
    version: int
    space: str | None = Field(description="Slug del espacio, para informes de un espacio.")
    published_at: dt.datetime
    links: ReportLinks


class ReportPage(PageMeta):
    results: list[ReportOut]


# Open data --------------------------------------------------------------------------------


class DatasetOut(Schema):
    year: int
    slug: str = Field(description="Nombre del conjunto en las direcciones y en CKAN.")
    title: str
    description: str
    license: str = Field(description="Licencia de uso (URL).")
    page: str = Field(description="Página pública con el diccionario de columnas.")
    downloads: dict[str, str] = Field(description="Descarga por formato: csv, json y xlsx.")


class DatasetPage(PageMeta):
    results: list[DatasetOut]


# Answers ----------------------------------------------------------------------------------


class AnswerOut(Schema):
    space: str
    space_title: str
    question: str
    answer: str
    office: str
    published_on: dt.date


class AnswerPage(PageMeta):
    results: list[AnswerOut]


# Commitments ------------------------------------------------------------------------------


class ProgressOut(Schema):
    date: dt.date
    note: str
    status: str
    evidence_url: str


class CommitmentOut(Schema):
    id: int
    space: str
    year: int
    description: str
    office: str
    due_date: dt.date
    status: str
    state: choice(CommitmentState.values, "Estado para el público (vencido incluido).")
    done_on: dt.date | None
    progress: list[ProgressOut]


class CommitmentPage(PageMeta):
    results: list[CommitmentOut]


# Writes -----------------------------------------------------------------------------------

API_CHANNELS = [c for c in QuestionChannel.values if c != QuestionChannel.PUBLIC_FORM]


class QuestionIn(Schema):
    space: Slug = Field(description="Slug del espacio al que llegó la pregunta.")
    text: Annotated[Text, Field(min_length=1, max_length=2000)]
    channel: choice(API_CHANNELS, "Por dónde llegó la pregunta.")
    kind: choice(QuestionKind.values, "Tipo de petición (Ley 1755 de 2015).") = "general"
    received_at: dt.datetime | None = Field(
        None, description="Cuándo se recibió (por defecto, ahora). No puede ser futura."
    )
    asker_name: Annotated[Text, Field(max_length=200)] = ""
    asker_email: Annotated[Text, Field(max_length=254)] = ""
    asker_phone: Annotated[Text, Field(max_length=40)] = ""
    consent: bool = Field(
        False,
        description="La persona autorizó el tratamiento de sus datos: sin esto no se guardan "
        "nombre, correo ni teléfono.",
    )
    submission_key: uuid.UUID | None = Field(
        None, description="Clave de envío: repetir la llamada con la misma clave no duplica."
    )


class QuestionOut(Schema):
    id: int
    outcome: Literal["created", "repeated"]
    space: str
    received_on: dt.date
    due_date: dt.date
    deadline: dt.date


class AttendanceIn(Schema):
    submission_key: uuid.UUID = Field(
        description="Clave de envío del otro sistema: una llamada repetida guarda un solo registro."
    )
    full_name: Annotated[Text, Field(min_length=1, max_length=200)]
    document_type: choice(DocumentType.values, "Tipo de documento.")
    document_number: Annotated[Text, Field(min_length=1, max_length=30)]
    email: Annotated[Text, Field(max_length=254)] = ""
    phone: Annotated[Text, Field(max_length=40)] = ""
    sex: choice(Sex.values, "Sexo (categorías del DANE).")
    age: int | None = Field(None, ge=0, le=120, description="Edad en años.")
    age_range: choice(list(AGE_RANGE_GROUP), "Rango de edad, si no se dio la edad.") | None = None
    guardian_consent: bool = False
    locality: Annotated[Text, Field(max_length=120)] = ""
    stakeholder_group: Annotated[Text, Field(max_length=120)] = ""
    contact_consent: bool = False
    consent: bool = Field(description="Autorización de tratamiento de datos (Ley 1581 de 2012).")
    consent_version: Annotated[Text, Field(max_length=40)] | None = Field(
        None, description="Versión del texto de autorización que aceptó (por defecto, la vigente)."
    )
    topic: Annotated[Text, Field(max_length=300)] = ""


class AttendanceOut(Schema):
    outcome: Literal["created", "repeated", "same_person"]
    space: str
    age_group: choice(AgeGroup.values, "Grupo de edad calculado.")


class ProgressIn(Schema):
    date: dt.date
    note: Annotated[Text, Field(min_length=1, max_length=2000)]
    status: choice(CommitmentStatus.values, "Nuevo estado del compromiso.")
    evidence_url: Annotated[Text, Field(max_length=500)] = ""
