from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    name = "rendicion.questions"
    verbose_name = _("Temas propuestos, preguntas y respuestas")
