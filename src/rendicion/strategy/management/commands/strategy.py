import json

from django.core.management.base import BaseCommand, CommandError

from rendicion.core.selectors import entity_current
from rendicion.strategy.models import Strategy
from rendicion.strategy.selectors import strategy_as_json, strategy_detail, strategy_get


class Command(BaseCommand):
    help = "Muestra la estrategia de rendición de cuentas de un año (con --json, en JSON)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("year", type=int, help="Vigencia, por ejemplo 2023.")
        parser.add_argument("--json", action="store_true", help="Salida en JSON.")
        parser.add_argument(
            "--output", help="Escribe en este archivo en vez de la salida estándar."
        )

    def handle(self, *args, year: int, json: bool, output: str | None, **options) -> None:
        try:
            strategy = strategy_get(entity=entity_current(), year=year, published_only=False)
        except Strategy.DoesNotExist:
            raise CommandError(f"No hay estrategia para la vigencia {year}.") from None
        data = strategy_as_json(strategy_detail(strategy=strategy))
        text = _as_json(data) if json else _as_text(data)
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
        else:
            self.stdout.write(text, ending="")


def _as_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _as_text(data: dict) -> str:
    lines = [
        f"Estrategia de rendición de cuentas {data['year']} — {data['entity']}",
        "",
        f"Objetivo: {data['objective']}",
        "",
        "Retos:",
    ]
    lines += [f"  {n}. {text}" for n, text in enumerate(data["challenges"], 1)]
    lines += ["", "Cronograma:"]
    for activity in data["activities"]:
        quarters = ",".join(f"T{q}" for q in activity["quarters"])
        lines.append(
            f"  {activity['number']:>2}. {activity['name'][:70]} [{quarters}] "
            f"{activity['status']} {activity['progress']} %"
        )
    return "\n".join(lines) + "\n"
