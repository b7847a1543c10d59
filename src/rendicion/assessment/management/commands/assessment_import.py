import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from rendicion.assessment.services import AssessmentImportError, assessment_import
from rendicion.core.selectors import entity_current
from rendicion.core.spreadsheets import SpreadsheetRefused, spreadsheet_size_check


class Command(BaseCommand):
    help = (
        "Importa un autodiagnóstico (XLSX: una fila por ítem con etapa, categoría, ítem, peso "
        "opcional y puntaje). Si el archivo tiene errores no se guarda nada."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="Archivo XLSX.")
        parser.add_argument("--year", type=int, required=True, help="Vigencia evaluada.")
        parser.add_argument(
            "--template-name",
            default="",
            help="Nombre de la plantilla si el archivo trae una nueva.",
        )
        parser.add_argument("--json", action="store_true", help="Resultado en JSON.")

    def handle(self, *args, **options) -> None:
        entity = entity_current()
        if entity is None:
            raise CommandError("Primero registre la entidad.")
        path = Path(options["file"])
        try:
            # The same size limit as the staff upload page, checked before reading the file.
            spreadsheet_size_check(path.stat().st_size)
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"No se pudo leer el archivo: {error.strerror}.") from None
        except SpreadsheetRefused as error:
            raise CommandError(f"Archivo rechazado: {error}") from None
        try:
            result = assessment_import(
                actor=None,
                entity=entity,
                year=options["year"],
                data=data,
                template_name=options["template_name"],
            )
        except AssessmentImportError as error:
            if options["json"]:
                self.stdout.write(
                    json.dumps(
                        {"imported": False, "errors": [e.as_dict() for e in error.errors]},
                        ensure_ascii=False,
                        indent=2,
                    )
                )
            else:
                for cell_error in error.errors:
                    self.stderr.write(str(cell_error))
            raise CommandError("El archivo tiene errores: no se guardó nada.") from None
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        summary = {
            "imported": True,
            "year": result.assessment.year,
            "template": result.assessment.template.name,
            "created": result.created,
            "template_created": result.template_created,
            "changed": result.changed,
            "warnings": result.warnings,
            "errors": [],
        }
        if options["json"]:
            self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(
                f"Autodiagnóstico {summary['year']} importado: {summary['changed']} ítems cambiaron."
            )
            for warning in result.warnings:
                self.stdout.write(f"Aviso: {warning}")
