import json

from django.core.management.base import BaseCommand, CommandError

from rendicion.core.selectors import entity_current
from rendicion.participation.selectors import participation_stats
from rendicion.spaces.models import Space, SpaceKind


class Command(BaseCommand):
    help = "Asistencias por sexo y grupo de edad de un espacio o de una vigencia."

    def add_arguments(self, parser) -> None:
        parser.add_argument("slug", nargs="?", help="Dirección corta de un espacio.")
        parser.add_argument("--year", type=int, help="Vigencia de la estrategia.")
        parser.add_argument("--kind", choices=SpaceKind.values, help="hearing o dialogue.")
        parser.add_argument("--json", action="store_true", help="Salida en JSON.")

    def handle(self, *args, slug, year, kind, json: bool, **options) -> None:
        if bool(slug) == bool(year):
            raise CommandError("Indique un espacio (SLUG) o una vigencia (--year), no ambos.")
        if slug:
            spaces = Space.objects.filter(slug=slug)
            if not spaces.exists():
                raise CommandError(f"No existe el espacio «{slug}».")
        else:
            spaces = Space.objects.filter(strategy__entity=entity_current(), strategy__year=year)
        if kind:
            spaces = spaces.filter(kind=kind)
        stats = participation_stats(spaces=spaces)
        if json:
            self.stdout.write(_dumps(stats.as_json()))
            return
        self.stdout.write(f"Asistencias: {stats.attendances}")
        for title, shares in (("Sexo", stats.sex_shares), ("Grupo de edad", stats.age_shares)):
            self.stdout.write(f"{title}:")
            for share in shares:
                self.stdout.write(f"  {share.label}: {share.count} ({share.pct} %)")


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
