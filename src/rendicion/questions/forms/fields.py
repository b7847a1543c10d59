"""Widgets, choices and fields the public and staff forms share."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import QUESTION_MAX_LENGTH, QuestionChannel, TopicChannel

DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
STAFF_QUESTION_CHANNELS = [c for c in QuestionChannel.choices if c[0] != "public_form"]
STAFF_TOPIC_CHANNELS = [
    c
    for c in TopicChannel.choices
    if c[0] not in ("public_form", "attendance_form", "evaluation_form")
]


def _question_text_field(label) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=QUESTION_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Escriba su pregunta."),
            "max_length": _(
                "La pregunta es muy larga: máximo 2.000 caracteres (tiene %(show_value)d)."
            ),
        },
    )
