import json
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from rendicion.core.backup import BackupRefused, backup_check, backup_restore


class Command(BaseCommand):
    help = (
        "Carga una copia de `rendicion backup` en una base de datos vacía (la crea con "
        "migrate si hace falta); --force reemplaza lo que tenga."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="Archivo escrito por `rendicion backup`.")
        parser.add_argument(
            "--force", action="store_true", help="Borra los registros que tenga la base."
        )

    def handle(self, *args, file: str, force: bool, **options) -> None:
        if not Path(file).is_file():
            raise CommandError(f"No existe el archivo «{file}».")
        try:
            backup_check(source=Path(file))
            call_command("migrate", interactive=False, verbosity=0)
            summary = backup_restore(source=Path(file), force=force)
        except BackupRefused as error:
            raise CommandError(str(error)) from None
        self.stdout.write(json.dumps({"restored": file, **summary.as_dict()}))
