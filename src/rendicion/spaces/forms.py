from django import forms
from django.utils.translation import gettext_lazy as _

from rendicion.core.models import Office
from rendicion.core.public_forms import PublicForm
from rendicion.strategy.models import Activity

from .models import Modality, PublicationKind, Space, SpaceKind, SpaceStatus


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


class SpaceForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Tipo de espacio"), choices=SpaceKind.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(label=_("Título"), max_length=250)
    slug = forms.SlugField(
        label=_("Dirección corta"),
        required=False,
        max_length=120,
        help_text=_("Letras sin tildes, números y guiones. Si la deja vacía, se crea del título."),
    )
    starts_at = forms.DateTimeField(
        label=_("Fecha y hora de inicio"),
        widget=forms.DateTimeInput(format="%Y-%m-%dT%H:%M", attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text=_("Hora de Bogotá."),
    )
    duration_minutes = forms.IntegerField(
        label=_("Duración (minutos)"), min_value=5, max_value=1440, initial=90
    )
    modality = forms.ChoiceField(
        label=_("Modalidad"), choices=Modality.choices, widget=forms.RadioSelect
    )
    venue_name = forms.CharField(
        label=_("Lugar"),
        required=False,
        max_length=200,
        help_text=_("Para espacios presenciales o mixtos."),
    )
    venue_address = forms.CharField(label=_("Dirección del lugar"), required=False, max_length=250)
    venue_locality = forms.CharField(label=_("Localidad"), required=False, max_length=100)
    reports_on_year = forms.IntegerField(
        label=_("Vigencia sobre la que rinde cuentas"),
        required=False,
        min_value=2000,
        max_value=2100,
        help_text=_("Para audiencias públicas, por ejemplo 2022."),
    )
    topics = forms.CharField(
        label=_("Temas"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Un tema por línea."),
        max_length=8000,
    )
    purpose = forms.CharField(
        label=_("Propósito"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    methodology = forms.CharField(
        label=_("Metodología"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    structure = forms.CharField(
        label=_("Estructura"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Un momento por línea, por ejemplo: Introducción, Temas claves, Preguntas."),
        max_length=4000,
    )
    organisers = forms.ModelMultipleChoiceField(
        label=_("Dependencias organizadoras"),
        queryset=Office.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    status = forms.ChoiceField(label=_("Estado"), choices=SpaceStatus.choices)
    is_published = forms.BooleanField(
        label=_("Mostrar en el sitio público"), required=False, initial=True
    )

    def __init__(self, *args, offices, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisers"].queryset = offices

    def clean_topics(self) -> list[str]:
        return _lines(self.cleaned_data["topics"])

    def clean_structure(self) -> list[str]:
        return _lines(self.cleaned_data["structure"])


class ChannelForm(forms.Form):
    name = forms.CharField(
        label=_("Canal"), max_length=120, help_text=_("Por ejemplo: Facebook Live, YouTube.")
    )
    account = forms.CharField(label=_("Cuenta"), required=False, max_length=120)
    url = forms.URLField(label=_("Enlace"), required=False, max_length=500, assume_scheme="https")
    views = forms.IntegerField(
        label=_("Visualizaciones"), required=False, min_value=0, help_text=_("Después del evento.")
    )


ChannelFormSet = forms.formset_factory(ChannelForm, extra=1, can_delete=True)


class AgendaItemForm(forms.Form):
    starts_at = forms.TimeField(
        label=_("Hora"),
        required=False,
        widget=forms.TimeInput(format="%H:%M", attrs={"type": "time"}),
    )
    title = forms.CharField(label=_("Punto de la agenda"), max_length=250)
    speaker = forms.CharField(label=_("A cargo de"), required=False, max_length=200)


AgendaFormSet = forms.formset_factory(AgendaItemForm, extra=1, can_delete=True)


class FormWindowForm(forms.Form):
    form = forms.ChoiceField(
        choices=[("attendance", _("Asistencia")), ("evaluation", _("Evaluación"))],
        widget=forms.HiddenInput,
    )
    action = forms.ChoiceField(
        choices=[("open", "open"), ("close", "close")], widget=forms.HiddenInput
    )


class PieceForm(forms.Form):
    title = forms.CharField(label=_("Título de la pieza"), max_length=250)
    channel = forms.CharField(
        label=_("Canal"),
        max_length=120,
        help_text=_("Por ejemplo: Redes sociales, Correo institucional."),
    )
    date = forms.DateField(
        label=_("Fecha"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    file = forms.FileField(label=_("Archivo"), required=False)


# Publications -----------------------------------------------------------------------------------


class PublicationForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Tipo de documento"), choices=PublicationKind.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(label=_("Título"), max_length=250)
    summary = forms.CharField(
        label=_("Resumen en lenguaje claro"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Qué encuentra la ciudadanía en el documento, en pocas frases sencillas."),
    )
    file = forms.FileField(
        label=_("Documento (PDF, DOCX o XLSX)"),
        required=False,
        help_text=_("Adjunte el documento, escriba su enlace o ambos."),
    )
    url = forms.URLField(label=_("Enlace"), required=False, max_length=500, assume_scheme="https")
    spaces = forms.ModelMultipleChoiceField(
        label=_("Espacios a los que sirve"),
        queryset=Space.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    activity = forms.ModelChoiceField(
        label=_("Actividad del cronograma"),
        queryset=Activity.objects.none(),
        required=False,
        help_text=_("Al publicarse, el documento cuenta para la meta de esta actividad."),
    )
    office = forms.ModelChoiceField(
        label=_("Dependencia responsable"), queryset=Office.objects.none()
    )
    contains_open_data = forms.BooleanField(
        label=_("Incluye información sobre datos abiertos"), required=False
    )
    comments_close_at = forms.DateTimeField(
        label=_("Recibe comentarios hasta"),
        required=False,
        widget=forms.DateTimeInput(format="%Y-%m-%dT%H:%M", attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text=_(
            "Solo para informes de gestión. Si lo deja vacío, recibe comentarios hasta que empiece "
            "el primer espacio al que sirve."
        ),
    )

    def __init__(self, *args, strategy, offices, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["spaces"].queryset = strategy.spaces.order_by("starts_at", "pk")
        self.fields["activity"].queryset = strategy.activities.order_by("number")
        self.fields["office"].queryset = offices


class SpreadForm(forms.Form):
    channel = forms.CharField(
        label=_("Canal de difusión"),
        max_length=120,
        help_text=_("Por ejemplo: Redes sociales, Correo institucional, Página web."),
    )
    date = forms.DateField(
        label=_("Fecha"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    url = forms.URLField(label=_("Enlace"), required=False, max_length=500, assume_scheme="https")


class PublicationCommentForm(PublicForm):
    kind = forms.ChoiceField(
        label=_("¿Qué quiere enviar?"),
        choices=[
            ("comment", _("Un comentario sobre el documento")),
            ("question", _("Una pregunta para el espacio")),
        ],
        initial="comment",
        widget=forms.RadioSelect,
        error_messages={"required": _("Elija si envía un comentario o una pregunta.")},
    )
    text = forms.CharField(
        label=_("Su comentario o pregunta"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Máximo 2.000 caracteres. Los comentarios se publican después de revisarlos, sin su "
            "nombre ni su correo. No escriba datos de otras personas."
        ),
        error_messages={
            "required": _("Escriba su comentario o pregunta."),
            "max_length": _("El texto es muy largo: máximo 2.000 caracteres."),
        },
    )
    author_name = forms.CharField(label=_("Su nombre (opcional)"), required=False, max_length=200)
    author_email = forms.EmailField(
        label=_("Su correo electrónico (opcional)"),
        required=False,
        max_length=254,
        help_text=_("Para enviarle la respuesta a su pregunta."),
        error_messages={"invalid": _("Escriba un correo válido, por ejemplo nombre@correo.com.")},
    )
    consent = forms.BooleanField(
        label=_("Autorizo el tratamiento de los datos que escribí"),
        error_messages={
            "required": _("Para recibir su comentario o pregunta necesitamos su autorización.")
        },
    )
    consent_version = forms.CharField(widget=forms.HiddenInput)


class PhotoTextForm(forms.Form):
    alt_text = forms.CharField(
        label=_("Texto alternativo"),
        help_text=_(
            "Qué muestra la foto, para quien no puede verla. Sin él la foto no se publica."
        ),
        required=False,
        max_length=300,
    )
    caption = forms.CharField(label=_("Pie de foto"), required=False, max_length=300)
    credit = forms.CharField(
        label=_("Crédito"), help_text=_("Quién tomó la foto."), required=False, max_length=150
    )
    consent_note = forms.CharField(
        label=_("Autorización de las personas que aparecen"),
        help_text=_(
            "Cómo consta que autorizaron la publicación (por ejemplo, el formato firmado), o "
            "«No aparecen personas». Sin ella la foto no se publica."
        ),
        required=False,
        max_length=300,
    )
    is_published = forms.BooleanField(label=_("Publicar la foto"), required=False)


class PhotoUploadForm(PhotoTextForm):
    image = forms.FileField(
        label=_("Foto"),
        help_text=_(
            "JPG, PNG o WebP. Se publica una copia reducida sin los datos de la cámara ni la "
            "ubicación; el original queda solo para el equipo."
        ),
        error_messages={"required": _("Elija la foto que va a subir.")},
    )

    field_order = ["image", "alt_text", "caption", "credit", "consent_note", "is_published"]


class RecordingForm(forms.Form):
    title = forms.CharField(label=_("Título de la grabación"), max_length=200)
    url = forms.URLField(
        label=_("Enlace"), max_length=500, assume_scheme="https", help_text=_("https://…")
    )
    channel = forms.CharField(label=_("Canal"), required=False, max_length=120)


class HighlightForm(forms.Form):
    heading = forms.CharField(label=_("Título del resultado"), max_length=200)
    text = forms.CharField(
        label=_("Texto corto"),
        required=False,
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    figures = forms.CharField(
        label=_("Cifras"),
        help_text=_(
            "Una por línea: cifra | qué cuenta | periodo. Por ejemplo: "
            "339.876 | interacciones | junio a diciembre de 2022"
        ),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
