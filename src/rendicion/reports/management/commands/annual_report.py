import sys

from django.core.management.base import BaseCommand, CommandError

from rendicion.core.selectors import entity_current
from rendicion.reports.annual import annual_report
from rendicion.reports.render import FORMATS, report_render
from rendicion.strategy.models import Strategy
from rendicion.strategy.selectors import strategy_get


class Command(BaseCommand):
    help = "Genera el informe de seguimiento a la estrategia de un año (JSON, HTML, PDF o DOCX)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("year", type=int)
        parser.add_argument("--format", choices=FORMATS, default="json")
        parser.add_argument("--output", help="Archivo de salida (por defecto, la salida estándar).")

    def handle(self, *args, year: int, format: str, output: str | None, **options) -> None:
        try:
            strategy = strategy_get(entity=entity_current(), year=year, published_only=False)
        except Strategy.DoesNotExist:
            raise CommandError(f"No hay estrategia para la vigencia {year}.") from None
        content = report_render(annual_report(strategy=strategy), format)
        if output:
            with open(output, "wb") as handle:
                handle.write(content)
        elif format in ("json", "html"):
            self.stdout.write(content.decode(), ending="")
        else:
            self.stdout.flush()
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
