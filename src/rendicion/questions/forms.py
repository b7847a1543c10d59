"""Forms of topics, questions and answers: plain Spanish, one question per line, errors at the field."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rendicion.core.models import Office
from rendicion.core.public_forms import PublicForm
from rendicion.spaces.models import Space

from .models import (
    ANSWER_MAX_LENGTH,
    QUESTION_MAX_LENGTH,
    TOPIC_MAX_LENGTH,
    ProposedTopic,
    QuestionChannel,
    QuestionKind,
    QuestionState,
    TopicChannel,
    TopicState,
)
from .selectors import QUEUE_VIEWS

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


# Staff -------------------------------------------------------------------------------------


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


class TopicCaptureForm(forms.Form):
    text = forms.CharField(
        label=_("Tema propuesto"),
        max_length=TOPIC_MAX_LENGTH,
        error_messages={"required": _("Escriba el tema.")},
    )
    channel = forms.ChoiceField(
        label=_("¿Por dónde llegó?"), choices=STAFF_TOPIC_CHANNELS, widget=forms.RadioSelect
    )
    proposed_on = forms.DateField(label=_("Fecha en que se propuso"), widget=DATE_WIDGET)
    proposed_in = forms.ModelChoiceField(
        label=_("Espacio donde se propuso"),
        required=False,
        queryset=Space.objects.none(),
        empty_label=_("— Ninguno —"),
    )
    proposed_for = forms.ModelChoiceField(
        label=_("Espacio para el que se propone"),
        required=False,
        queryset=Space.objects.none(),
        empty_label=_("— Ninguno en particular —"),
    )

    def __init__(self, *args, spaces, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["proposed_in"].queryset = spaces
        self.fields["proposed_for"].queryset = spaces
        self.fields["proposed_on"].initial = timezone.localdate()

    def clean_proposed_on(self):
        value = self.cleaned_data["proposed_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("La fecha no puede ser futura."))
        return value


class TopicReviewForm(forms.Form):
    text = forms.CharField(
        label=_("Tema"),
        max_length=TOPIC_MAX_LENGTH,
        help_text=_("Se publica así: corrija la redacción o quite datos personales si los hay."),
    )
    state = forms.ChoiceField(
        label=_("Estado"),
        widget=forms.RadioSelect,
        choices=[
            (TopicState.IN_STUDY, TopicState.IN_STUDY.label),
            (TopicState.INCLUDED, TopicState.INCLUDED.label),
            (TopicState.NOT_INCLUDED, TopicState.NOT_INCLUDED.label),
        ],
    )
    office = forms.ModelChoiceField(
        label=_("Dependencia a cargo"),
        required=False,
        queryset=Office.objects.none(),
        empty_label=_("— Sin asignar —"),
    )
    included_in = forms.ModelChoiceField(
        label=_("Espacio en el que se incluyó"),
        required=False,
        queryset=Space.objects.none(),
        empty_label=_("— Ninguno —"),
    )
    proposed_for = forms.ModelChoiceField(
        label=_("Espacio para el que se propuso"),
        required=False,
        queryset=Space.objects.none(),
        empty_label=_("— Ninguno en particular —"),
    )
    state_note = forms.CharField(
        label=_("Explicación para la ciudadanía"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Obligatoria si el tema no se incluye: diga por qué."),
    )
    text_reviewed = forms.BooleanField(
        label=_("Leí el texto: no tiene datos personales y se puede publicar"),
        required=False,
        help_text=_(
            "Un tema en estudio solo se publica con esta casilla marcada; uno incluido o no "
            "incluido se publica al guardar su estado."
        ),
    )

    def __init__(self, *args, offices, spaces, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices
        self.fields["included_in"].queryset = spaces
        self.fields["proposed_for"].queryset = spaces

    @staticmethod
    def initial_from(topic: ProposedTopic) -> dict:
        return {
            "text": topic.text,
            "state": topic.state if topic.state != TopicState.RECEIVED else TopicState.IN_STUDY,
            "office": topic.office_id,
            "included_in": topic.included_in_id,
            "proposed_for": topic.proposed_for_id,
            "state_note": topic.state_note,
            "text_reviewed": topic.text_reviewed,
        }


class TopicMergeForm(forms.Form):
    into = forms.ModelChoiceField(
        label=_("Es el mismo tema que"),
        queryset=ProposedTopic.objects.none(),
        empty_label=_("Elija el tema principal"),
    )

    def __init__(self, *args, topics, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = topics


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
