from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    name = "rendicion.questions"
    verbose_name = _("Temas propuestos, preguntas y respuestas")

    def ready(self) -> None:
        from rendicion.core.hooks import question_submitter_register, topic_proposer_register
        from rendicion.core.services import calendar_listener_register
        from rendicion.spaces.outcomes import space_outcome_register
        from rendicion.strategy.models import ProgressSource
        from rendicion.strategy.progress import progress_counter_register

        from .selectors import answer_report_count_published, space_outcomes_answers
        from .services import question_due_dates_recompute, question_submit, topic_propose

        progress_counter_register(
            ProgressSource.ANSWER_REPORTS_PUBLISHED,
            lambda strategy: answer_report_count_published(strategy=strategy),
        )
        calendar_listener_register("questions", question_due_dates_recompute)
        topic_proposer_register(topic_propose)
        space_outcome_register("questions", space_outcomes_answers)
        question_submitter_register(question_submit)
