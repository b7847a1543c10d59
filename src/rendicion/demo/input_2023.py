"""Citizen input of the seed's year: proposed topics, questions with published answers, commitments.

The seed gives the 15 topics proposed (in 2022's spaces) for the 2023 hearing, all included in it
— the hearing's own topic list — and the 20 topics proposed during 2023. Where it is silent
(dates, channels, the office that studies each topic, what became of the 2023 proposals) the
values are plausible: the 2023 dialogues were built "from the interests citizens expressed", so
the topics that match a 2023 dialogue were proposed at the hearing and included in that
dialogue; three are another entity's business; the rest are in study for the next strategy.
Questions, answers and commitments are fictitious examples (askers at example.invalid).
Idempotent: every record has a fixed key.
"""

import datetime as dt
import uuid

from django.utils import timezone

from rendicion.commitments import services as commitment_services
from rendicion.commitments.models import Commitment
from rendicion.core import services as core_services
from rendicion.core.models import Office
from rendicion.questions import services as question_services
from rendicion.questions.models import AnswerReport, TopicChannel, TopicState
from rendicion.spaces.models import Space
from rendicion.strategy.models import Strategy

from . import seed_2023 as seed
from .spaces_2023 import HEARING_TOPICS

NAMESPACE = uuid.UUID("6f1e7f0c-3c1a-4f55-9d8e-2a7c9b3e2023")
HEARING = "audiencia-publica-2023"
RED_CADE = "dialogo-red-cade-2023"
JUSTICIA = "dialogo-justicia-transicional-2023"
TALENTO = "dialogo-talento-humano-2023"
TERRITORIO = "dialogo-territorio-inteligente-2023"

# The office that leads each of the hearing's 15 topics (proposed in 2022 for the 2023 hearing).
HEARING_TOPIC_OFFICES = {
    "Relaciones internacionales Bogotá": seed.DESPACHO,
    "Resultados proyectos de inversión": seed.PLANEACION,
    "Planes institucionales": seed.PLANEACION,
    "Medidas frente a la COVID -19": seed.DESPACHO,
    "Servicio a la ciudadanía": seed.SERVICIO,
    "Gestión pública": seed.PLANEACION,
    "Gobierno abierto": seed.TIC,
    "Atención a derechos de las víctimas": seed.PAZ,
    "Generación de empleo": seed.DESPACHO,
    "Ejecución presupuestal": seed.PLANEACION,
    "Tecnologías de la Información y las Comunicaciones": seed.TIC,
    "Imprenta Distrital": seed.DESPACHO,
    "Gestión del talento humano": seed.TALENTO,
    "Gestión contractual": seed.DESPACHO,
    "Estados financieros": seed.PLANEACION,
}
# Dates of 2022's spaces and consultations where those topics were proposed.
HEARING_TOPIC_DATES = ["2022-09-29", "2022-11-17", "2022-12-06"]

NOT_OURS = "Es competencia de otra entidad del Distrito; la propuesta se le trasladó."

# (text, proposed on, where proposed, channel, office, state, space for / included in)
TOPICS_2023 = [
    ("Tecnologías de la Información y las comunicaciones", "2023-04-20", HEARING, "chat", seed.TIC, "included", TERRITORIO),
    ("Consejería en temas de tecnología", "2023-11-22", TERRITORIO, "evaluation_form", seed.TIC, "in_study", None),
    ("Programas adulto mayor", "2023-06-30", RED_CADE, "in_room", None, "not_included", None),
    ("Afrocolombianidad", "2023-09-29", JUSTICIA, "paper", seed.DESPACHO, "in_study", None),
    ("Seguridad", "2023-06-30", RED_CADE, "in_room", None, "not_included", None),
    ("Implementación de la Ruta TOAR con participación restaurativa", "2023-04-20", HEARING, "chat", seed.PAZ, "included", JUSTICIA),
    ("Atención para los derechos de las víctimas, la paz y la reconciliación", "2023-04-20", HEARING, "chat", seed.PAZ, "included", JUSTICIA),
    ("Servicio a la Ciudadanía", "2023-04-20", HEARING, "live_comment", seed.SERVICIO, "included", RED_CADE),
    ("Requerimientos Ciudadanos", "2023-06-30", RED_CADE, "evaluation_form", seed.SERVICIO, "in_study", None),
    ("Resultados de proyectos de inversión", "2023-04-20", HEARING, "chat", seed.PLANEACION, "in_study", None),
    ("Derechos campesinos", "2023-09-29", JUSTICIA, "paper", None, "not_included", None),
    ("Apoyo o ayuda a personas en condición de discapacidad y cuidadores", "2023-06-30", RED_CADE, "attendance_form", seed.SERVICIO, "in_study", None),
    ("Gestión pública", "2023-04-20", HEARING, "chat", seed.PLANEACION, "in_study", None),
    ("Planes Institucionales", "2023-10-19", TALENTO, "evaluation_form", seed.PLANEACION, "in_study", None),
    ("Gobierno abierto", "2023-11-22", TERRITORIO, "live_comment", seed.TIC, "in_study", None),
    ("Gestión del talento humano", "2023-04-20", HEARING, "live_comment", seed.TALENTO, "included", TALENTO),
    ("Gestión contractual", "2023-10-19", TALENTO, "evaluation_form", seed.DESPACHO, "in_study", None),
    ("Relaciones Internacionales Bogotá", "2023-04-20", HEARING, "chat", seed.DESPACHO, "in_study", None),
    ("Ejecución presupuestal de la Secretaría General", "2023-10-19", TALENTO, "evaluation_form", seed.PLANEACION, "in_study", None),
    ("Archivo de Bogotá", "2023-11-22", TERRITORIO, "evaluation_form", seed.DESPACHO, "in_study", None),
]  # fmt: skip

# (space, received at (Bogotá), channel, office, question, answer, answered on, asker e-mail)
QUESTIONS = [
    (
        HEARING, "2023-04-20 10:42", "chat", seed.SERVICIO,
        "¿Cuántos trámites se pueden hacer hoy en la Red CADE y cuáles se agregaron en 2022?",
        "En la Red CADE usted puede hacer más de 400 trámites y servicios de 50 entidades. En "
        "2022 agregamos, entre otros, la expedición de certificados de residencia y la "
        "orientación para la devolución del IVA. La lista completa está en la Guía de Trámites "
        "y Servicios de Bogotá.",
        "2023-05-04", "",
    ),
    (
        HEARING, "2023-04-20 11:05", "chat", seed.PLANEACION,
        "¿Dónde puedo ver cómo se gastó el presupuesto de inversión de 2022?",
        "Publicamos la ejecución del presupuesto de inversión en la sección de Transparencia de "
        "nuestra página web. Allí encuentra, por cada proyecto, cuánto se planeó, cuánto se "
        "comprometió y cuánto se pagó. En 2022 ejecutamos el 97 % del presupuesto de inversión.",
        "2023-05-08", "participante.audiencia@example.invalid",
    ),
    (
        HEARING, "2023-04-20 11:20", "stream_comment", seed.TIC,
        "¿Cuántas zonas de wifi gratis hay en Bogotá y cómo sé cuál me queda cerca?",
        "Hoy hay zonas de wifi gratuito en las 20 localidades. Para saber cuál le queda cerca, "
        "consulte el mapa de zonas wifi en la página de la Alta Consejería Distrital de TIC. "
        "Cada zona tiene su dirección y su horario.",
        "2023-05-09", "",
    ),
    (
        RED_CADE, "2023-06-30 10:15", "in_room", seed.SERVICIO,
        "¿Puedo pedir una cita en el SuperCADE por internet?",
        "Sí. Pida su cita en el agendador virtual de la Red CADE, en la página de la Guía de "
        "Trámites y Servicios. Elija el punto de atención, la entidad y la hora que más le "
        "sirva. También puede llamar a la Línea 195.",
        "2023-07-13", "",
    ),
    (
        JUSTICIA, "2023-09-29 10:40", "paper", seed.PAZ,
        "¿Cómo puede una organización de víctimas participar en las iniciativas restaurativas?",
        "La organización puede inscribirse con la Alta Consejería de Paz, Víctimas y "
        "Reconciliación. Le ayudamos a presentar su iniciativa y la acompañamos en las mesas con "
        "las personas comparecientes ante la JEP. Escríbanos o visítenos en el Centro de "
        "Encuentro para la Paz.",
        "2023-10-17", "",
    ),
    (
        TALENTO, "2023-10-19 10:35", "stream_comment", seed.TALENTO,
        "¿Cuándo abren las próximas convocatorias para trabajar en la Secretaría General?",
        "Publicamos las convocatorias en la sección Trabaje con nosotros de nuestra página web "
        "y en el portal de empleo del Distrito. Las vacantes de carrera se proveen por concurso "
        "de la Comisión Nacional del Servicio Civil.",
        "2023-11-02", "",
    ),
    (
        TERRITORIO, "2023-11-22 09:50", "in_room", seed.TIC,
        "¿Qué localidades tendrán nuevas zonas de conectividad en 2024?",
        "En 2024 priorizamos las localidades con menos acceso a internet en los hogares, como "
        "Sumapaz, Usme y Ciudad Bolívar. Publicaremos la lista de nuevas zonas cuando estén "
        "instaladas.",
        "2023-12-06", "",
    ),
]  # fmt: skip

# (space, description, office, due date, [(date, note, status, evidence link)])
COMMITMENTS = [
    (
        RED_CADE,
        "Publicar en la página web la lista de trámites y servicios que se pueden hacer en el "
        "SuperCADE Manitas.",
        seed.SERVICIO,
        "2023-08-31",
        [
            ("2023-07-20", "Lista elaborada con las entidades del SuperCADE.", "in_progress", ""),
            (
                "2023-08-15",
                "Lista publicada en la página de la Red CADE.",
                "done",
                "https://demo.example.invalid/evidencias/red-cade-manitas",
            ),
        ],
    ),
    (
        TALENTO,
        "Hacer una jornada virtual abierta sobre cómo acceder a las convocatorias de empleo de "
        "la Secretaría General.",
        seed.TALENTO,
        "2023-12-15",
        [
            (
                "2023-11-30",
                "Jornada virtual realizada desde la Secretaría General; la grabación quedó publicada.",
                "done",
                "https://demo.example.invalid/evidencias/jornada-convocatorias",
            ),
        ],
    ),
    (
        TERRITORIO,
        "Publicar el balance de conectividad de las zonas wifi gratuitas por localidad.",
        seed.TIC,
        "2024-03-29",
        [("2024-02-20", "Datos de uso recopilados por localidad.", "in_progress", "")],
    ),
]


def _at(value: str) -> dt.datetime:
    return timezone.make_aware(dt.datetime.strptime(value, "%Y-%m-%d %H:%M"))


def _key(*parts: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, "/".join(parts))


def _topics(entity, spaces: dict[str, Space], offices: dict[str, Office]) -> None:
    for n, text in enumerate(HEARING_TOPICS):
        topic = question_services.topic_propose(
            entity=entity,
            text=text,
            channel=TopicChannel.CONSULTATION,
            proposed_on=dt.date.fromisoformat(
                # In the seed's order: the first five at the first date, and so on.
                HEARING_TOPIC_DATES[n * len(HEARING_TOPIC_DATES) // len(HEARING_TOPICS)]
            ),
            proposed_for=spaces[HEARING],
            submission_key=_key("topic", "hearing-2023", text),
        )
        if topic.state == TopicState.RECEIVED:
            question_services.topic_review(
                actor=None,
                topic=topic,
                review=question_services.TopicReview(
                    text=topic.text,
                    state=TopicState.INCLUDED,
                    office=offices[HEARING_TOPIC_OFFICES[text]],
                    included_in=spaces[HEARING],
                    proposed_for=spaces[HEARING],
                ),
            )
    for text, date, where, channel, office, state, space in TOPICS_2023:
        topic = question_services.topic_propose(
            entity=entity,
            text=text,
            channel=channel,
            proposed_on=dt.date.fromisoformat(date),
            proposed_in=spaces[where],
            proposed_for=spaces[space] if space else None,
            submission_key=_key("topic", "2023", text),
        )
        if topic.state == TopicState.RECEIVED:
            question_services.topic_review(
                actor=None,
                topic=topic,
                review=question_services.TopicReview(
                    text=topic.text,
                    state=state,
                    office=offices[office] if office else None,
                    included_in=spaces[space] if state == TopicState.INCLUDED else None,
                    proposed_for=spaces[space] if space else None,
                    state_note=NOT_OURS if state == TopicState.NOT_INCLUDED else "",
                    # The seed published these texts: the entity reviewed them.
                    text_reviewed=True,
                ),
            )


def _questions(entity, spaces: dict[str, Space], offices: dict[str, Office]) -> None:
    consent = core_services.consent_text_ensure(entity=entity)
    for slug, received, channel, office, text, answer, answered_on, email in QUESTIONS:
        result = question_services.question_receive(
            space=spaces[slug],
            data=question_services.QuestionData(
                text=text, channel=channel, asker_email=email, asker_name=""
            ),
            consent_text=consent if email else None,
            submission_key=_key("question", slug, text),
            received_at=_at(received),
        )
        if result.outcome != "created":
            continue
        question = result.question
        question_services.question_route(actor=None, question=question, office=offices[office])
        at = _at(f"{answered_on} 15:00")
        question_services.answer_submit(
            actor=None, question=question, text=answer, at=at - dt.timedelta(days=1)
        )
        question_services.answer_approve(actor=None, question=question, at=at)
    for slug in (HEARING, RED_CADE, JUSTICIA, TALENTO, TERRITORIO):
        space = spaces[slug]
        if not AnswerReport.objects.filter(space=space).exists():
            last = max(_at(f"{q[6]} 15:00") for q in QUESTIONS if q[0] == slug)
            question_services.answer_report_publish(
                actor=None, space=space, at=last + dt.timedelta(days=5)
            )


def _commitments(spaces: dict[str, Space], offices: dict[str, Office]) -> None:
    for slug, description, office, due, progress in COMMITMENTS:
        space = spaces[slug]
        if Commitment.objects.filter(space=space, description=description).exists():
            continue
        commitment = commitment_services.commitment_create(
            actor=None,
            data=commitment_services.CommitmentData(
                space=space,
                description=description,
                office=offices[office],
                due_date=dt.date.fromisoformat(due),
            ),
        )
        for date, note, status, link in progress:
            commitment_services.commitment_progress_add(
                actor=None,
                commitment=commitment,
                date=dt.date.fromisoformat(date),
                note=note,
                status=status,
                evidence_url=link,
            )


def demo_input_load(*, strategy: Strategy, offices: dict[str, Office]) -> None:
    """Topics, questions with their published answers and reports, and commitments of 2023."""
    spaces = {space.slug: space for space in Space.objects.filter(strategy=strategy)}
    _topics(strategy.entity, spaces, offices)
    _questions(strategy.entity, spaces, offices)
    _commitments(spaces, offices)


__all__ = ["demo_input_load"]
