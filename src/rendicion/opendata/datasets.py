"""The open datasets: what each publishes, its column dictionary, and its rows for one entity and
year, read from the other apps' selectors when requested.

Built on request rather than stored: every figure is current the moment a record changes, there
is nothing to regenerate or to get out of step, and each dataset costs a fixed number of queries
whatever the amount of data (the views' tests pin them). The long list (published answers)
streams from the database with `.iterator()`; the aggregate tables of a year are small (spaces ×
categories) and are protected whole by `suppression` before the first row is written.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rendicion.assessment.selectors import self_assessment_for_strategy
from rendicion.commitments.selectors import commitment_list, commitment_rows
from rendicion.core.exporters import ColumnType, ExportColumn, Exporter, exporter_register
from rendicion.core.models import Entity
from rendicion.questions.selectors import published_answer_rows, topic_list_public
from rendicion.spaces.models import Modality, SpaceKind, SpaceStatus
from rendicion.spaces.selectors import space_list
from rendicion.strategy.models import Strategy
from rendicion.strategy.selectors import strategy_detail, strategy_get

from .suppression import MISSING_VALUES, RESERVED, SMALL
from .tables import (
    EVALUATION_DIMENSIONS,
    PARTICIPATION_DIMENSIONS,
    TOTAL,
    YEAR,
    evaluation_table,
    participation_table,
)

TEXT, INTEGER, NUMBER, DATE = (
    ColumnType.TEXT,
    ColumnType.INTEGER,
    ColumnType.NUMBER,
    ColumnType.DATE,
)
# Frictionless / Table Schema types of the exporter's column types.
SCHEMA_TYPES = {
    ColumnType.TEXT: "string",
    ColumnType.INTEGER: "integer",
    ColumnType.NUMBER: "number",
    ColumnType.DATE: "date",
    ColumnType.DATETIME: "datetime",
    ColumnType.BOOLEAN: "boolean",
}
TYPE_NAMES = {
    ColumnType.TEXT: _("texto"),
    ColumnType.INTEGER: _("número entero"),
    ColumnType.NUMBER: _("número decimal"),
    ColumnType.DATE: _("fecha (AAAA-MM-DD)"),
    ColumnType.DATETIME: _("fecha y hora"),
    ColumnType.BOOLEAN: _("sí o no"),
}
SUPPRESSION_NOTE = _(
    "«<5»: menos de 5 personas; «reservado»: 5 o más, oculto para que no se pueda calcular una "
    "celda «<5» restando del total."
)
PEOPLE = _("personas")


@dataclass(frozen=True)
class Field:
    """One column and its entry in the dictionary."""

    name: str  # header in CSV and XLSX, key in JSON: lower case, no spaces, no accents
    type: ColumnType
    description: Any  # Spanish
    unit: Any = ""
    suppressed: bool = False  # may hold SMALL or RESERVED instead of the count

    @property
    def full_description(self) -> str:
        if self.suppressed:
            return f"{self.description} {SUPPRESSION_NOTE}"
        return str(self.description)


class Dataset(Exporter):
    """An open dataset of one entity and year. Subclasses set the metadata, `fields` and `rows`."""

    slug: ClassVar[str] = ""  # Spanish, in URLs and CKAN names
    description: ClassVar[Any] = ""
    keywords: ClassVar[tuple[str, ...]] = ()
    fields: ClassVar[Sequence[Field]] = ()
    aggregate: ClassVar[bool] = False  # counts of people, protected by suppression
    formats = ("csv", "json", "xlsx")
    freeze_panes = "A2"

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        cls.identifier = f"opendata.{cls.slug}"
        cls.sheet_title = cls.slug[:31]
        cls.columns = tuple(ExportColumn(f.name, f.name, f.type) for f in cls.fields)

    def __init__(self, *, entity: Entity | None, year: int) -> None:
        self.entity = entity
        self.year = year

    def filename(self) -> str:
        return f"{self.slug}-{self.year}"

    @property
    def name(self) -> str:
        """The CKAN package name: unique in the catalogue, lower case."""
        return f"{self.slug}-{self.year}"

    @property
    def title(self) -> str:
        return f"{self.verbose_name} {self.year}"

    # Shared reads -------------------------------------------------------------------------

    def strategy(self) -> Strategy | None:
        try:
            return strategy_get(entity=self.entity, year=self.year)
        except Strategy.DoesNotExist:
            return None

    def spaces(self):
        return space_list(entity=self.entity, year=self.year).prefetch_related(None)

    def space_rows(self) -> list[dict]:
        return list(
            self.spaces()
            .annotate(channel_views=Sum("channels__views"))
            .values(
                "pk",
                "slug",
                "title",
                "kind",
                "starts_at",
                "modality",
                "status",
                "venue_name",
                "venue_locality",
                "topics",
                "channel_views",
            )
        )


DATASETS: list[type[Dataset]] = []


def dataset_register(dataset: type[Dataset]) -> type[Dataset]:
    exporter_register(dataset)
    DATASETS.append(dataset)
    return dataset


def dataset_get(slug: str) -> type[Dataset]:
    for dataset in DATASETS:
        if dataset.slug == slug:
            return dataset
    raise LookupError(slug)


def _space_columns() -> tuple[Field, ...]:
    return (
        Field("vigencia", INTEGER, _("Año de la estrategia de rendición de cuentas."), _("año")),
        Field("espacio", TEXT, _("Identificador del espacio (su dirección corta).")),
        Field("espacio_nombre", TEXT, _("Nombre del espacio.")),
    )


@dataset_register
class SpacesDataset(Dataset):
    slug = "espacios"
    verbose_name = _("Espacios de rendición de cuentas")
    description = _(
        "Audiencias públicas y diálogos ciudadanos de la vigencia: tipo, fecha, modalidad, lugar, "
        "temas y cuántas personas asistieron y evaluaron, y las visualizaciones en los canales."
    )
    keywords = ("rendición de cuentas", "audiencia pública", "diálogo ciudadano", "participación")
    aggregate = True
    fields = (
        *_space_columns(),
        Field("tipo", TEXT, _("Tipo de espacio: audiencia pública o diálogo ciudadano.")),
        Field("fecha", DATE, _("Fecha de realización (hora de Bogotá).")),
        Field("modalidad", TEXT, _("Presencial, virtual o mixto.")),
        Field("estado", TEXT, _("Programado, realizado o cancelado.")),
        Field("lugar", TEXT, _("Nombre del lugar, cuando es presencial o mixto.")),
        Field("localidad", TEXT, _("Localidad o municipio del lugar.")),
        Field("temas", TEXT, _("Temas del espacio, separados por « | ».")),
        Field("asistentes", INTEGER, _("Personas que registraron asistencia."), PEOPLE, True),
        Field("evaluaciones", INTEGER, _("Personas que evaluaron el espacio."), PEOPLE, True),
        Field(
            "visualizaciones",
            INTEGER,
            _("Visualizaciones registradas en los canales de transmisión (vacío si no hay)."),
            _("visualizaciones"),
        ),
    )

    def rows(self) -> Iterator[dict]:
        spaces = self.space_rows()
        pks = [row["pk"] for row in spaces]
        attendance = participation_table(spaces=self.spaces(), space_pks=pks)
        evaluations = evaluation_table(spaces=self.spaces(), space_pks=pks)
        for row in spaces:
            yield {
                "vigencia": self.year,
                "espacio": row["slug"],
                "espacio_nombre": row["title"],
                "tipo": str(SpaceKind(row["kind"]).label),
                "fecha": timezone.localtime(row["starts_at"]).date(),
                "modalidad": str(Modality(row["modality"]).label),
                "estado": str(SpaceStatus(row["status"]).label),
                "lugar": row["venue_name"],
                "localidad": row["venue_locality"],
                "temas": " | ".join(str(topic) for topic in row["topics"] or []),
                "asistentes": attendance.total(row["pk"]),
                "evaluaciones": evaluations.total(row["pk"]),
                "visualizaciones": row["channel_views"],
            }


@dataset_register
class ParticipationDataset(Dataset):
    slug = "participacion"
    verbose_name = _("Participación por espacio")
    description = _(
        "Asistentes de cada espacio y del total de la vigencia por sexo, grupo de edad, localidad "
        "y grupo de valor. Sin datos personales: solo conteos, con las cifras pequeñas ocultas."
    )
    keywords = ("participación ciudadana", "sexo", "grupo de edad", "localidad", "grupo de valor")
    aggregate = True
    fields = (
        *_space_columns(),
        Field(
            "dimension",
            TEXT,
            _("Variable: total, sexo, grupo_edad, localidad o grupo_de_valor."),
        ),
        Field("categoria", TEXT, _("Código de la categoría dentro de la variable.")),
        Field("categoria_nombre", TEXT, _("Nombre de la categoría.")),
        Field("personas", INTEGER, _("Personas que asistieron."), PEOPLE, True),
    )

    def rows(self) -> Iterator[dict]:
        spaces = self.space_rows()
        table = participation_table(spaces=self.spaces(), space_pks=[row["pk"] for row in spaces])
        everyone = {"pk": YEAR, "slug": YEAR, "title": str(_("Todos los espacios de la vigencia"))}
        for row in [*spaces, everyone]:
            base = {"vigencia": self.year, "espacio": row["slug"], "espacio_nombre": row["title"]}
            yield {
                **base,
                "dimension": TOTAL,
                "categoria": TOTAL,
                "categoria_nombre": str(_("Total")),
                "personas": table.total(row["pk"]),
            }
            for dimension in PARTICIPATION_DIMENSIONS:
                for code, name in table.categories[dimension]:
                    yield {
                        **base,
                        "dimension": dimension,
                        "categoria": code,
                        "categoria_nombre": name,
                        "personas": table.shown(row["pk"], dimension, code),
                    }


RATINGS = {
    "satisfaction": ("satisfaccion_promedio", _("Satisfacción general promedio")),
    "clarity": ("claridad_promedio", _("Claridad de la información, promedio")),
    "usefulness": ("utilidad_promedio", _("Utilidad del espacio, promedio")),
}


@dataset_register
class EvaluationsDataset(Dataset):
    slug = "evaluaciones"
    verbose_name = _("Resultados de la evaluación de los espacios")
    description = _(
        "Lo que respondieron quienes evaluaron cada espacio: calificaciones promedio de 1 a 5 y "
        "respuestas a si se habló de su tema y si volverían a participar."
    )
    keywords = ("evaluación", "satisfacción", "participación ciudadana")
    aggregate = True
    fields = (
        *_space_columns(),
        Field("evaluaciones", INTEGER, _("Personas que evaluaron el espacio."), PEOPLE, True),
        *(
            Field(
                column,
                NUMBER,
                _("%(rating)s, de 1 (muy bajo) a 5 (muy alto); vacío si se ocultó el conteo.")
                % {"rating": label},
                _("puntos (1 a 5)"),
            )
            for column, label in RATINGS.values()
        ),
        *(
            Field(
                f"{dimension}_{code}",
                INTEGER,
                _("Personas que respondieron «%(answer)s» a «%(question)s».")
                % {"answer": answer, "question": question},
                PEOPLE,
                True,
            )
            for dimension, (_prefix, question) in EVALUATION_DIMENSIONS.items()
            for code, answer in (("si", _("Sí")), ("en_parte", _("En parte")), ("no", _("No")))
        ),
    )

    def rows(self) -> Iterator[dict]:
        spaces = self.space_rows()
        table = evaluation_table(spaces=self.spaces(), space_pks=[row["pk"] for row in spaces])
        averages = table.extra["averages"]
        everyone = {"pk": YEAR, "slug": YEAR, "title": str(_("Todos los espacios de la vigencia"))}
        for row in [*spaces, everyone]:
            pk = row["pk"]
            values = {
                "vigencia": self.year,
                "espacio": row["slug"],
                "espacio_nombre": row["title"],
                "evaluaciones": table.total(pk),
            }
            for rating, (column, _label) in RATINGS.items():
                values[column] = averages.get((pk, rating))
            for dimension in EVALUATION_DIMENSIONS:
                for code, _name in table.categories[dimension]:
                    values[f"{dimension}_{code}"] = table.shown(pk, dimension, code)
            yield values


@dataset_register
class ActivitiesDataset(Dataset):
    slug = "cronograma"
    verbose_name = _("Cronograma de la estrategia")
    description = _(
        "Actividades de la estrategia de rendición de cuentas con su meta, responsables, "
        "trimestres, estado y porcentaje de avance."
    )
    keywords = ("estrategia", "cronograma", "plan de acción", "avance")
    fields = (
        Field("vigencia", INTEGER, _("Año de la estrategia."), _("año")),
        Field("numero", INTEGER, _("Número de la actividad en el cronograma.")),
        Field("actividad", TEXT, _("Nombre de la actividad.")),
        Field("etapa", TEXT, _("Etapa de la estrategia a la que pertenece.")),
        Field("meta", TEXT, _("Meta o producto de la actividad.")),
        Field("responsables", TEXT, _("Dependencias responsables, separadas por « | ».")),
        Field("trimestres", TEXT, _("Trimestres en que se ejecuta, separados por comas.")),
        Field("estado", TEXT, _("Pendiente, en curso, cumplida o no cumplida.")),
        Field("avance", INTEGER, _("Porcentaje de avance."), _("porcentaje (0 a 100)")),
    )

    def rows(self) -> Iterator[dict]:
        strategy = self.strategy()
        if strategy is None:
            return
        for row in strategy_detail(strategy=strategy).activities:
            activity = row.activity
            yield {
                "vigencia": self.year,
                "numero": activity.number,
                "actividad": activity.name,
                "etapa": activity.stage.name if activity.stage else "",
                "meta": activity.target,
                "responsables": " | ".join(row.responsible_names),
                "trimestres": ", ".join(str(q) for q in activity.quarters),
                "estado": str(row.progress.status_label),
                "avance": row.progress.percent,
            }


@dataset_register
class AnswersDataset(Dataset):
    slug = "preguntas-respuestas"
    verbose_name = _("Preguntas ciudadanas y respuestas publicadas")
    description = _(
        "Las preguntas de la ciudadanía y las respuestas de la entidad, revisadas y publicadas. "
        "No incluye quién preguntó."
    )
    keywords = ("preguntas", "respuestas", "derecho de petición", "transparencia")
    fields = (
        *_space_columns(),
        Field("recibida", DATE, _("Fecha en que se recibió la pregunta.")),
        Field("pregunta", TEXT, _("Texto de la pregunta, revisado.")),
        Field("respuesta", TEXT, _("Respuesta publicada.")),
        Field("dependencia", TEXT, _("Dependencia que respondió.")),
        Field("publicada", DATE, _("Fecha de publicación de la respuesta.")),
    )

    def rows(self) -> Iterator[list]:
        year = self.year
        rows = published_answer_rows(spaces=self.spaces())
        for slug, title, received, question, answer, office, published in rows.iterator(
            chunk_size=2000
        ):
            yield [
                year,
                slug,
                title,
                timezone.localtime(received).date(),
                question,
                answer,
                office,
                timezone.localtime(published).date() if published else None,
            ]


@dataset_register
class CommitmentsDataset(Dataset):
    slug = "compromisos"
    verbose_name = _("Compromisos con la ciudadanía")
    description = _(
        "Compromisos adquiridos en los espacios, con la dependencia responsable, la fecha de "
        "cumplimiento, el estado (vencido se calcula) y el último avance."
    )
    keywords = ("compromisos", "seguimiento", "rendición de cuentas")
    fields = (
        *_space_columns(),
        Field("compromiso", TEXT, _("Lo que la entidad se comprometió a hacer.")),
        Field("dependencia", TEXT, _("Dependencia responsable.")),
        Field("fecha_cumplimiento", DATE, _("Fecha en que debe cumplirse.")),
        Field("estado", TEXT, _("Pendiente, en curso, cumplido o vencido.")),
        Field("avances", INTEGER, _("Avances registrados."), _("avances")),
        Field("ultimo_avance_fecha", DATE, _("Fecha del último avance.")),
        Field("ultimo_avance", TEXT, _("Descripción del último avance.")),
    )

    def rows(self) -> Iterator[dict]:
        commitments = commitment_list(entity=self.entity, year=self.year)
        for row in commitment_rows(commitments):
            commitment, last = row.commitment, row.last_progress
            yield {
                "vigencia": self.year,
                "espacio": commitment.space.slug,
                "espacio_nombre": commitment.space.title,
                "compromiso": commitment.description,
                "dependencia": commitment.office.name,
                "fecha_cumplimiento": commitment.due_date,
                "estado": row.state_label,
                "avances": len(row.progress),
                "ultimo_avance_fecha": last.date if last else None,
                "ultimo_avance": last.note if last else "",
            }


@dataset_register
class TopicsDataset(Dataset):
    slug = "temas-propuestos"
    verbose_name = _("Temas propuestos por la ciudadanía")
    description = _(
        "Temas que la ciudadanía pidió tratar y su estado. Solo los textos revisados por la "
        "entidad: los que esperan revisión no se publican."
    )
    keywords = ("temas propuestos", "participación ciudadana", "consulta")
    fields = (
        Field("vigencia", INTEGER, _("Año de la estrategia."), _("año")),
        Field("tema", TEXT, _("Texto del tema, revisado.")),
        Field("estado", TEXT, _("En estudio, incluido o no incluido.")),
        Field("dependencia", TEXT, _("Dependencia a cargo.")),
        Field("incluido_en", TEXT, _("Espacio en que se incluyó.")),
        Field("propuesto_para", TEXT, _("Espacio para el que se propuso.")),
        Field("motivo", TEXT, _("Por qué no se incluyó, o nota pública de la entidad.")),
        Field("veces_propuesto", INTEGER, _("Veces que se propuso el mismo tema."), _("veces")),
    )

    def rows(self) -> Iterator[dict]:
        if self.entity is None:
            return
        topics, _waiting = topic_list_public(entity=self.entity, year=self.year)
        for topic in topics:
            yield {
                "vigencia": self.year,
                "tema": topic.text,
                "estado": topic.state_label,
                "dependencia": topic.office or "",
                "incluido_en": topic.included_in or "",
                "propuesto_para": topic.proposed_for or "",
                "motivo": topic.state_note,
                "veces_propuesto": topic.times_proposed,
            }


@dataset_register
class SelfAssessmentDataset(Dataset):
    slug = "autodiagnostico"
    verbose_name = _("Autodiagnóstico de rendición de cuentas")
    description = _(
        "Puntajes del autodiagnóstico MURC/FURAG hecho en el aprestamiento de la estrategia (el "
        "del año anterior), por etapa y categoría, de 0 a 100."
    )
    keywords = ("autodiagnóstico", "MURC", "FURAG", "evaluación institucional")
    fields = (
        Field("vigencia", INTEGER, _("Año de la estrategia."), _("año")),
        Field("vigencia_autodiagnostico", INTEGER, _("Año evaluado."), _("año")),
        Field("nivel", TEXT, _("total, etapa o categoría.")),
        Field("etapa", TEXT, _("Etapa del MURC.")),
        Field("categoria", TEXT, _("Categoría dentro de la etapa.")),
        Field("puntaje", NUMBER, _("Puntaje, con un decimal."), _("puntos (0 a 100)")),
    )

    def rows(self) -> Iterator[dict]:
        strategy = self.strategy()
        summary = self_assessment_for_strategy(strategy=strategy) if strategy else None
        if summary is None:
            return
        base = {"vigencia": self.year, "vigencia_autodiagnostico": summary.year}
        yield {
            **base,
            "nivel": "total",
            "etapa": "",
            "categoria": "",
            "puntaje": float(summary.score),
        }
        for stage, score in summary.stages:
            yield {
                **base,
                "nivel": "etapa",
                "etapa": stage,
                "categoria": "",
                "puntaje": float(score),
            }
        for stage, category, score in summary.categories:
            yield {
                **base,
                "nivel": "categoria",
                "etapa": stage,
                "categoria": category,
                "puntaje": float(score),
            }


__all__ = ["DATASETS", "MISSING_VALUES", "RESERVED", "SMALL", "Dataset", "Field", "dataset_get"]
