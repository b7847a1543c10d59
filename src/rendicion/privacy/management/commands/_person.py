"""What the personal-data commands share: the person's identifier and JSON output."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError, CommandParser

from rendicion.privacy.services import person_query_clean


def add_person_arguments(parser: CommandParser) -> None:
    # One of the two, checked by the service so that a mistake exits 1 with a Spanish message.
    parser.add_argument("--document", help="Número de documento (solo dígitos).")
    parser.add_argument("--email", help="Correo electrónico (sin distinguir mayúsculas).")
    parser.add_argument("--json", action="store_true", help="Salida en JSON.")


def person_from_options(options: dict) -> tuple[str, str]:
    try:
        return person_query_clean(document=options.get("document"), email=options.get("email"))
    except ValidationError as error:
        raise CommandError(" ".join(error.messages)) from None


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
