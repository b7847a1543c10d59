import datetime as dt

from django.core.management.base import BaseCommand, CommandError, CommandParser

from rendicion.core.dates import business_days_after
from rendicion.core.selectors import business_calendar, entity_current


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--received: «{value}» no es una fecha AAAA-MM-DD.") from None


class Command(BaseCommand):
    help = (
        "Fecha de vencimiento de un término en días hábiles (festivos de Colombia y días no "
        "hábiles de la entidad), en formato ISO."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--received", required=True, help="Fecha de recibido, AAAA-MM-DD.")
        parser.add_argument("--days", required=True, type=int, help="Término en días hábiles.")

    def handle(self, *args, received: str, days: int, **options) -> None:
        if days < 0:
            raise CommandError("--days: el término no puede ser negativo.")
        if days > 1000:
            raise CommandError("--days: el término no puede pasar de 1000 días hábiles.")
        calendar = business_calendar(entity=entity_current())
        self.stdout.write(business_days_after(_date(received), days, calendar).isoformat())
