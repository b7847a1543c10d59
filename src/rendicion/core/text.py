"""Normalisation of values typed by people (DESIGN.md section 2): one rule, used everywhere."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator

_SPACES = re.compile(r"\s+")
_PUNCTUATION = re.compile(r"[^\w\s]", re.UNICODE)


def normalise(value: object) -> str:
    """Lower-case, without accents, surrounding or repeated spaces."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub(" ", text).strip().casefold()


def normalise_words(value: object) -> str:
    """normalise() and also without punctuation: for names and column headers."""
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", normalise(value)).replace("_", " ")).strip()


_NUMBERS = re.compile(r"\d+")
_THOUSANDS = re.compile(r"(?<=\d)[.,](?=\d{3})")


def text_mentions(text: str, *, document: str = "", email: str = "") -> bool:
    """Whether a free text holds this document number (a whole number, dots allowed) or e-mail."""
    if email and email.casefold() in text.casefold():
        return True
    if document:
        return document in _NUMBERS.findall(_THOUSANDS.sub("", text))
    return False


# What replaces a citizen's free text erased to protect personal data (Ley 1581): the record and
# the figures it counts in stay, the words go. Stored as data, so one fixed Spanish sentence.
ERASED_TEXT = "[Texto eliminado para proteger datos personales]"


def document_pattern(document: str) -> str:
    """A regular expression (Python and PostgreSQL alike) for these digits as people write
    them in a text: with or without thousands separators ("99.000.111")."""
    return "[., ]?".join(re.escape(digit) for digit in document)


# Identity values typed by people (DESIGN.md section 2), shared by every app that takes them.

_email_validator = EmailValidator()
_DIGITS = re.compile(r"\D+")


def document_digits(value: object) -> str:
    text = str(value or "").strip()
    if text.endswith(".0") and text[:-2].isdigit():  # a numeric spreadsheet cell
        text = text[:-2]
    return _DIGITS.sub("", text)


# RFC 5321's limit, and Attendance.email's max_length: EmailValidator alone lets 320 through,
# which PostgreSQL then refuses, failing the whole import.
EMAIL_MAX_LENGTH = 254


def email_clean(value: object) -> tuple[str, bool]:
    """(e-mail, valid): trimmed and lower-cased; invalid when Django's EmailValidator says so."""
    email = str(value or "").strip().lower()
    if not email:
        return "", True
    if len(email) > EMAIL_MAX_LENGTH:
        return "", False
    try:
        _email_validator(email)
    except ValidationError:
        return "", False
    return email, True
