"""What the seed report says in the entity's own words, and the memory of its spaces.

- The «Responsable» column of the cronograma as the entity wrote it (one line per item there).
- The planteamiento general of the 2023 dialogues, with its frequency rule.
- The results presented in the hearing about 2022 (the seed's «Audiencia en imágenes»).
- The entity's paragraphs for the report (its narratives), with the seed's figures only.
- Photos: the seed's photos are not ours to copy, so each space gets a drawn placeholder that
  says it is one, with alternative text that says so too. The entity replaces them.
"""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from rendicion.reports.narratives import report_narratives_save
from rendicion.spaces import services as space_services
from rendicion.spaces.models import Space
from rendicion.strategy import services as strategy_services
from rendicion.strategy.models import Strategy

RESPONSIBLE_AS_WRITTEN = {
    1: "Dependencias en cabeza de la Oficina Asesora de Planeación",
    2: "Despacho SGeneral; Oficina Asesora de Planeación; Asesor (a) del Despacho para "
    "comunicaciones; Dependencias identificadas",
    3: "Oficina Asesora de Planeación; Asesor (a) del Despacho para comunicaciones",
    4: "Despacho SGeneral; Oficina Asesora de Planeación; Asesor(a) Despacho para comunicaciones",
    5: "Despacho SGeneral; Oficina Asesora de Planeación; Asesor (a) del Despacho para "
    "comunicaciones; Dependencias identificadas",
    6: "Dependencias líderes de cada tema",
    7: "Oficina Asesora de Planeación; Dependencias líderes de cada tema",
    8: "Despacho SGeneral; Oficina Asesora de Planeación; Equipo de comunicaciones",
    9: "Oficina Asesora de Planeación",
    10: "Oficina Asesora de Planeación; Equipo de comunicaciones",
    11: "Oficina Asesora de Planeación; Equipo de comunicaciones",
    12: "Oficina Asesora de Planeación",
    13: "Oficina Asesora de Planeación",
}

DIALOGUE_PLAN = strategy_services.DialoguePlanData(
    purposes=[
        "Realizar diálogos temáticos a partir de los intereses manifestados por la ciudadanía.",
        "Realizar diálogos temáticos a partir de tema o temas claves llamativos para "
        "visibilizar la gestión de la Secretaría General.",
    ],
    themes=[
        "Paz, víctimas y reconciliación",
        "Atención para los derechos de las víctimas, la paz y la reconciliación",
        "Tecnologías de la Información y las Comunicaciones",
        "Servicios a la Ciudadanía",
    ],
    modalities=["Presencial", "Virtual", "Mixto"],
    duration_minutes=90,
    methodology=[
        "Conversatorio entre directivos y audiencia.",
        "Exposición de logros a partir de preguntas.",
        "Ferias de servicio y espacios de ejercicio colaborativo",
    ],
    structure=[
        "Introducción – pregunta para el público",
        "Temas claves",
        "Espacio de preguntas y respuestas",
    ],
    venues=["Aulas Barulé", "SuperCADES"],
    min_per_quarter=1,
    from_quarter=2,
    frequency_text="Mínimo un (1) diálogo trimestral, a partir del segundo trimestre del año",
)

HEARING_SLUG = "audiencia-publica-2023"
# heading, text, figures (value, label, period): as the seed's «Audiencia en imágenes» gives them.
HEARING_HIGHLIGHTS = [
    (
        "Gobierno Abierto Bogotá Estrategia omnicanal: Chatico",
        "Actualización y entrenamiento diario. ¡Cifras históricas!",
        [
            ("339876", "interacciones", "entre junio y diciembre de 2022"),
            ("135000", "votos en procesos de participación ciudadana", ""),
            ("661", "intenciones activas: trámites, servicios e información", ""),
        ],
    ),
    (
        "Sistema Distrital del Cuidado",
        "Mejora en la captura de datos de beneficiarias/os del Sistema Distrital del Cuidado.",
        [],
    ),
    (
        "Crédito Peso a Peso",
        "Alternativas para el acceso a créditos para vendedores informales.",
        [],
    ),
]

# The entity's paragraphs, from the seed's text (blank lines separate paragraphs).
NARRATIVES = {
    "readiness": (
        "La Oficina Asesora de Planeación coordinó el desarrollo de la estrategia. El equipo "
        "base se conformó con la asesora de comunicaciones para el Despacho, las dependencias "
        "con temas clave y los gestores de transparencia.\n\n"
        "Cada dependencia aportó información clave y de interés para la ciudadanía en términos "
        "de presupuesto, metas, gestión, logros y apuestas 2023."
    ),
    "cronograma": "Las dependencias definieron sus actividades y las fechas de ejecución.",
    "hearings": (
        "De acuerdo con la programación propuesta en la parrilla de piezas de comunicación, se "
        "publicaron invitaciones en los canales institucionales definidos, lo cual aportó a la "
        "importante asistencia que tuvo la audiencia."
    ),
    "dialogues": (
        "Para diseñar los diálogos ciudadanos de 2023 se identificaron los propósitos, los "
        "temas generales y características como metodología, duración, estructura, posibles "
        "lugares y fechas."
    ),
    "proposed_topics": (
        "Se recogieron las sugerencias temáticas hechas por la ciudadanía asistente a los "
        "diálogos ciudadanos y a la Audiencia Pública de Rendición de Cuentas vigencia 2022."
    ),
}

PLACEHOLDER_CAPTION = (
    "Imagen de demostración generada por Rendición: la entidad la reemplaza por sus fotografías."
)
PLACEHOLDER_CREDIT = "Rendición (imagen generada, no es una fotografía)"
PLACEHOLDER_CONSENT = "No aparecen personas: es una ilustración generada."
COLOURS = ["#1f5f8b", "#2e7d32", "#8e3b5b", "#6d4c41", "#37474f"]


def _placeholder_jpeg(title: str, colour: str) -> bytes:
    """A drawn placeholder (a stylised stage and audience, no people): honest about what it is."""
    image = Image.new("RGB", (1200, 800), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((120, 120, 1080, 470), fill="#f5f5f5")  # a screen
    draw.rectangle((160, 160, 1040, 200), fill="#bdbdbd")
    for row in range(3):
        for seat in range(10):
            x, y = 130 + seat * 96, 560 + row * 70
            draw.rounded_rectangle((x, y, x + 70, y + 44), radius=10, fill="#e0e0e0")
    draw.text((170, 250), "Imagen ilustrativa (no es una fotografía)", fill="#1b1b1b")
    draw.text((170, 290), title[:90], fill="#1b1b1b")
    output = io.BytesIO()
    image.save(output, "JPEG", quality=80)
    return output.getvalue()


def memory_load(*, strategy: Strategy) -> None:
    """Idempotent: each part is written only when missing."""
    strategy_services.dialogue_plan_save(actor=None, strategy=strategy, data=DIALOGUE_PLAN)
    hearing = Space.objects.get(slug=HEARING_SLUG)
    if not hearing.highlights.exists():
        for heading, text, figures in HEARING_HIGHLIGHTS:
            space_services.space_highlight_add(
                actor=None,
                space=hearing,
                data=space_services.HighlightData(
                    heading=heading,
                    text=text,
                    figures=[
                        space_services.FigureData(value, label, period)
                        for value, label, period in figures
                    ],
                ),
            )
    for n, space in enumerate(Space.objects.filter(strategy=strategy).order_by("starts_at")):
        if space.photos.exists():
            continue
        space_services.space_photo_add(
            actor=None,
            space=space,
            file=SimpleUploadedFile(
                f"{space.slug}.jpg",
                _placeholder_jpeg(space.title, COLOURS[n % len(COLOURS)]),
                content_type="image/jpeg",
            ),
            text=space_services.PhotoText(
                alt_text=(
                    "Ilustración de demostración, no una fotografía: una pantalla y sillas "
                    f"vacías dibujadas, con el texto «{space.title}»."
                ),
                caption=PLACEHOLDER_CAPTION,
                credit=PLACEHOLDER_CREDIT,
                consent_note=PLACEHOLDER_CONSENT,
                is_published=True,
            ),
        )
    report_narratives_save(actor=None, strategy=strategy, texts=NARRATIVES)
