import json

from django.core.management.base import BaseCommand

from rendicion.core.selectors import entity_current
from rendicion.spaces.selectors import events_as_json, space_list


class Command(BaseCommand):
    help = "Lista los espacios de rendición de cuentas (audiencias y diálogos)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--json", action="store_true", help="Salida en JSON.")
        parser.add_argument("--year", type=int, help="Solo los espacios de esta vigencia.")

    def handle(self, *args, json: bool, year: int | None, **options) -> None:
        spaces = space_list(entity=entity_current(), year=year, public_only=False)
        events = events_as_json(spaces)
        if json:
            self.stdout.write(_dumps(events))
            return
        for event in events:
            self.stdout.write(
                f"{event['starts_at']}  {event['kind']:<8} {event['modality']:<9} "
                f"{event['slug']}  {event['title']}"
            )


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
