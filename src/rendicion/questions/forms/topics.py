"""Staff forms of proposed topics: capture, review and merge."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rendicion.core.models import Office
from rendicion.spaces.models import Space

from ..models import TOPIC_MAX_LENGTH, ProposedTopic, TopicState
from .fields import DATE_WIDGET, STAFF_TOPIC_CHANNELS


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
