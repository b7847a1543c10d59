import json
import sys

from django.core.management.base import BaseCommand, CommandError

from rendicion.core.selectors import entity_current
from rendicion.reports.render import annual_body_html, docx_document, pdf_document
from rendicion.reports.selectors import annual_report_data
from rendicion.strategy.models import Strategy
from rendicion.strategy.selectors import strategy_get


class Command(BaseCommand):
    help = "Genera el informe de seguimiento a la estrategia de un año (JSON, HTML, PDF o DOCX)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("year", type=int)
        parser.add_argument("--format", choices=["json", "html", "pdf", "docx"], default="json")
        parser.add_argument("--output", help="Archivo de salida (por defecto, la salida estándar).")

    def handle(self, *args, year: int, format: str, output: str | None, **options) -> None:
        try:
            strategy = strategy_get(entity=entity_current(), year=year, published_only=False)
        except Strategy.DoesNotExist:
            raise CommandError(f"No hay estrategia para la vigencia {year}.") from None
        data = annual_report_data(strategy=strategy)
        if format == "json":
            content = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()
        elif format == "html":
            from django.template.loader import render_to_string

            content = render_to_string(
                "reports/standalone.html",
                {
                    "title": data["title"],
                    "entity": data["entity"],
                    "body": annual_body_html(data),
                },
            ).encode()
        elif format == "pdf":
            content = pdf_document(
                title=data["title"],
                entity=data["entity"],
                year=year,
                body_html=annual_body_html(data),
            )
        else:
            content = docx_document(data)
        if output:
            with open(output, "wb") as handle:
                handle.write(content)
        elif format in ("json", "html"):
            self.stdout.write(content.decode(), ending="")
        else:
            self.stdout.flush()
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
