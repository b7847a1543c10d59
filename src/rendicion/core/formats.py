"""One way to write dates, times and numbers (es-CO), for templates (the `es_format` filters),
documents and messages alike."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

MONTHS = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]
NBSP = "\u00a0"


def date_es(value: dt.date) -> str:
    """20 de abril de 2023 (months in lower case)."""
    return f"{value.day} de {MONTHS[value.month - 1]} de {value.year}"


def time_es(value: dt.time) -> str:
    """10:00 a. m. (twelve-hour clock, non-breaking spaces inside)."""
    hour = value.hour % 12 or 12
    suffix = f"a.{NBSP}m." if value.hour < 12 else f"p.{NBSP}m."
    return f"{hour}:{value.minute:02d}{NBSP}{suffix}"


def number_es(value, decimals: int = 0) -> str:
    """1.234.567 and 92,9: thousands points, a decimal comma, rounded half up."""
    quantum = Decimal(1).scaleb(-decimals)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = ".".join(groups) + (f",{fraction}" if fraction else "")
    return f"-{text}" if rounded < 0 else text
