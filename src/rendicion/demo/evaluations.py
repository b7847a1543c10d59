"""Deterministic, fictitious evaluation exports for the demo spaces, imported like real ones.

The seed says the entity evaluated the hearing and every dialogue with online forms but gives
no figures, so the demo invents plausible ones: about two in five attendees answered, mostly
well. The hearing's and two dialogues' files look like Google Forms exports (comma, the form's
scale words); the other two like Microsoft Forms (semicolon, numbers). No comments: they are
free text the demo does not need.
"""

import csv
import io
import random

from . import spaces_2023 as data

GOOGLE_HEADERS = [
    "Marca temporal",
    "En general, ¿cómo le pareció el espacio?",
    "¿Qué tan clara fue la información?",
    "¿Qué tan útil fue para usted?",
    "¿Se habló del tema que le interesaba?",
    "¿Volvería a participar?",
]
MICROSOFT_HEADERS = [
    "Id",
    "Hora de inicio",
    "Hora de finalización",
    "Calificación general del diálogo",
    "Claridad de la información",
    "Utilidad",
    "¿Se habló del tema que le interesaba?",
    "¿Volvería a participar?",
]
SCORE_WORDS = {5: "Muy bien", 4: "Bien", 3: "Regular", 2: "Mal", 1: "Muy mal"}
MICROSOFT_STYLE = {"dialogo-talento-humano-2023", "dialogo-territorio-inteligente-2023"}


def _score(rng: random.Random) -> int:
    return rng.choices([5, 4, 3, 2, 1], weights=[50, 32, 12, 4, 2])[0]


def _answer(rng: random.Random) -> str:
    return rng.choices(["Sí", "En parte", "No"], weights=[78, 15, 7])[0]


def evaluation_csv(*, slug: str, date: str, count: int, seed: int) -> bytes:
    rng = random.Random(seed)
    output = io.StringIO()
    microsoft = slug in MICROSOFT_STYLE
    writer = csv.writer(output, delimiter=";" if microsoft else ",")
    writer.writerow(MICROSOFT_HEADERS if microsoft else GOOGLE_HEADERS)
    day = date.replace("-", "/")
    for n in range(count):
        hour, minute = 10 + n // 60, n % 60
        scores = [_score(rng) for _ in range(3)]
        answers = [_answer(rng), _answer(rng)]
        if microsoft:
            d = "/".join(reversed(date.split("-")))
            writer.writerow(
                [
                    n + 1,
                    f"{d} {hour:02d}:{minute:02d}",
                    f"{d} {hour:02d}:{minute:02d}",
                    *scores,
                    *answers,
                ]
            )
        else:
            writer.writerow(
                [f"{day} {hour:02d}:{minute:02d}:00"]
                + [rng.choice([SCORE_WORDS[s], str(s)]) for s in scores]
                + answers
            )
    return output.getvalue().encode("utf-8")


def demo_evaluation_files() -> dict[str, bytes]:
    """{space slug: CSV bytes}: about two in five attendees of each space evaluated it."""
    return {
        space["slug"]: evaluation_csv(
            slug=space["slug"],
            date=space["starts_at"][:10],
            count=space["attendances"] * 2 // 5,
            seed=index,
        )
        for index, space in enumerate(data.SPACES, start=1)
    }
