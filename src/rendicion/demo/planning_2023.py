"""The 2023 strategy's aprestamiento: the 2022 self-assessment, the stakeholder groups and their
information needs, the hearing's communication pieces and its convocation. Idempotent.

The seed gives the 2022 self-assessment's result (92,9 sobre 100) and its five points to
strengthen, and names the Secretaría General's groups of value. Where it is silent, the values
are plausible and consistent with it: the item scores (on the generic MURC template) are chosen
so that the overall score is 92.9 and exactly the seed's five items fall under the threshold;
the groups' characterisation and needs are examples, labelled as demo in each description.
"""

from rendicion.assessment import services as assessment_services
from rendicion.assessment.models import SelfAssessment
from rendicion.assessment.murc import ITEMS as MURC_ITEMS
from rendicion.core.models import Entity, Office
from rendicion.spaces.models import PieceState, Space
from rendicion.stakeholders import services as stakeholder_services
from rendicion.stakeholders.models import StakeholderGroup
from rendicion.strategy.models import Strategy

from . import seed_2023 as seed

ASSESSMENT_YEAR = 2022

# The seed's five points to strengthen (2022 self-assessment), in the seed's order.
POINTS_TO_STRENGTHEN = [
    "La convocatoria de la ciudadanía y los grupos de interés para participar en los espacios de "
    "diálogo.",
    "La publicación de la información a través de los diferentes canales de comunicación.",
    "La identificación de las necesidades de los grupos de valor.",
    "Disponer de mecanismos para que los grupos de interés colaboren en la generación, análisis y "
    "divulgación de la información para la rendición de cuentas.",
    "Identificar la información que podría ser generada y analizada por los grupos de interés de "
    "manera colaborativa.",
]

# One score per item of the generic MURC template, in its order. Stage scores (the average of
# their categories): aprestamiento 87.92, diseño 88.33, preparación 95.83, ejecución 96.67,
# seguimiento 95.83; overall 92.9166… → 92.9. Only the seed's five items are under 80.
ITEM_SCORES = [
    70, 100, 100, 100, 65, 60, 100, 95,  # aprestamiento: diálogo, información, responsabilidad
    95, 75, 95, 75, 100, 90,  # diseño: diálogo, información, responsabilidad
    85, 100, 100, 95,  # preparación: información, diálogo, responsabilidad
    100, 100, 100, 90,  # ejecución
    100, 95, 85, 100,  # seguimiento y evaluación
]  # fmt: skip

DEMO_NOTE = "Caracterización de demostración: datos de ejemplo, no son los de la entidad."

HEARING = "audiencia-publica-2023"
RED_CADE = "dialogo-red-cade-2023"
JUSTICIA = "dialogo-justicia-transicional-2023"
TALENTO_DIALOGO = "dialogo-talento-humano-2023"
TERRITORIO = "dialogo-territorio-inteligente-2023"

# name, description, (geographic, demographic, intrinsic, behavioural), offices,
# needs: (topic, office, channel, activity number or None, space slug or None)
GROUPS = [
    (
        "Ciudadanía en general",
        "Personas que viven en Bogotá y usan los servicios de la Secretaría General.",
        (
            "Las 20 localidades de Bogotá, zona urbana y rural.",
            "Personas de todas las edades; la mayoría de quienes asisten son mujeres adultas.",
            "Interés en trámites, servicios y resultados de la gestión; lenguaje claro.",
            "Usa la Red CADE, la Línea 195 y las redes sociales de la entidad.",
        ),
        [seed.SERVICIO, seed.PLANEACION],
        [
            (
                "Trámites, servicios y canales de atención de la Red CADE",
                seed.SERVICIO,
                "Página web y redes sociales",
                None,
                RED_CADE,
            ),
            (
                "Logros de la gestión 2022 y apuestas 2023",
                seed.PLANEACION,
                "Audiencia pública por Facebook Live",
                3,
                HEARING,
            ),
        ],
    ),
    (
        "Organizaciones sociales y comunitarias",
        "Organizaciones de víctimas, juntas de acción comunal y colectivos que trabajan con la "
        "entidad.",
        (
            "Localidades con mayor presencia de víctimas del conflicto y organizaciones barriales.",
            "Líderes y lideresas sociales, personas adultas y mayores.",
            "Interés en paz, víctimas y reconciliación, y en participación ciudadana.",
            "Participan en espacios presenciales y mesas de trabajo.",
        ),
        [seed.PAZ],
        [
            (
                "Atención a los derechos de las víctimas, la paz y la reconciliación",
                seed.PAZ,
                "Diálogo presencial",
                None,
                JUSTICIA,
            ),
        ],
    ),
    (
        "Entes de control",
        "Contraloría, Personería y Veeduría Distrital, y los órganos de control nacionales.",
        (
            "Bogotá D.C.",
            "Servidores de los órganos de control.",
            "Interés en ejecución presupuestal, contratación y cumplimiento de metas.",
            "Solicitan información por escrito y revisan los informes publicados.",
        ),
        [seed.PLANEACION, seed.DESPACHO],
        [
            (
                "Ejecución presupuestal y resultados de los proyectos de inversión",
                seed.PLANEACION,
                "Informe de gestión en la página web",
                3,
                HEARING,
            ),
        ],
    ),
    (
        "Servidores públicos",
        "Servidoras y servidores de la Secretaría General y sus contratistas.",
        (
            "Sedes de la entidad en Bogotá.",
            "Personas adultas con distintos niveles de formación.",
            "Interés en bienestar, capacitación y gestión del talento humano.",
            "Usan el correo institucional y la intranet.",
        ),
        [seed.TALENTO],
        [
            (
                "Gestión del talento humano en la Secretaría General",
                seed.TALENTO,
                "Correo institucional",
                None,
                TALENTO_DIALOGO,
            ),
        ],
    ),
    (
        "Otras entidades del Distrito",
        "Secretarías, institutos y empresas del Distrito que trabajan con la Secretaría General.",
        (
            "Bogotá D.C.",
            "Directivos y equipos técnicos de las entidades.",
            "Interés en tecnologías de la información, gobierno abierto y servicio a la ciudadanía.",
            "Se relacionan por comités, mesas técnicas y correo institucional.",
        ),
        [seed.TIC, seed.PLANEACION],
        [
            (
                "Logros de Bogotá Territorio Inteligente",
                seed.TIC,
                "Transmisión por Facebook Live, YouTube y LinkedIn",
                None,
                TERRITORIO,
            ),
        ],
    ),
    (
        "Academia",
        "Universidades, centros de investigación y estudiantes.",
        (
            "Bogotá y otras ciudades del país.",
            "Docentes, investigadores y jóvenes estudiantes.",
            "Interés en datos abiertos y en la información para analizar la gestión pública.",
            "Consultan el portal de datos abiertos y los informes publicados.",
        ),
        [seed.PLANEACION],
        [
            (
                "Datos abiertos de la Secretaría General",
                seed.PLANEACION,
                "Portal de datos abiertos",
                13,
                None,
            ),
        ],
    ),
    (
        "Medios de comunicación",
        "Medios locales, comunitarios y nacionales que informan sobre la gestión distrital.",
        (
            "Bogotá D.C. y medios nacionales.",
            "Periodistas y equipos de prensa.",
            "Interés en cifras, resultados y noticias de la gestión.",
            "Reciben boletines de prensa y siguen las redes sociales de la entidad.",
        ),
        [seed.COMUNICACIONES],
        [
            (
                "Resultados de la gestión 2022",
                seed.COMUNICACIONES,
                "Boletines de prensa y redes sociales",
                None,
                HEARING,
            ),
        ],
    ),
]

# The hearing's convocation: every group, through the channels the seed names (social networks
# and institutional e-mail), plus the usual ones for control bodies and the media.
HEARING_INVITATIONS = {
    "Ciudadanía en general": ["social", "web"],
    "Organizaciones sociales y comunitarias": ["email", "social"],
    "Entes de control": ["email", "letter"],
    "Servidores públicos": ["email"],
    "Otras entidades del Distrito": ["email"],
    "Academia": ["email", "social"],
    "Medios de comunicación": ["email", "media"],
}


def _assessment(entity: Entity) -> SelfAssessment:
    template = assessment_services.assessment_template_builtin_load(actor=None).template
    assessment = SelfAssessment.objects.filter(entity=entity, year=ASSESSMENT_YEAR).first()
    if assessment is None:
        assessment = assessment_services.assessment_create(
            actor=None, entity=entity, year=ASSESSMENT_YEAR, template=template
        )
    numbers = dict(template.items.values_list("text", "number"))  # the template's own numbering
    assessment_services.assessment_scores_save(
        actor=None,
        assessment=assessment,
        scores={
            numbers[text]: assessment_services.ScoreData(score)
            for (_stage, _category, text), score in zip(MURC_ITEMS, ITEM_SCORES, strict=True)
        },
    )
    return assessment


def _groups(
    entity: Entity, strategy: Strategy, offices: dict[str, Office]
) -> dict[str, StakeholderGroup]:
    existing = {group.name: group for group in StakeholderGroup.objects.filter(entity=entity)}
    activities = {
        activity.number: activity for activity in strategy.activities.select_related("strategy")
    }
    spaces = {space.slug: space for space in Space.objects.filter(strategy=strategy)}
    groups = {}
    for name, description, variables, office_names, needs in GROUPS:
        geographic, demographic, intrinsic, behavioural = variables
        group = stakeholder_services.stakeholder_group_save(
            actor=None,
            entity=entity,
            group=existing.get(name),
            data=stakeholder_services.GroupData(
                name=name,
                description=f"{description} {DEMO_NOTE}",
                geographic=geographic,
                demographic=demographic,
                intrinsic=intrinsic,
                behavioural=behavioural,
                offices=[offices[office] for office in office_names],
            ),
        )
        stakeholder_services.information_needs_replace(
            actor=None,
            group=group,
            needs=[
                stakeholder_services.NeedData(
                    topic=topic,
                    office=offices[office],
                    channel=channel,
                    activity=activities.get(activity) if activity else None,
                    space=spaces.get(slug) if slug else None,
                )
                for topic, office, channel, activity, slug in needs
            ],
        )
        groups[name] = group
    return groups


def _hearing_communication(strategy: Strategy, groups: dict[str, StakeholderGroup]) -> None:
    from rendicion.spaces.services import communication_piece_state_set

    hearing = Space.objects.filter(strategy=strategy, slug=HEARING).first()
    if hearing is None:
        return
    # The seed: the four pieces were designed and circulated (published); their reach is unknown.
    for piece in hearing.pieces.all():
        if piece.state != PieceState.PUBLISHED:
            communication_piece_state_set(
                actor=None, piece=piece, state=PieceState.PUBLISHED, reach=piece.reach
            )
    stakeholder_services.space_invitations_replace(
        actor=None,
        space=hearing,
        invitations=[
            stakeholder_services.InvitationData(groups[name], channels)
            for name, channels in HEARING_INVITATIONS.items()
        ],
    )


def planning_load(*, entity: Entity, strategy: Strategy, offices: dict[str, Office]) -> None:
    """The aprestamiento of the 2023 strategy, through the services staff use."""
    _assessment(entity)
    groups = _groups(entity, strategy, offices)
    _hearing_communication(strategy, groups)
