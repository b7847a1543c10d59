import json
from pathlib import Path

from django.core.management.base import BaseCommand

from rendicion.core.backup import backup_write


class Command(BaseCommand):
    help = "Escribe en un solo archivo la base de datos y los archivos guardados."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--output", required=True, help="Archivo .tar.gz que se escribe.")

    def handle(self, *args, output: str, **options) -> None:
        summary = backup_write(output=Path(output))
        self.stdout.write(json.dumps({"output": output, **summary.as_dict()}))
