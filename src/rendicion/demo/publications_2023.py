"""The documents the seed's entity published around its 2023 spaces (cronograma activities 3, 4,
6, 7, 8 and 12), so that their progress is computed from publications, not typed.

The seed says the hearing's management report was "Publicado página web" and spread, and that
each dialogue had a report of its topics published before it; the dates below are the seed's
own where it gives them (the invitation to review and comment the report went out on 3 April
2023, seventeen days before the 20 April hearing) and plausible ones before each space where it
does not. Links point to the entity's website; the documents' addresses there are illustrative.
"""

import datetime as dt

from rendicion.core.models import Office
from rendicion.spaces.models import Publication, Space
from rendicion.spaces.publications import (
    PublicationData,
    publication_create,
    publication_publish,
    publication_spread_record,
)
from rendicion.strategy.models import Strategy

from . import seed_2023 as seed

SITE = "https://secretariageneral.gov.co/transparencia/rendicion-de-cuentas/2023/"
HEARING = "audiencia-publica-2023"
DIALOGUES = [
    "dialogo-red-cade-2023",
    "dialogo-justicia-transicional-2023",
    "dialogo-talento-humano-2023",
    "dialogo-territorio-inteligente-2023",
]

# kind, title, summary, path, spaces, activity, office, published on, open data, spreads
PUBLICATIONS = [
    dict(
        kind="methodology",
        title="Metodología de la Audiencia Pública de Rendición de Cuentas – Vigencia 2022",
        summary="Cómo será la audiencia: una presentación virtual de los logros de 2022 por "
        "Facebook Live, un espacio de preguntas de la ciudadanía y la evaluación al final.",
        path="metodologia-audiencia-publica",
        spaces=[HEARING],
        activity=4,
        office=seed.PLANEACION,
        published_on="2023-03-15",
        spreads=[],
    ),
    dict(
        kind="management_report",
        title="Informe de gestión 2022 para la Audiencia Pública de Rendición de Cuentas",
        summary="Los resultados de la Secretaría General en 2022, explicados en lenguaje claro "
        "para que llegue a la audiencia con sus preguntas. Puede comentarlo hasta el día de la "
        "audiencia.",
        path="informe-gestion-audiencia-publica",
        spaces=[HEARING],
        activity=3,
        office=seed.PLANEACION,
        published_on="2023-04-03",
        spreads=[("Correo institucional", "2023-04-03"), ("Redes sociales", "2023-04-14")],
    ),
    dict(
        kind="methodology",
        title="Metodología de los diálogos ciudadanos 2023",
        summary="Cómo serán los diálogos: conversatorio entre directivos y audiencia, exposición "
        "de logros a partir de preguntas, y espacios de ejercicio colaborativo; hora y media, "
        "mínimo un diálogo por trimestre desde el segundo.",
        path="metodologia-dialogos-ciudadanos",
        spaces=DIALOGUES,
        activity=8,
        office=seed.PLANEACION,
        published_on="2023-05-31",
        spreads=[],
    ),
    dict(
        kind="topic_matrix",
        title="Matriz de temas de los diálogos ciudadanos 2023 por dependencia",
        summary="Los temas de cada diálogo y la dependencia que lidera cada uno, junto con los "
        "temas que propuso la ciudadanía.",
        path="matriz-de-temas-dialogos",
        spaces=DIALOGUES,
        activity=6,
        office=seed.PLANEACION,
        published_on="2023-06-09",
        spreads=[],
    ),
    dict(
        kind="management_report",
        title="Informe de gestión: Tú eres parte de la Red CADE",
        summary="Qué ha hecho la Red CADE y SuperCADE Manitas para atender a la ciudadanía, para "
        "preparar el diálogo del 30 de junio.",
        path="informe-gestion-red-cade",
        spaces=["dialogo-red-cade-2023"],
        activity=7,
        office=seed.SERVICIO,
        published_on="2023-06-20",
        spreads=[("Redes sociales", "2023-06-21")],
    ),
    dict(
        kind="management_report",
        title="Informe de gestión: Acompañamiento institucional a iniciativas restaurativas en el "
        "marco de la justicia transicional",
        summary="El acompañamiento de la Alta Consejería de Paz, Víctimas y Reconciliación a las "
        "iniciativas restaurativas, para preparar el diálogo del 29 de septiembre.",
        path="informe-gestion-justicia-transicional",
        spaces=["dialogo-justicia-transicional-2023"],
        activity=7,
        office=seed.PAZ,
        published_on="2023-09-19",
        spreads=[("Redes sociales", "2023-09-20")],
    ),
    dict(
        kind="management_report",
        title="Informe de gestión: Talento Humano en la Secretaría General",
        summary="Cómo gestiona la Secretaría General a su equipo de trabajo, para preparar el "
        "diálogo del 19 de octubre.",
        path="informe-gestion-talento-humano",
        spaces=["dialogo-talento-humano-2023"],
        activity=7,
        office=seed.TALENTO,
        published_on="2023-10-09",
        spreads=[("Correo institucional", "2023-10-10")],
    ),
    dict(
        kind="management_report",
        title="Informe de gestión: Logros Bogotá Territorio Inteligente 2022 – 2023",
        summary="Los logros de Bogotá Territorio Inteligente y de Gobierno Abierto de Bogotá, "
        "con los conjuntos de datos abiertos publicados, para preparar el diálogo del 22 de "
        "noviembre.",
        path="informe-gestion-territorio-inteligente",
        spaces=["dialogo-territorio-inteligente-2023"],
        activity=7,
        office=seed.TIC,
        published_on="2023-11-10",
        open_data=True,
        spreads=[("Redes sociales", "2023-11-14")],
    ),
]


def publications_load(*, strategy: Strategy, offices: dict[str, Office]) -> list[Publication]:
    """Creates, publishes and spreads each document once (idempotent by title)."""
    activities = {a.number: a for a in strategy.activities.all()}
    spaces = {s.slug: s for s in Space.objects.filter(strategy=strategy)}
    existing = {p.title: p for p in Publication.objects.filter(strategy=strategy)}
    loaded = []
    for item in PUBLICATIONS:
        publication = existing.get(item["title"])
        if publication is None:
            publication = publication_create(
                actor=None,
                strategy=strategy,
                data=PublicationData(
                    kind=item["kind"],
                    title=item["title"],
                    summary=item["summary"],
                    office=offices[item["office"]],
                    url=SITE + item["path"],
                    spaces=[spaces[slug] for slug in item["spaces"]],
                    activity=activities[item["activity"]],
                    contains_open_data=item.get("open_data", False),
                ),
            )
            publication_publish(
                actor=None,
                publication=publication,
                on=dt.date.fromisoformat(item["published_on"]),
            )
            for channel, date in item["spreads"]:
                publication_spread_record(
                    actor=None,
                    publication=publication,
                    channel=channel,
                    date=dt.date.fromisoformat(date),
                )
        loaded.append(publication)
    return loaded
