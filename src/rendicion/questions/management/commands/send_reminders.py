import datetime as dt
import json as jsonlib

from django.core.management.base import BaseCommand, CommandError, CommandParser

from rendicion.questions.services import notices_send


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--today: «{value}» no es una fecha AAAA-MM-DD.") from None


class Command(BaseCommand):
    help = (
        "Envía por correo los avisos de preguntas: asignación a la dependencia, recordatorio N "
        "días hábiles antes del vencimiento y la respuesta a quien preguntó. Se puede repetir: "
        "ningún aviso sale dos veces (para cron o un temporizador)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", help="Fecha de hoy, AAAA-MM-DD (para pruebas).")
        parser.add_argument(
            "--days",
            type=int,
            help="Días hábiles antes del vencimiento para recordar (por defecto, el ajuste "
            "QUESTION_REMINDER_BUSINESS_DAYS o 3).",
        )
        parser.add_argument("--json", action="store_true", help="Resultado en JSON.")

    def handle(self, *args, today=None, days=None, json=False, **options) -> None:
        if days is not None and not 0 <= days <= 60:
            raise CommandError("--days: use un número entre 0 y 60.")
        result = notices_send(today=_date(today) if today else None, days_before=days)
        if json:
            self.stdout.write(_dumps(result.as_dict()))
        else:
            self.stdout.write(
                f"Avisos enviados: {result.assigned} de asignación, {result.reminders} "
                f"recordatorios, {result.answered} respuestas. Fallidos: {result.failed}."
            )
        if result.failed:
            raise CommandError(
                "Algunos avisos no se pudieron enviar; se intentarán de nuevo en la próxima "
                "ejecución:\n" + "\n".join(result.errors[:20])
            )


def _dumps(value) -> str:
    return jsonlib.dumps(value, ensure_ascii=False, sort_keys=True)
