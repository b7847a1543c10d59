import json

from django.core.management.base import BaseCommand, CommandParser

from rendicion.privacy.services import personal_data_retention


class Command(BaseCommand):
    help = (
        "Anonimiza los datos personales de los espacios que pasaron el plazo de conservación "
        "(PERSONAL_DATA_RETENTION_DAYS, 730 días por defecto). Prográmelo una vez al día."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Dice qué se anonimizaría sin cambiar nada."
        )
        parser.add_argument("--json", action="store_true", help="Salida en JSON.")

    def handle(self, *args, **options) -> None:
        result = personal_data_retention(dry_run=options["dry_run"])
        if options["json"]:
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
            return
        verb = "Se anonimizarían" if result.dry_run else "Se anonimizaron"
        self.stdout.write(
            f"{verb} {sum(result.erased.values())} registros de espacios anteriores al "
            f"{result.cutoff.isoformat()} (plazo: {result.retention_days} días)."
        )
