"""Deterministic, obviously fictitious attendance spreadsheets for the demo spaces."""

import csv
import io
import random

from . import spaces_2023 as data

SEX_SPELLINGS = {
    "mujer": ["Mujer", "Femenino", "F"],
    "hombre": ["Hombre", "Masculino", "M"],
    "no_responde": ["Prefiero no responder", ""],
}


def _age_text(group: str, rng: random.Random) -> str:
    if group == "no_responde":
        return rng.choice(["", "Prefiero no responder"])
    low, high = {"joven": (18, 28), "adulto": (29, 59), "persona_mayor": (60, 84)}[group]
    age = rng.randint(low, high)
    return rng.choice(
        [
            str(age),
            f"{age} años",
            {"joven": "18 a 28 años", "adulto": "29 - 59", "persona_mayor": "60 o más"}[group],
        ]
    )


def _labels(counts: dict[str, int], rng: random.Random) -> list[str]:
    labels = [code for code, n in counts.items() for _ in range(n)]
    rng.shuffle(labels)
    return labels


def attendance_csv(*, first_index: int, sexes: list[str], ages: list[str], seed: int) -> bytes:
    """A Google-Forms-like export: one row per attendee, consent included."""
    rng = random.Random(seed)
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(
        [
            "Marca temporal",
            "Nombres y apellidos",
            "Tipo de documento",
            "Número de documento",
            "Correo electrónico",
            "Sexo",
            "Edad",
            "Localidad",
            "¿Autoriza el tratamiento de sus datos personales?",
        ]
    )
    for offset, (sex, age) in enumerate(zip(sexes, ages, strict=True)):
        n = first_index + offset
        name = (
            f"{data.FIRST_NAMES[n % 20]} {data.LAST_NAMES[n % 8]} {data.LAST_NAMES[(n // 8) % 8]}"
        )
        writer.writerow(
            [
                f"2023/01/01 {8 + offset % 10:02d}:{offset % 60:02d}:00",
                name,
                "CC",
                f"99000{n:05d}",
                f"persona{n:05d}@example.invalid",
                rng.choice(SEX_SPELLINGS[sex]),
                _age_text(age, rng),
                data.LOCALITIES[n % len(data.LOCALITIES)],
                rng.choice(["Sí", "Acepto", "Si"]),
            ]
        )
    return output.getvalue().encode("utf-8")


def demo_attendance_files() -> dict[str, bytes]:
    """{space slug: CSV bytes} for the hearing and the four dialogues."""
    files: dict[str, bytes] = {}
    rng = random.Random(2023)
    dialogues = [space for space in data.SPACES if space["kind"] == "dialogue"]
    sexes = _labels(data.DIALOGUE_SEX, rng)
    ages = _labels(data.DIALOGUE_AGE, rng)
    start = 0
    index = 1
    for space in data.SPACES:
        if space["kind"] == "hearing":
            mujer, hombre, nr = space["sex"]
            mayor, joven, adulto, age_nr = space["age"]
            space_sexes = _labels({"mujer": mujer, "hombre": hombre, "no_responde": nr}, rng)
            space_ages = _labels(
                {"persona_mayor": mayor, "joven": joven, "adulto": adulto, "no_responde": age_nr},
                rng,
            )
        else:
            size = space["attendances"]
            space_sexes, space_ages = sexes[start : start + size], ages[start : start + size]
            start += size
        files[space["slug"]] = attendance_csv(
            first_index=index, sexes=space_sexes, ages=space_ages, seed=index
        )
        index += len(space_sexes)
    assert start == sum(space["attendances"] for space in dialogues)
    return files
