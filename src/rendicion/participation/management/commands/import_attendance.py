import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from rendicion.core.spreadsheets import spreadsheet_size_check
from rendicion.participation.importing import FIELDS, ImportRefused
from rendicion.participation.services import attendance_import
from rendicion.spaces.models import Space


class Command(BaseCommand):
    """`import_evaluations` is this command with another column declaration and service."""

    fields = FIELDS
    import_file = staticmethod(attendance_import)
    help = (
        "Importa un archivo de asistencia (XLSX o CSV) a un espacio. Las filas con problemas se "
        "rechazan indicando fila y columna; las personas repetidas no se guardan dos veces."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("slug", help="Dirección corta del espacio (rendicion events).")
        parser.add_argument("file", help="Archivo XLSX o CSV.")
        parser.add_argument("--dry-run", action="store_true", help="Revisa sin guardar nada.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Importa aunque el mismo archivo ya se haya importado.",
        )
        parser.add_argument("--json", action="store_true", help="Resultado en JSON.")
        parser.add_argument("--sheet", help="Nombre de la hoja (por defecto, la primera).")
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="HEADER=FIELD",
            help=f"Asigna una columna a un campo ({', '.join(self.fields)}).",
        )
        parser.add_argument("--output", help="Escribe el resultado en este archivo.")

    def handle(self, *args, **options) -> None:
        try:
            space = Space.objects.select_related("strategy").get(slug=options["slug"])
        except Space.DoesNotExist:
            raise CommandError(f"No existe el espacio «{options['slug']}».") from None
        overrides = {}
        for item in options["map"]:
            header, sep, field = item.partition("=")
            if not sep or field.strip() not in self.fields:
                raise CommandError(
                    f"--map «{item}» no es válido: use ENCABEZADO=CAMPO con un campo de: "
                    f"{', '.join(self.fields)}."
                )
            overrides[header.strip()] = field.strip()
        path = Path(options["file"])
        try:
            # The same size limit as the staff upload page, checked before reading the file.
            spreadsheet_size_check(path.stat().st_size)
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"No se pudo leer el archivo: {error.strerror}.") from None
        except ImportRefused as error:
            raise CommandError(f"Archivo rechazado: {error}") from None
        try:
            result = self.import_file(
                space=space,
                data=data,
                filename=path.name,
                dry_run=options["dry_run"],
                force=options["force"],
                sheet=options["sheet"],
                overrides=overrides,
            )
        except ImportRefused as error:
            raise CommandError(f"Archivo rechazado: {error}") from None
        payload = result.as_dict()
        if options["json"]:
            text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
        else:
            text = _as_text(payload, dry_run=options["dry_run"])
        if options["output"]:
            Path(options["output"]).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")


def _as_text(payload: dict, *, dry_run: bool) -> str:
    verb = "se importarían" if dry_run else "importadas"
    lines = [
        f"Filas: {payload['rows']} · {verb}: {payload['imported']} · repetidas: "
        f"{payload['duplicates']} · rechazadas: {payload['rejected']}"
    ]
    for kind, items in (("Error", payload["errors"]), ("Aviso", payload["warnings"])):
        for item in items:
            where = ", ".join(
                part
                for part in (
                    f"fila {item['row']}" if item["row"] else "",
                    f"columna «{item['column']}»" if item["column"] else "",
                )
                if part
            )
            lines.append(f"{kind}{' (' + where + ')' if where else ''}: {item['message']}")
    return "\n".join(lines) + "\n"
