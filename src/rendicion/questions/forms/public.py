"""Public forms: a citizen's question or proposed topic."""

from django import forms
from django.utils.translation import gettext_lazy as _

from rendicion.core.public_forms import PublicForm
from rendicion.spaces.models import Space

from ..models import TOPIC_MAX_LENGTH
from .fields import _question_text_field


class QuestionForm(PublicForm):
    text = _question_text_field(_("Su pregunta"))
    asker_name = forms.CharField(
        label=_("Su nombre"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text=_("No se publica."),
    )
    asker_email = forms.EmailField(
        label=_("Su correo electrónico"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Si lo escribe, le enviamos la respuesta por correo. No se publica."),
        error_messages={"invalid": _("Escriba un correo válido, por ejemplo nombre@correo.com.")},
    )
    consent = forms.BooleanField(
        label=_("Autorizo el tratamiento de mis datos personales según el texto anterior"),
        error_messages={
            "required": _(
                "Para recibir su pregunta necesitamos su autorización. Sin ella no guardamos "
                "ningún dato."
            )
        },
    )
    consent_version = forms.CharField(widget=forms.HiddenInput)

    field_order = ["text", "asker_name", "asker_email", "consent"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = _(
            "Escriba una sola pregunta, de máximo 2.000 caracteres. Se publicará con la "
            "respuesta, sin su nombre ni su correo: no escriba datos personales en ella."
        )


class TopicForm(PublicForm):
    text = forms.CharField(
        label=_("¿Qué tema le gustaría que tratáramos?"),
        max_length=TOPIC_MAX_LENGTH,
        help_text=_("En pocas palabras, por ejemplo: «Servicio a la ciudadanía en los CADE»."),
        error_messages={
            "required": _("Escriba el tema que propone."),
            "max_length": _("El tema es muy largo: máximo 300 caracteres."),
        },
    )
    proposed_for = forms.ModelChoiceField(
        label=_("¿Para cuál espacio?"),
        required=False,
        queryset=Space.objects.none(),
        empty_label=_("Para cualquier espacio del año"),
    )

    def __init__(self, *args, spaces=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["proposed_for"].queryset = (
            spaces if spaces is not None else Space.objects.none()
        )
