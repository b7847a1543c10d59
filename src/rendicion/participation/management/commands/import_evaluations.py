from rendicion.participation.importing_evaluations import FIELDS
from rendicion.participation.services import evaluation_import

from . import import_attendance


class Command(import_attendance.Command):
    """The attendance import's command (arguments, checks, output), for evaluation files."""

    fields = FIELDS
    import_file = staticmethod(evaluation_import)
    help = (
        "Importa un archivo de evaluaciones (XLSX o CSV, por ejemplo de Google Forms o Microsoft "
        "Forms) a un espacio. Las filas con respuestas fuera de las escalas se rechazan indicando "
        "fila y columna; una respuesta ya importada no se guarda dos veces."
    )
