import json

from django.core.management.base import BaseCommand, CommandError

from rendicion.assessment.models import SelfAssessment
from rendicion.assessment.selectors import assessment_as_json, assessment_detail, assessment_get
from rendicion.core.selectors import entity_current


class Command(BaseCommand):
    help = (
        "Muestra el autodiagnóstico de rendición de cuentas de una vigencia (con --json, en JSON)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("year", type=int, help="Vigencia evaluada, por ejemplo 2022.")
        parser.add_argument("--json", action="store_true", help="Salida en JSON.")
        parser.add_argument(
            "--output", help="Escribe en este archivo en vez de la salida estándar."
        )

    def handle(self, *args, year: int, json: bool, output: str | None, **options) -> None:
        try:
            assessment = assessment_get(entity=entity_current(), year=year)
        except SelfAssessment.DoesNotExist:
            raise CommandError(f"No hay autodiagnóstico de la vigencia {year}.") from None
        data = assessment_as_json(assessment_detail(assessment=assessment))
        text = _as_json(data) if json else _as_text(data)
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
        else:
            self.stdout.write(text, ending="")


def _as_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _as_text(data: dict) -> str:
    score = "sin calificar" if data["score"] is None else f"{data['score']:.1f} sobre 100"
    lines = [
        f"Autodiagnóstico {data['year']} — {data['template']}",
        f"Puntaje general: {score} ({data['level'] or 'sin nivel'}); "
        f"{data['scored']} de {data['total']} ítems calificados.",
        "",
    ]
    for stage in data["stages"]:
        stage_score = "—" if stage["score"] is None else f"{stage['score']:.1f}"
        lines.append(f"{stage['name']}: {stage_score}")
        for category in stage["categories"]:
            category_score = "—" if category["score"] is None else f"{category['score']:.1f}"
            lines.append(f"  {category['name']}: {category_score}")
    lines += ["", f"Puntos a fortalecer (puntaje menor que {data['threshold']:.1f}):"]
    lines += [f"  - {text}" for text in data["points_to_strengthen"]] or ["  (ninguno)"]
    return "\n".join(lines) + "\n"
