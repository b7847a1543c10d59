from django.core.management.base import BaseCommand, CommandParser

from rendicion.privacy.services import personal_data_erase

from ._person import add_person_arguments, dumps, person_from_options


class Command(BaseCommand):
    help = (
        "Anonimiza todos los registros de una persona (nombre, documento, correo, teléfono y "
        "textos libres); las cifras publicadas no cambian. Queda en la auditoría."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_person_arguments(parser)
        parser.add_argument(
            "--dry-run", action="store_true", help="Dice qué se anonimizaría sin cambiar nada."
        )

    def handle(self, *args, **options) -> None:
        document, email = person_from_options(options)
        result = personal_data_erase(
            document=document, email=email, actor=None, dry_run=options["dry_run"]
        )
        if options["json"]:
            self.stdout.write(
                dumps(
                    {
                        "dry_run": result.dry_run,
                        "erased": result.erased,
                        "total": result.total,
                        "records": result.records,
                    }
                )
            )
            return
        verb = "Se anonimizarían" if result.dry_run else "Se anonimizaron"
        self.stdout.write(f"{verb} {result.total} registros.")
