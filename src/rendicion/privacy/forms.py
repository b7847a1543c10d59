"""Forms of data requests and of staff handling a person's data. Plain Spanish, errors at the field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from rendicion.core.public_forms import PublicForm
from rendicion.core.text import document_digits, email_clean
from rendicion.participation.models import DocumentType

from .models import ANSWER_MAX_LENGTH, DESCRIPTION_MAX_LENGTH, RequestRight, RequestState

DOCUMENT_TYPE_CHOICES = [("", _("Elija uno")), *DocumentType.choices]
INVALID_EMAIL = _("Escriba un correo válido, por ejemplo nombre@correo.com.")


class DataRequestForm(PublicForm):
    """A consulta or a reclamo. No authorisation box: exercising the right is the legal basis."""

    right = forms.ChoiceField(
        label=_("¿Qué quiere hacer con sus datos?"),
        choices=RequestRight.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Elija qué quiere hacer con sus datos.")},
    )
    full_name = forms.CharField(
        label=_("Su nombre completo"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "required": _("Escriba su nombre completo."),
            "max_length": _("El nombre es muy largo: máximo 200 caracteres."),
        },
    )
    document_type = forms.ChoiceField(
        label=_("Tipo de documento"),
        choices=DOCUMENT_TYPE_CHOICES,
        required=False,
    )
    document_number = forms.CharField(
        label=_("Número de documento"),
        max_length=30,
        help_text=_("Solo números. Lo usamos para encontrar sus datos y saber que es usted."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={
            "required": _("Escriba su número de documento."),
            "max_length": _("El número de documento es muy largo: máximo 30 caracteres."),
        },
    )
    email = forms.CharField(
        label=_("Correo electrónico"),
        required=False,
        max_length=254,
        help_text=_("Le enviamos la respuesta a este correo."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"max_length": INVALID_EMAIL},
    )
    phone = forms.CharField(
        label=_("Teléfono"),
        required=False,
        max_length=40,
        help_text=_("Si no tiene correo, lo llamamos a este número."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        error_messages={"max_length": _("El teléfono es muy largo: máximo 40 caracteres.")},
    )
    description = forms.CharField(
        label=_("Cuéntenos su solicitud"),
        required=False,
        max_length=DESCRIPTION_MAX_LENGTH,
        help_text=_(
            "Por ejemplo, qué dato quiere corregir y cuál es el correcto, o en qué espacio participó."
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "max_length": _(
                "El texto es muy largo: máximo 4.000 caracteres (tiene %(show_value)d)."
            )
        },
    )

    field_order = ["right", "full_name", "document_type", "document_number", "email", "phone"]

    def clean_document_number(self) -> str:
        value = self.cleaned_data["document_number"]
        if any(ch.isalpha() for ch in value) and self.data.get("document_type") != "PA":
            raise forms.ValidationError(_("El número de documento lleva solo números."))
        digits = value.strip() if self.data.get("document_type") == "PA" else document_digits(value)
        if len(digits) < 3:
            raise forms.ValidationError(_("El número de documento está incompleto."))
        return digits

    def clean_email(self) -> str:
        email, valid = email_clean(self.cleaned_data.get("email"))
        if not valid:
            raise forms.ValidationError(INVALID_EMAIL)
        return email

    def clean(self) -> dict:
        data = super().clean()
        if (
            not data.get("email")
            and not data.get("phone", "").strip()
            and "email" not in self.errors
        ):
            self.add_error(
                "email", _("Escriba un correo o un teléfono para poder darle la respuesta.")
            )
        return data


class QueueFilterForm(forms.Form):
    view = forms.ChoiceField(
        label=_("Mostrar"),
        required=False,
        choices=[
            ("open", _("Abiertas")),
            ("overdue", _("Vencidas")),
            ("due_soon", _("Vencen pronto")),
            ("answered", _("Respondidas")),
            ("all", _("Todas")),
        ],
    )

    def cleaned_view(self) -> str:
        if self.is_valid() and self.cleaned_data.get("view"):
            return self.cleaned_data["view"]
        return "open"


class StateForm(forms.Form):
    state = forms.ChoiceField(
        label=_("Estado"),
        choices=[
            (RequestState.RECEIVED, _("Recibida")),
            (RequestState.IN_PROGRESS, _("En trámite")),
        ],
    )


class ExtendForm(forms.Form):
    reason = forms.CharField(
        label=_("Motivo de la prórroga (se le informa a la persona)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Explique el motivo de la prórroga.")},
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Respuesta dada a la persona"),
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Escriba la respuesta que se le dio a la persona.")},
    )


class PersonSearchForm(forms.Form):
    document = forms.CharField(
        label=_("Número de documento"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    email = forms.CharField(
        label=_("o correo electrónico"),
        required=False,
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


class RectifyForm(forms.Form):
    full_name = forms.CharField(
        label=_("Nombre"),
        max_length=200,
        required=False,
    )
    document_type = forms.ChoiceField(
        label=_("Tipo de documento"), choices=DOCUMENT_TYPE_CHOICES, required=False
    )
    document_number = forms.CharField(label=_("Número de documento"), max_length=30, required=False)
    email = forms.CharField(label=_("Correo electrónico"), max_length=254, required=False)
    phone = forms.CharField(label=_("Teléfono"), max_length=40, required=False)

    def __init__(self, *args, record_type: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if record_type == "question":
            del self.fields["document_type"]
            del self.fields["document_number"]
