"""The generic MURC-shaped template shipped with Rendición, as spreadsheet rows.

It is loaded through the same import as any other template (assessment_template_builtin_load),
so the official autodiagnóstico of Función Pública can replace it by loading its rows in the same
layout. Stages are the MURC's; each groups its items by the MURC's elements: information,
dialogue and responsibility.
"""

from decimal import Decimal

from .spreadsheet import DEFAULT_BANDS, AssessmentRow, AssessmentSheet

NAME = "Autodiagnóstico de rendición de cuentas — plantilla genérica MURC"
DESCRIPTION = (
    "Plantilla genérica con la forma del Manual Único de Rendición de Cuentas (MURC): en cada "
    "etapa, los elementos información, diálogo y responsabilidad. Puede reemplazarla por las "
    "filas de la herramienta oficial de autodiagnóstico, cargadas con el mismo formato."
)
THRESHOLD = Decimal("80.0")

APRESTAMIENTO = "Aprestamiento"
DISENO = "Diseño"
PREPARACION = "Preparación"
EJECUCION = "Ejecución"
SEGUIMIENTO = "Seguimiento y evaluación"
INFORMACION = "Información"
DIALOGO = "Diálogo"
RESPONSABILIDAD = "Responsabilidad"

# (stage, category, item). The aprestamiento looks back at how the previous year went.
ITEMS = [
    (
        APRESTAMIENTO,
        DIALOGO,
        "La convocatoria de la ciudadanía y los grupos de interés para participar en los "
        "espacios de diálogo.",
    ),
    (
        APRESTAMIENTO,
        DIALOGO,
        "La identificación de los espacios de participación y de los canales que prefieren los "
        "grupos de valor.",
    ),
    (
        APRESTAMIENTO,
        INFORMACION,
        "El análisis del estado de la rendición de cuentas de la entidad, con los resultados del "
        "FURAG y de las evaluaciones del año anterior.",
    ),
    (
        APRESTAMIENTO,
        INFORMACION,
        "La caracterización de los grupos de valor y partes interesadas, actualizada.",
    ),
    (
        APRESTAMIENTO,
        INFORMACION,
        "La publicación de la información a través de los diferentes canales de comunicación.",
    ),
    (APRESTAMIENTO, INFORMACION, "La identificación de las necesidades de los grupos de valor."),
    (
        APRESTAMIENTO,
        RESPONSABILIDAD,
        "La conformación del equipo líder de la rendición de cuentas, con roles y "
        "responsabilidades definidos.",
    ),
    (
        APRESTAMIENTO,
        RESPONSABILIDAD,
        "La capacitación del equipo líder y de los servidores en rendición de cuentas y lenguaje "
        "claro.",
    ),
    (
        DISENO,
        DIALOGO,
        "La definición de los espacios de diálogo (audiencias y diálogos temáticos), su "
        "metodología y su cronograma.",
    ),
    (
        DISENO,
        DIALOGO,
        "Disponer de mecanismos para que los grupos de interés colaboren en la generación, "
        "análisis y divulgación de la información para la rendición de cuentas.",
    ),
    (
        DISENO,
        INFORMACION,
        "La definición de los temas y de la información que se entregará en cada espacio, a "
        "partir de las necesidades identificadas.",
    ),
    (
        DISENO,
        INFORMACION,
        "Identificar la información que podría ser generada y analizada por los grupos de "
        "interés de manera colaborativa.",
    ),
    (
        DISENO,
        INFORMACION,
        "La definición de los canales de publicación y divulgación de la información.",
    ),
    (
        DISENO,
        RESPONSABILIDAD,
        "La definición de cómo se registrarán y seguirán los compromisos que resulten de los "
        "espacios.",
    ),
    (
        PREPARACION,
        INFORMACION,
        "El informe de gestión, elaborado en lenguaje claro y publicado antes de la audiencia.",
    ),
    (
        PREPARACION,
        INFORMACION,
        "Los informes de los temas de cada diálogo, publicados antes de cada espacio.",
    ),
    (
        PREPARACION,
        DIALOGO,
        "La logística, los formularios de asistencia y evaluación y los canales de transmisión "
        "de cada espacio, preparados.",
    ),
    (
        PREPARACION,
        RESPONSABILIDAD,
        "La asignación de responsables para responder las preguntas de la ciudadanía.",
    ),
    (
        EJECUCION,
        INFORMACION,
        "La presentación de la gestión, los resultados y el presupuesto con datos verificables.",
    ),
    (
        EJECUCION,
        DIALOGO,
        "La realización de los espacios de diálogo previstos, presenciales y virtuales.",
    ),
    (
        EJECUCION,
        DIALOGO,
        "La respuesta a las preguntas de la ciudadanía en el espacio o dentro de los términos de "
        "ley.",
    ),
    (EJECUCION, RESPONSABILIDAD, "El registro de los compromisos asumidos en los espacios."),
    (
        SEGUIMIENTO,
        INFORMACION,
        "La publicación de los informes de resultados de cada espacio y de la estrategia.",
    ),
    (
        SEGUIMIENTO,
        DIALOGO,
        "La evaluación de los espacios con los participantes y el análisis de sus resultados.",
    ),
    (SEGUIMIENTO, RESPONSABILIDAD, "El seguimiento público al cumplimiento de los compromisos."),
    (
        SEGUIMIENTO,
        RESPONSABILIDAD,
        "Las acciones de mejora formuladas a partir de la evaluación de la rendición de cuentas.",
    ),
]


def murc_template_sheet() -> AssessmentSheet:
    """The generic template as a spreadsheet would hold it (no scores)."""
    return AssessmentSheet(
        rows=[
            AssessmentRow(row=number, stage=stage, category=category, text=text)
            for number, (stage, category, text) in enumerate(ITEMS, start=2)
        ],
        threshold=THRESHOLD,
        bands=list(DEFAULT_BANDS),
    )
