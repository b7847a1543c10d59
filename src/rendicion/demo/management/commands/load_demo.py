from django.core.management.base import BaseCommand

from rendicion.core.models import Role
from rendicion.demo.services import demo_load


class Command(BaseCommand):
    help = "Carga el año 2023 de la Secretaría General (el informe semilla) desde registros. Idempotente."

    def handle(self, *args, **options) -> None:
        result = demo_load()
        activities = result.strategy.activities.count()
        self.stdout.write(
            f"Demo lista: {result.entity.name}, estrategia {result.strategy.year} con "
            f"{activities} actividades."
        )
        self.stdout.write("Usuarios de demostración (solo para probar; no use en producción):")
        for username, password, role in result.logins:
            self.stdout.write(f"  {username} / {password}  ({Role(role).label})")
        self.stdout.write(
            "Entrada del personal: /gestion/ (la dirección del servidor + /gestion/)."
        )
        self.stdout.write(
            "demo-admin y demo-planeacion usan verificación en dos pasos: al entrar por primera "
            "vez, escanee el código QR con una aplicación de autenticación y guarde los códigos "
            "de recuperación."
        )
