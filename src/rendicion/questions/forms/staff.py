"""Staff forms of questions and answers: capture, route, return, extend, answer, review, queue."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rendicion.core.models import Office
from rendicion.spaces.models import Space

from ..models import ANSWER_MAX_LENGTH, QuestionKind, QuestionState
from ..selectors import QUEUE_VIEWS
from .fields import DATE_WIDGET, STAFF_QUESTION_CHANNELS, _question_text_field


class QuestionCaptureForm(forms.Form):
    space = forms.ModelChoiceField(
        label=_("Espacio"), queryset=Space.objects.none(), empty_label=_("Elija el espacio")
    )
    channel = forms.ChoiceField(
        label=_("¿Por dónde llegó la pregunta?"),
        choices=STAFF_QUESTION_CHANNELS,
        widget=forms.RadioSelect,
    )
    received_on = forms.DateField(
        label=_("Fecha en que se recibió"),
        widget=DATE_WIDGET,
        help_text=_("Por ejemplo: 2023-04-20. El término se cuenta desde esta fecha."),
    )
    text = _question_text_field(_("Pregunta"))
    kind = forms.ChoiceField(
        label=_("Tipo de petición"), choices=QuestionKind.choices, initial=QuestionKind.GENERAL
    )
    asker_name = forms.CharField(
        label=_("Nombre de quien pregunta"), required=False, max_length=200
    )
    asker_email = forms.EmailField(
        label=_("Correo de quien pregunta"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Escriba un correo válido, por ejemplo nombre@correo.com.")},
    )
    asker_phone = forms.CharField(
        label=_("Teléfono de quien pregunta"), required=False, max_length=40
    )
    consent = forms.BooleanField(
        label=_("La persona autorizó el tratamiento de sus datos personales"),
        required=False,
        help_text=_("Necesario para guardar el nombre, el correo o el teléfono."),
    )

    def __init__(self, *args, spaces, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["space"].queryset = spaces
        self.fields["received_on"].initial = timezone.localdate()

    def clean_received_on(self):
        value = self.cleaned_data["received_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("La fecha de recibido no puede ser futura."))
        return value

    def clean(self):
        data = super().clean()
        contact = any(data.get(f) for f in ("asker_name", "asker_email", "asker_phone"))
        if contact and not data.get("consent"):
            self.add_error(
                "consent",
                _(
                    "Sin la autorización de la persona no se guardan su nombre, correo ni "
                    "teléfono: márquela o borre esos datos."
                ),
            )
        return data


class RouteForm(forms.Form):
    office = forms.ModelChoiceField(
        label=_("Dependencia que responde"),
        queryset=Office.objects.none(),
        empty_label=_("Elija la dependencia"),
    )
    kind = forms.ChoiceField(
        label=_("Tipo de petición"),
        choices=QuestionKind.choices,
        help_text=_("El plazo se calcula con el tipo: 15, 10 o 30 días hábiles."),
    )

    def __init__(self, *args, offices, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("¿Por qué su dependencia no es la competente?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Si sabe cuál dependencia debe responder, dígalo."),
        error_messages={"required": _("Explique por qué devuelve la pregunta.")},
    )


class ExtendForm(forms.Form):
    new_date = forms.DateField(
        label=_("Nueva fecha de respuesta"),
        widget=DATE_WIDGET,
        help_text=_("Un día hábil; como máximo, el doble del término contado desde el recibido."),
    )
    reason = forms.CharField(
        label=_("Motivo de la prórroga"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Se le informa a quien preguntó."),
    )


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Respuesta"),
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Responda en lenguaje claro: frases cortas, palabras de uso común, primero lo más "
            "importante. Al guardar verá la legibilidad del texto."
        ),
        error_messages={
            "required": _("Escriba la respuesta."),
            "max_length": _("La respuesta es muy larga: máximo 10.000 caracteres."),
        },
    )


class ReviewForm(forms.Form):
    text = forms.CharField(
        label=_("Respuesta"),
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Puede ajustar la redacción antes de aprobarla."),
        error_messages={"required": _("La respuesta no puede quedar vacía.")},
    )
    review_note = forms.CharField(
        label=_("Ajustes que pide a la dependencia"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Solo si devuelve la respuesta para ajustes."),
    )


class AnswerReportForm(forms.Form):
    introduction = forms.CharField(
        label=_("Presentación del informe"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class QueueFilterForm(forms.Form):
    view = forms.ChoiceField(
        label=_("Mostrar"),
        required=False,
        choices=[
            ("open", _("Sin responder")),
            ("overdue", _("Vencidas")),
            ("week", _("Vencen esta semana")),
            ("all", _("Todas")),
        ],
    )
    office = forms.ModelChoiceField(
        label=_("Dependencia"),
        required=False,
        queryset=Office.objects.none(),
        empty_label=_("Todas"),
    )
    state = forms.ChoiceField(
        label=_("Estado"),
        required=False,
        choices=[("", _("Todos")), *QuestionState.choices],
    )

    def __init__(self, *args, offices, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices

    def cleaned_view(self) -> str:
        view = self.cleaned_data.get("view") if self.is_valid() else ""
        return view if view in QUEUE_VIEWS else "open"
