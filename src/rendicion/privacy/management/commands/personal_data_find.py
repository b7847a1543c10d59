from django.core.management.base import BaseCommand, CommandParser

from rendicion.privacy.services import personal_data_find

from ._person import add_person_arguments, dumps, person_from_options


class Command(BaseCommand):
    help = (
        "Lista todos los registros con datos de una persona (asistencias, invitaciones, "
        "evaluaciones, preguntas, temas), por número de documento o correo. Contiene datos "
        "personales: úselo solo para atender una solicitud de la persona."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_person_arguments(parser)

    def handle(self, *args, **options) -> None:
        document, email = person_from_options(options)
        found = personal_data_find(document=document, email=email)
        if options["json"]:
            self.stdout.write(dumps(found.as_json()))
            return
        if found.is_empty:
            self.stdout.write("No hay registros con datos de esta persona.")
            return
        for row in found.rows():
            self.stdout.write(f"{row['type']} {row['id']} {row['space'] or '-'} {row['date']}")
        self.stdout.write(f"Total: {found.count} registros.")
