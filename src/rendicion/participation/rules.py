"""The canonical rules of DESIGN.md section 2 for people's data: one source of truth.

Pure functions (no database): sex and age groups, same-person keys, typed-value matching.
"""

import datetime as dt
import re
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from rendicion.core.spreadsheets import excel_serial_date
from rendicion.core.text import (  # noqa: F401 (the rules of DESIGN.md §2, in one place)
    EMAIL_MAX_LENGTH,
    document_digits,
    email_clean,
    normalise,
    normalise_words,
)


class Sex(models.TextChoices):
    """DANE categories."""

    MUJER = "mujer", _("Mujer")
    HOMBRE = "hombre", _("Hombre")
    INTERSEXUAL = "intersexual", _("Intersexual")
    NO_RESPONDE = "no_responde", _("No responde")


class AgeGroup(models.TextChoices):
    NNA = "nna", _("Niñas, niños y adolescentes (menos de 14 años)")
    JOVEN = "joven", _("Jóvenes (14 a 28 años)")
    ADULTO = "adulto", _("Adultos (29 a 59 años)")
    PERSONA_MAYOR = "persona_mayor", _("Personas mayores (60 años o más)")
    NO_RESPONDE = "no_responde", _("No responde")


# Inclusive bounds of each group, in years (Ley 1622 de 2013; Ley 1251 de 2008).
AGE_BOUNDS = {
    AgeGroup.NNA: (0, 13),
    AgeGroup.JOVEN: (14, 28),
    AgeGroup.ADULTO: (29, 59),
    AgeGroup.PERSONA_MAYOR: (60, 200),
}
MAX_AGE = 120


def age_group_for_age(age: int | None) -> str:
    if age is None:
        return AgeGroup.NO_RESPONDE
    for group, (low, high) in AGE_BOUNDS.items():
        if low <= age <= high:
            return group
    return AgeGroup.NO_RESPONDE


def age_on(birth_date: dt.date, on: dt.date) -> int:
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


def age_group_for_range(low: int, high: int | None) -> str | None:
    """The group that contains the whole range, or None when it straddles two groups."""
    high = 200 if high is None else high
    for group, (group_low, group_high) in AGE_BOUNDS.items():
        if group_low <= low and high <= group_high:
            return group
    return None


_SEX_VALUES = {
    "mujer": Sex.MUJER,
    "femenino": Sex.MUJER,
    "f": Sex.MUJER,
    "hombre": Sex.HOMBRE,
    "masculino": Sex.HOMBRE,
    "m": Sex.HOMBRE,
    "intersexual": Sex.INTERSEXUAL,
    "": Sex.NO_RESPONDE,
    "prefiero no responder": Sex.NO_RESPONDE,
    "ns/nr": Sex.NO_RESPONDE,
    "ns": Sex.NO_RESPONDE,
    "nr": Sex.NO_RESPONDE,
    "no responde": Sex.NO_RESPONDE,
    "no sabe/no responde": Sex.NO_RESPONDE,
}


# Compared without punctuation too: "NS / NR", "Prefiero no responder." are the known answers.
_SEX_WORDS = {normalise_words(text): code for text, code in _SEX_VALUES.items()}


def sex_from_text(value: object) -> tuple[str, bool]:
    """(code, known): an unknown value counts as no_responde and the caller warns."""
    key = normalise_words(value)
    if key in _SEX_WORDS:
        return _SEX_WORDS[key], True
    return Sex.NO_RESPONDE, False


_CONSENT_YES = {"si", "acepto", "autorizo", "x", "1", "true"}
_NEGATIONS = {"no", "ni", "nunca", "jamas", "tampoco"}
_WORD = re.compile(r"[a-z0-9]+")


def consent_from_text(value: object) -> bool:
    """DESIGN.md section 2: a yes-word alone or followed by more words, holding no negation.

    "Sí, autorizo", "SI AUTORIZO" and "Acepto el tratamiento de mis datos" are consent; "No
    autorizo", "No, no acepto" and "no" are refusals; anything else is not consent.
    """
    text = normalise(value)
    if text.endswith(".0") and text[:-2].isdigit():  # a numeric spreadsheet cell: 1.0
        text = text[:-2]
    words = _WORD.findall(text)
    return bool(words) and words[0] in _CONSENT_YES and not _NEGATIONS.intersection(words)


_AGE_WORDS = {
    "joven": AgeGroup.JOVEN,
    "jovenes": AgeGroup.JOVEN,
    "adulto": AgeGroup.ADULTO,
    "adulta": AgeGroup.ADULTO,
    "adultos": AgeGroup.ADULTO,
    "adulto mayor": AgeGroup.PERSONA_MAYOR,
    "adulta mayor": AgeGroup.PERSONA_MAYOR,
    "adultos mayores": AgeGroup.PERSONA_MAYOR,
    "persona mayor": AgeGroup.PERSONA_MAYOR,
    "personas mayores": AgeGroup.PERSONA_MAYOR,
}
_NO_ANSWER = {"", "prefiero no responder", "ns/nr", "ns", "nr", "no responde"}
_NO_ANSWER_WORDS = {normalise_words(text) for text in (*_NO_ANSWER, "no sabe/no responde")}
_NUMBER = re.compile(r"^(\d{1,3})(?:\s*anos?)?$")
_RANGE = re.compile(
    r"^(?:de\s+|entre\s+)?(\d{1,3})\s*(?:anos)?\s*(?:a|-|–|—|al|y|hasta)\s*(\d{1,3})(?:\s*anos?)?$"
)
_ABOVE = re.compile(r"^(?:mayor de|mayores de|mas de)\s*(\d{1,3})(?:\s*anos?)?$")
_OPEN_RANGE = re.compile(
    r"^(?:de\s+)?(\d{1,3})\s*(?:anos)?\s*(?:\+|o mas|y mas|en adelante)(?:\s*anos)?$"
)
_BELOW = re.compile(r"^(?:menos de|menor de|menores de)\s*(\d{1,3})(?:\s*anos?)?$")
_DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d")
# Only text shaped like a date is worth strptime (two failed calls per age cost a lot in imports).
_DATE_SHAPE = re.compile(r"^\s*(\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{1,2}-\d{1,2})(\s|$)")
_AGE_GROUP_CODES = frozenset(AgeGroup.values)


@dataclass(frozen=True)
class AgeReading:
    group: str
    age: int | None = None
    warning: str = ""


def parse_birth_date(value: object, *, serial: bool = False) -> dt.date | None:
    """A date typed or stored in a cell; with `serial`, an Excel serial number (45200) too."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if serial and (date := excel_serial_date(value)) is not None:
        return date
    text = str(value or "").strip()
    if not _DATE_SHAPE.match(text):
        return None
    if " " in text:  # "1990-05-01 00:00:00" from a spreadsheet
        text = text.split(" ", 1)[0]
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def age_from_value(value: object, *, on: dt.date, is_birth_date: bool = False) -> AgeReading:
    """Reads an age typed by people: a number, "N años", a birth date, a range or a word."""
    # A number in a birth-date column is an Excel serial; in an age column, an age.
    birth = (
        parse_birth_date(value, serial=is_birth_date)
        if (is_birth_date or not isinstance(value, int | float))
        else None
    )
    if birth is not None:
        age = age_on(birth, on)
        if not 0 <= age <= MAX_AGE:
            return AgeReading(AgeGroup.NO_RESPONDE, None, _("la fecha de nacimiento no es posible"))
        return AgeReading(age_group_for_age(age), age)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        if 0 <= value <= MAX_AGE:
            return AgeReading(age_group_for_age(value), value)
        return AgeReading(AgeGroup.NO_RESPONDE, None, _("la edad no es posible"))
    text = normalise(value)
    if text in _NO_ANSWER or normalise_words(value) in _NO_ANSWER_WORDS:
        return AgeReading(AgeGroup.NO_RESPONDE)
    if text in _AGE_WORDS:
        return AgeReading(_AGE_WORDS[text])
    if text in _AGE_GROUP_CODES:
        return AgeReading(text)
    match = _NUMBER.match(text)
    if match:
        age = int(match.group(1))
        if age <= MAX_AGE:
            return AgeReading(age_group_for_age(age), age)
        return AgeReading(AgeGroup.NO_RESPONDE, None, _("la edad no es posible"))
    low = high = None
    if match := _RANGE.match(text):
        low, high = int(match.group(1)), int(match.group(2))
    elif match := _OPEN_RANGE.match(text):
        low, high = int(match.group(1)), None
    elif match := _BELOW.match(text):
        low, high = 0, int(match.group(1)) - 1
    elif match := _ABOVE.match(text):
        low, high = int(match.group(1)) + 1, None
    if low is not None:
        group = age_group_for_range(low, high)
        if group is None:
            return AgeReading(
                AgeGroup.NO_RESPONDE,
                None,
                _("el rango «%(value)s» abarca dos grupos de edad") % {"value": value},
            )
        return AgeReading(group)
    return AgeReading(
        AgeGroup.NO_RESPONDE, None, _("no se reconoce la edad «%(value)s»") % {"value": value}
    )


def name_key(value: object) -> str:
    """Names compare equal after removing accents, case, punctuation and extra spaces."""
    return normalise_words(value)


# An anonymised attendance keeps a name key no typed name can produce (normalise_words strips
# "~" and "-"), unique per record: it never collides with another anonymised record of the same
# space and is never matched as "the same person" by a later submission.
ANONYMISED_NAME_KEY_PREFIX = "~anonimizado-"


def anonymised_name_key(pk: int) -> str:
    return f"{ANONYMISED_NAME_KEY_PREFIX}{pk}"


# One attendance as a person gives it (public form, API) ----------------------------------------

# Age ranges offered to people who prefer not to give their age: (code, label, group, minor)
AGE_RANGES = [
    ("under_14", _("Menos de 14 años"), AgeGroup.NNA, True),
    ("14_17", _("De 14 a 17 años"), AgeGroup.JOVEN, True),
    ("18_28", _("De 18 a 28 años"), AgeGroup.JOVEN, False),
    ("29_59", _("De 29 a 59 años"), AgeGroup.ADULTO, False),
    ("60_plus", _("60 años o más"), AgeGroup.PERSONA_MAYOR, False),
    ("no_answer", _("Prefiero no responder"), AgeGroup.NO_RESPONDE, False),
]
AGE_RANGE_GROUP = {code: (group, minor) for code, _label, group, minor in AGE_RANGES}
ADULT_AGE = 18
DOCUMENT_DIGITS = (3, 15)

CONSENT_REQUIRED = _(
    "Para registrar su asistencia necesitamos su autorización. Sin ella no guardamos ningún dato."
)
AGE_REQUIRED = _("Escriba su edad o elija un rango (puede elegir «Prefiero no responder»).")


def attendance_age(age: int | None, age_range: str | None) -> tuple[str, bool] | None:
    """(age group, is a minor) from the age or, failing it, the range; None when neither."""
    if age is not None:
        return age_group_for_age(age), age < ADULT_AGE
    if age_range:
        return AGE_RANGE_GROUP[age_range]
    return None


def document_number_problem(digits: str) -> str | None:
    low, high = DOCUMENT_DIGITS
    if not low <= len(digits) <= high:
        return str(_("El número de documento debe tener entre 3 y 15 dígitos."))
    return None


def attendance_consent_problems(
    *, minor: bool, guardian_consent: bool, contact_consent: bool, email: str
) -> dict[str, str]:
    """Ley 1581: a minor needs a guardian's authorisation (art. 7); invitations need an e-mail.
    Field name → message; empty when the submission may be stored."""
    problems = {}
    if minor and not guardian_consent:
        problems["guardian_consent"] = str(
            _(
                "Como es menor de 18 años, confirme que su madre, padre o acudiente lo autoriza "
                "(Ley 1581 de 2012, artículo 7)."
            )
        )
    if contact_consent and not email:
        problems["email"] = str(_("Para recibir invitaciones, escriba su correo electrónico."))
    return problems
