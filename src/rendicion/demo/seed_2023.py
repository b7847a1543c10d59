"""The Secretaría General's 2023 strategy as the seed report lists it.

Where the seed is silent (an activity's stage and quarters, which office leads each dialogue
topic), the values are plausible choices consistent with every figure in the seed.
"""

ENTITY = {
    "name": "Secretaría General de la Alcaldía Mayor de Bogotá D.C.",
    "short_name": "Secretaría General",
    "parent_name": "Alcaldía Mayor de Bogotá D.C.",
    "address": "Carrera 8 No. 10-65, Bogotá D.C.",
    "opening_hours": "Lunes a viernes de 7:00 a. m. a 4:30 p. m.",
    "phone": "Línea 195",
    "email": "",
    "website": "https://secretariageneral.gov.co/",
    "privacy_policy_url": "",
}

DESPACHO = "Despacho de la Secretaría General"
PLANEACION = "Oficina Asesora de Planeación"
COMUNICACIONES = "Equipo de Comunicaciones del Despacho"
# The offices that lead the topics of the 2023 dialogues ("dependencias líderes de cada tema").
SERVICIO = "Subsecretaría de Servicio a la Ciudadanía"
PAZ = "Alta Consejería de Paz, Víctimas y Reconciliación"
TALENTO = "Dirección de Talento Humano"
TIC = "Alta Consejería Distrital de TIC"
TOPIC_LEADS = [SERVICIO, PAZ, TALENTO, TIC]
OFFICES = [DESPACHO, PLANEACION, COMUNICACIONES, *TOPIC_LEADS]

YEAR = 2023

REPORT_PURPOSE = (
    "Informar a la ciudadanía y grupos de interés/valor el avance en el desarrollo de las "
    "actividades planteadas en la estrategia de rendición de cuentas 2023 de la Secretaría "
    "General de la Alcaldía Mayor de Bogotá D.C., en un lenguaje claro y con información "
    "oportuna, en el marco de los derechos y deberes de la participación ciudadana."
)

OBJECTIVE = (
    "Orientar el desarrollo de espacio de rendición de cuentas y de participación incidente sobre "
    "la gestión institucional de la Secretaría General con la ciudadanía, los grupos de interés y "
    "los entes de control, en un lenguaje claro y con información oportuna en el marco de los "
    "derechos y deberes de la participación ciudadana."
)

CHALLENGES = [
    "Sensibilizar a los grupos de valor y partes interesadas sobre la gestión de la Secretaría "
    "General y sus funciones para mejorar su participación en los ejercicios de rendición de "
    "cuentas",
    "Visibilizar los avances de políticas, programas, planes y proyectos de la entidad mediante "
    "el uso de las TIC.",
    "Fortalecer los mecanismos de convocatoria para lograr una mayor participación de los grupos "
    "de valor en los espacios de diálogo ciudadano.",
]

# (number, name, MURC stages, items)
STAGES = [
    (
        1,
        "Aprestamiento y preparación",
        ["readiness", "preparation"],
        [
            "Identificación de roles y equipo responsable de la estrategia.",
            "Resultados FURAG.",
            "Análisis de entorno y necesidades de información.",
            "Autodiagnóstico.",
            "Informe de gestión previo audiencia RdC (Publicado página web).",
            "Elaboración de las piezas comunicacionales RdC.",
            "Difundir informe de gestión previo RdC.",
        ],
    ),
    (
        2,
        "Diseño y ejecución",
        ["design", "execution"],
        [
            "Definir temas espacios RdC",
            "Definir metodología espacios RdC.",
            "Realizar mínimo una audiencia RdC.",
            "Implementar una agenda para el desarrollo de actividades de vinculación y activación "
            "ciudadana a procesos de transparencia, rendición de cuentas, participación y colaboración.",
        ],
    ),
    (
        3,
        "Seguimiento y evaluación",
        ["follow_up"],
        [
            "Elaborar y publicar informe audiencia RdC (Publicado página web).",
            "Dar respuesta a las preguntas de la audiencia RdC (Publicado página web).",
            "Elaborar y publicar informe estrategia RdC.",
            "Registrar en la plataforma Colibrí los compromisos derivados de los espacios de diálogo "
            "y realizar seguimiento a su cumplimiento.",
        ],
    ),
]

# (name, office, responsibilities) — "Equipo para la Rendición de Cuentas y Roles".
TEAM_ROLES = [
    (
        "Despacho de la Secretaría General",
        DESPACHO,
        [
            "Orientó la metodología de la audiencia de rendición de cuentas.",
            "Aprobó el Informe de Rendición de Cuentas y los videos de divulgación.",
            "Presidió las audiencias públicas de rendición.",
        ],
    ),
    (
        "Equipo para Comunicaciones - Despacho",
        COMUNICACIONES,
        [
            "Identificó canales apropiados de difusión de la información.",
            "Formuló el plan de divulgación de la audiencia.",
            "Publicó noticias e información clave sobre la audiencia.",
            "Elaboró las piezas comunicativas.",
            "Realizó la logística de la audiencia pública de rendición de cuentas en lo referente "
            "auditorio, medios tecnológicos, transmisión, etc.",
        ],
    ),
    (
        "Oficina Asesora de Planeación",
        PLANEACION,
        [
            "Elaboró y publicó el Informe de Rendición de Cuentas.",
            "Identificó a los usuarios y partes interesadas de la entidad.",
            "Coordinó con las diferentes áreas de la entidad la metodología de la audiencia.",
            "Proporcionó información para la estrategia de comunicaciones",
            "Direccionó los requerimientos de la ciudadanía e hizo seguimiento a los tiempos de "
            "respuesta.",
            "Elaboró y publicó los resultados de la audiencia de rendición de cuentas (Informes de "
            "Audiencia y de respuestas).",
        ],
    ),
    (
        "Dependencias de la Secretaría General",
        None,
        [
            "Suministraron información sobre su gestión para elaborar informes de rendición de "
            "cuentas.",
            "Hicieron seguimiento a la publicación de información de su competencia en la página web "
            "de la Entidad, con el fin de mantenerla actualizada, con estándares de calidad y "
            "lenguaje claro",
            "Respondieron las preguntas y requerimientos de la ciudadanía planteados en el marco de "
            "la audiencia.",
        ],
    ),
]

# The cronograma. Keys follow strategy.services.ActivityData; "stage" is the stage number.
ACTIVITIES = [
    dict(
        number=1,
        stage=1,
        quarters=[1],
        name="Conformar el equipo líder de la estrategia",
        target="Un equipo conformado para liderar la estrategia de Rendición de Cuentas.",
        target_quantity=1,
        target_unit="equipo",
        evidence_expected="Correo de confirmación de roles y socialización de la Estrategia de "
        "Rendición de Cuentas.",
        responsible=[PLANEACION],
        responsible_note="Dependencias en cabeza de la Oficina Asesora de Planeación",
    ),
    dict(
        number=2,
        stage=2,
        quarters=[2, 4],
        name="Realizar mínimo dos audiencias públicas de rendición de cuentas",
        target="Dos audiencias públicas de rendición de cuentas realizadas",
        target_quantity=2,
        target_unit="audiencias",
        progress_source="hearings_held",
        evidence_expected="Informes de cumplimiento del desarrollo y resultados",
        responsible=[DESPACHO, PLANEACION, COMUNICACIONES, *TOPIC_LEADS],
        responsible_note="Con las dependencias identificadas (líderes de cada tema)",
    ),
    dict(
        number=3,
        stage=1,
        quarters=[1, 3],
        name="Elaborar, publicar y difundir un informe de la gestión institucional de la Entidad "
        "para cada audiencia pública, previo a la realización de las audiencias",
        target="Dos informes de la gestión institucional de la Entidad, para la rendición de "
        "cuentas, elaborados, publicados y difundidos.",
        target_quantity=2,
        target_unit="informes",
        progress_source="publications",
        evidence_expected="Publicaciones de los documentos de la gestión institucional la "
        "Entidad, realizadas.",
        responsible=[PLANEACION, COMUNICACIONES],
    ),
    dict(
        number=4,
        stage=2,
        quarters=[1],
        name="Definir la metodología de las audiencias públicas de rendición de cuentas",
        target="Metodología de las audiencias públicas de rendición de cuentas, definida",
        target_quantity=1,
        target_unit="metodología",
        progress_source="publications",
        evidence_expected="Evidencia de reuniones donde se establezca la metodología de las "
        "audiencias públicas. Informes de cumplimiento del desarrollo y resultados de las "
        "audiencias públicas",
        responsible=[DESPACHO, PLANEACION, COMUNICACIONES],
    ),
    dict(
        number=5,
        stage=2,
        quarters=[2, 3, 4],
        name="Realizar mínimo tres diálogos ciudadanos (temáticos)",
        target="Tres diálogos ciudadanos realizados.",
        target_quantity=3,
        target_unit="diálogos",
        progress_source="dialogues_held",
        evidence_expected="Informes de cumplimiento del desarrollo y resultados de cada diálogo "
        "ciudadano.",
        responsible=[DESPACHO, PLANEACION, COMUNICACIONES, *TOPIC_LEADS],
        responsible_note="Con las dependencias identificadas (líderes de cada tema)",
    ),
    dict(
        number=6,
        stage=2,
        quarters=[1, 2],
        name="Definir los temas de los diálogos ciudadanos",
        target="Temas de diálogos ciudadanos por dependencia definidos y registrados en una "
        "matriz de temas.",
        target_quantity=1,
        target_unit="matriz de temas",
        progress_source="publications",
        evidence_expected="Matriz de temas de diálogos ciudadanos por dependencia",
        responsible=TOPIC_LEADS,
        responsible_note="Dependencias líderes de cada tema",
    ),
    dict(
        number=7,
        stage=1,
        quarters=[2, 3, 4],
        name="Elaborar, publicar y difundir los informes de la gestión institucional de los temas "
        "a abordar en cada diálogo ciudadano, previo a la realización de cada diálogo",
        target="Tres informes de la gestión institucional de los temas de cada diálogo ciudadano, "
        "elaborados y publicados.",
        target_quantity=3,
        target_unit="informes",
        progress_source="publications",
        evidence_expected="Publicaciones de los informes de la gestión institucional de los "
        "temas de los diálogos.",
        responsible=[PLANEACION, *TOPIC_LEADS],
        responsible_note="Oficina Asesora de Planeación y dependencias líderes de cada tema",
    ),
    dict(
        number=8,
        stage=2,
        quarters=[2],
        name="Definir la metodología de los diálogos ciudadanos",
        target="Metodología de los diálogos ciudadanos, definida",
        target_quantity=1,
        target_unit="metodología",
        progress_source="publications",
        evidence_expected="Evidencia de reunión donde se establezca la metodología de los "
        "diálogos ciudadanos Informes de cumplimiento del desarrollo, y resultados de los "
        "diálogos ciudadanos",
        responsible=[DESPACHO, PLANEACION, COMUNICACIONES],
    ),
    dict(
        number=9,
        stage=3,
        quarters=[2, 3, 4],
        name="Analizar la pertinencia y claridad de las respuestas dadas a la ciudadanía hechas en "
        "los espacios de rendición de cuentas; elaborar y publicar informes de respuestas a la "
        "ciudadanía",
        target="Cinco informes de respuestas a las preguntas de la ciudadanía elaborados y "
        "publicados",
        target_quantity=5,
        target_unit="informes",
        progress_source="answer_reports_published",
        evidence_expected="Publicación de los documentos de respuestas a las preguntas de la "
        "ciudadanía",
        responsible=[PLANEACION],
    ),
    dict(
        number=10,
        stage=3,
        quarters=[2, 3, 4],
        name="Elaborar y publicar los informes de cumplimiento del desarrollo, y resultados de "
        "cada espacio de rendición de cuentas.",
        target="Cinco informes de cumplimiento del desarrollo, y resultados, elaborados y "
        "publicados.",
        target_quantity=5,
        target_unit="informes",
        progress_source="space_reports_published",
        evidence_expected="Informes de cumplimiento del desarrollo, y resultados",
        responsible=[PLANEACION, COMUNICACIONES],
    ),
    dict(
        number=11,
        stage=1,
        quarters=[1, 2, 3, 4],
        name="Coordinar con el equipo asesor de comunicaciones el diseño y publicación de piezas "
        "comunicacionales sobre temas asociados a la rendición de cuentas.",
        target="Parrilla de información insumo para la creación de piezas comunicacionales sobre "
        "temas de rendición de cuentas.",
        evidence_expected="Parrilla de información insumo para la creación de piezas "
        "comunicacionales sobre temas de rendición de cuentas.",
        responsible=[PLANEACION, COMUNICACIONES],
    ),
    dict(
        number=12,
        stage=2,
        quarters=[3, 4],
        name="Fortalecer la divulgación de datos abiertos que maneja la Secretaría General en "
        "alguno de los espacios desarrollados en el marco de la estrategia de rendición de "
        "cuentas.",
        target="Información sobre datos abiertos incluida en alguno de los informes de la gestión "
        "institucional.",
        target_quantity=1,
        target_unit="informe",
        progress_source="open_data_publications",
        evidence_expected="Publicación del documento de la gestión institucional con contenido "
        "sobre datos abiertos.",
        responsible=[PLANEACION],
    ),
    dict(
        number=13,
        stage=2,
        quarters=[1, 2, 3, 4],
        name="Fomentar la apertura y el aprovechamiento de datos abiertos del Distrito a través "
        "de estrategias de articulación intersectorial, así como de la apertura de un conjunto "
        "de datos abiertos del Gobierno Abierto de Bogotá.",
        target="Evidencias de las estrategias para fomentar la apertura y el aprovechamiento de "
        "datos abiertos del Distrito. Evidencias de la apertura de un conjunto de datos abiertos "
        "del Gobierno Abierto de Bogotá.",
        evidence_expected="Evidencias de las estrategias de la apertura y el aprovechamiento de "
        "datos abiertos del Distrito",
        responsible=[PLANEACION],
    ),
]

# The seed reports the year as carried out; activities whose progress is typed are recorded as
# done (the report presents them as developed). Counted ones come from the records.
MANUAL_STATUS = "done"
MANUAL_PROGRESS = 100

# Fictitious staff accounts for trying the staff side. Never use them in production.
DEMO_PASSWORD = "rendicion-demo"
DEMO_USERS = [
    ("demo-admin", "administrator", [], "Administración (demo)"),
    ("demo-planeacion", "planning", [PLANEACION], "Planeación (demo)"),
    ("demo-dependencia", "office_staff", [TALENTO], "Talento Humano (demo)"),
    ("demo-comunicaciones", "communications", [COMUNICACIONES], "Comunicaciones (demo)"),
]
