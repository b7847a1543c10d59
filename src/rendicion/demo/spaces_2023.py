"""The 2023 hearing and dialogues as the seed describes them, and their (fictitious) attendees.

The seed gives each space's date, modality, venue or channels and topic; the hearing's 317
attendance forms, 872 Facebook Live views and 4 communication pieces; and for the dialogues 253
attendances in all, the Justicia Transicional and Talento Humano dialogues the most attended,
with 48/33/19 % by sex and 8/18/60/14 % by age group. Where it is silent (start times, each
dialogue's attendance, the hearing's demographics) the values below are plausible and consistent
with all of that. Demo people are synthetic: documents start with 99000, e-mails end in
example.invalid.
"""

from . import seed_2023 as seed

HEARING_TOPICS = [
    "Relaciones internacionales Bogotá",
    "Resultados proyectos de inversión",
    "Planes institucionales",
    "Medidas frente a la COVID -19",
    "Servicio a la ciudadanía",
    "Gestión pública",
    "Gobierno abierto",
    "Atención a derechos de las víctimas",
    "Generación de empleo",
    "Ejecución presupuestal",
    "Tecnologías de la Información y las Comunicaciones",
    "Imprenta Distrital",
    "Gestión del talento humano",
    "Gestión contractual",
    "Estados financieros",
]

DIALOGUE_PURPOSE = (
    "Realizar diálogos temáticos a partir de los intereses manifestados por la ciudadanía y de "
    "temas claves llamativos para visibilizar la gestión de la Secretaría General."
)
DIALOGUE_METHODOLOGY = (
    "Conversatorio entre directivos y audiencia. Exposición de logros a partir de preguntas. "
    "Ferias de servicio y espacios de ejercicio colaborativo."
)
DIALOGUE_STRUCTURE = [
    "Introducción – pregunta para el público",
    "Temas claves",
    "Espacio de preguntas y respuestas",
]

# slug, kind, title, start (Bogotá time), modality, venue, locality, channels, topics, organisers,
# attendances, sex counts (mujer, hombre, no_responde), age counts (persona_mayor, joven, adulto,
# no_responde)
SPACES = [
    dict(
        slug="audiencia-publica-2023",
        kind="hearing",
        title="Audiencia Pública de Rendición de Cuentas – Vigencia 2022",
        starts_at="2023-04-20 10:00",
        modality="virtual",
        reports_on_year=2022,
        duration_minutes=120,
        purpose="Dar cuenta a la ciudadanía de los logros de la gestión de la Secretaría General "
        "del año 2022, con una presentación clara y concreta.",
        channels=[
            ("Facebook Live", "@SgeneralBogota", "https://www.facebook.com/SgeneralBogota", 872)
        ],
        topics=HEARING_TOPICS,
        organisers=[seed.DESPACHO, seed.PLANEACION, seed.COMUNICACIONES],
        pieces=[
            ("Invitación a la audiencia pública", "Redes sociales", "2023-03-30"),
            (
                "Invitación a revisar y comentar el informe de gestión",
                "Correo institucional",
                "2023-04-03",
            ),
            ("Recordatorio: audiencia pública 20 de abril", "Redes sociales", "2023-04-14"),
            ("Conéctese hoy a las 10:00 a. m. por Facebook Live", "Redes sociales", "2023-04-20"),
        ],
        agenda=[
            ("10:00", "Bienvenida e introducción", "Despacho de la Secretaría General"),
            ("10:10", "Logros de la gestión 2022", "Secretaria General"),
            ("11:15", "Preguntas de la ciudadanía", "Oficina Asesora de Planeación"),
            ("11:50", "Cierre y evaluación", "Oficina Asesora de Planeación"),
        ],
        attendances=317,
        sex=(165, 128, 24),
        age=(40, 60, 200, 17),
    ),
    dict(
        slug="dialogo-red-cade-2023",
        kind="dialogue",
        title="Tú eres parte de la Red CADE",
        starts_at="2023-06-30 09:00",
        modality="in_person",
        venue=("SuperCADE Manitas", "Carrera 18L No. 70B-50 Sur", "Ciudad Bolívar"),
        topics=["Tú eres parte de la Red CADE", "Servicio a la ciudadanía"],
        organisers=[seed.SERVICIO, seed.PLANEACION],
        attendances=55,
    ),
    dict(
        slug="dialogo-justicia-transicional-2023",
        kind="dialogue",
        title="Acompañamiento Institucional a Iniciativas Restaurativas en el Marco de la Justicia "
        "Transicional",
        starts_at="2023-09-29 09:00",
        modality="in_person",
        venue=("Aulas Barulé", "Calle 11 No. 4-14", "La Candelaria"),
        topics=[
            "Paz, víctimas y reconciliación",
            "Implementación de la Ruta TOAR con participación restaurativa",
        ],
        organisers=[seed.PAZ, seed.PLANEACION],
        attendances=75,
    ),
    dict(
        slug="dialogo-talento-humano-2023",
        kind="dialogue",
        title="Talento Humano en la Secretaría General",
        starts_at="2023-10-19 10:00",
        modality="virtual",
        # The seed names its place: the Secretaría General de la Alcaldía de Bogotá, virtual.
        channels=[("Transmisión virtual", "Secretaría General de la Alcaldía de Bogotá", "", None)],
        topics=["Gestión del talento humano"],
        organisers=[seed.TALENTO, seed.PLANEACION],
        attendances=70,
    ),
    dict(
        slug="dialogo-territorio-inteligente-2023",
        kind="dialogue",
        title="Logros Bogotá Territorio Inteligente 2022 – 2023",
        starts_at="2023-11-22 09:00",
        modality="hybrid",
        venue=("Cámara de Comercio de Bogotá", "Avenida El Dorado No. 68D-35", "Fontibón"),
        channels=[
            (
                "Facebook Live",
                "Alta Consejería Distrital de TIC",
                "https://www.facebook.com/",
                None,
            ),
            ("YouTube", "Alta Consejería Distrital de TIC", "https://www.youtube.com/", None),
            ("LinkedIn", "Alta Consejería Distrital de TIC", "https://www.linkedin.com/", None),
        ],
        topics=["Tecnologías de la Información y las Comunicaciones", "Territorio inteligente"],
        organisers=[seed.TIC, seed.PLANEACION],
        attendances=53,
    ),
]
# The dialogues' demographics are only known in total (253): these counts give the seed's
# percentages (121/83/49 → 48/33/19 %; 20/45/152/36 → 8/18/60/14 %).
DIALOGUE_SEX = {"mujer": 121, "hombre": 83, "no_responde": 49}
DIALOGUE_AGE = {"persona_mayor": 20, "joven": 45, "adulto": 152, "no_responde": 36}

FIRST_NAMES = [
    "Ana",
    "Luis",
    "María",
    "Jorge",
    "Carmen",
    "Andrés",
    "Lucía",
    "Camilo",
    "Rosa",
    "Felipe",
    "Diana",
    "Julián",
    "Paola",
    "Mateo",
    "Sandra",
    "Óscar",
    "Laura",
    "Iván",
    "Nubia",
    "Sergio",
]
LAST_NAMES = [
    "Prueba",
    "Ficticia",
    "Demostración",
    "Ejemplo",
    "Simulada",
    "Muestra",
    "Ensayo",
    "Modelo",
]
LOCALITIES = [
    "Ciudad Bolívar",
    "Kennedy",
    "Suba",
    "Engativá",
    "Bosa",
    "La Candelaria",
    "Santa Fe",
    "Chapinero",
    "Teusaquillo",
    "Fontibón",
    "Usaquén",
    "Soacha",
]
