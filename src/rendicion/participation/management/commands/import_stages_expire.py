import json

from django.core.management.base import BaseCommand

from rendicion.participation.services import attendance_import_stages_expire


class Command(BaseCommand):
    help = (
        "Borra las importaciones de asistencia previsualizadas y nunca confirmadas que pasaron "
        "IMPORT_STAGE_HOURS (guardan datos personales). Programe una vez al día."
    )

    def handle(self, *args, **options) -> None:
        self.stdout.write(json.dumps({"expired": attendance_import_stages_expire()}))
