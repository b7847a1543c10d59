"""The public attendance and evaluation forms: plain Spanish, one question per line."""

from django import forms
from django.utils.translation import gettext_lazy as _

from rendicion.core.public_forms import PublicForm

from .models import Answer3, DocumentType
from .rules import (
    AGE_RANGES,
    AGE_REQUIRED,
    CONSENT_REQUIRED,
    Sex,
    attendance_age,
    attendance_consent_problems,
    document_number_problem,
)

BOGOTA_LOCALITIES = [
    "Usaquén",
    "Chapinero",
    "Santa Fe",
    "San Cristóbal",
    "Usme",
    "Tunjuelito",
    "Bosa",
    "Kennedy",
    "Fontibón",
    "Engativá",
    "Suba",
    "Barrios Unidos",
    "Teusaquillo",
    "Los Mártires",
    "Antonio Nariño",
    "Puente Aranda",
    "La Candelaria",
    "Rafael Uribe Uribe",
    "Ciudad Bolívar",
    "Sumapaz",
]
OUTSIDE_BOGOTA = "fuera"
STAKEHOLDER_GROUPS = [
    "Ciudadanía en general",
    "Organizaciones sociales y comunitarias",
    "Entes de control",
    "Servidores públicos",
    "Otras entidades del Distrito",
    "Academia",
    "Medios de comunicación",
]


def _stakeholder_group_names() -> list[str]:
    """The entity's active stakeholder groups; the usual list until it has characterised any."""
    from rendicion.core.selectors import entity_current

    from .selectors import attendance_group_names

    return attendance_group_names(entity=entity_current()) or STAKEHOLDER_GROUPS


class AttendanceForm(PublicForm):
    full_name = forms.CharField(
        label=_("Nombres y apellidos"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Escriba sus nombres y apellidos.")},
    )
    document_type = forms.ChoiceField(
        label=_("Tipo de documento"),
        choices=[("", _("Elija una opción")), *DocumentType.choices],
        error_messages={"required": _("Elija el tipo de documento.")},
    )
    document_number = forms.CharField(
        label=_("Número de documento"),
        max_length=30,
        help_text=_("Solo los números, sin puntos ni espacios."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"required": _("Escriba el número de su documento.")},
    )
    email = forms.EmailField(
        label=_("Correo electrónico"),
        required=False,
        max_length=254,
        help_text=_("Si no tiene correo, deje este espacio en blanco."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Escriba un correo válido, por ejemplo nombre@correo.com.")},
    )
    phone = forms.CharField(
        label=_("Teléfono o celular"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    sex = forms.ChoiceField(
        label=_("Sexo"),
        widget=forms.RadioSelect,
        choices=[
            (Sex.MUJER, _("Mujer")),
            (Sex.HOMBRE, _("Hombre")),
            (Sex.INTERSEXUAL, _("Intersexual")),
            (Sex.NO_RESPONDE, _("Prefiero no responder")),
        ],
        error_messages={"required": _("Elija una opción. Puede elegir «Prefiero no responder».")},
    )
    age = forms.IntegerField(
        label=_("Edad (en años)"),
        required=False,
        min_value=0,
        max_value=120,
        help_text=_("Si prefiere no decir su edad, elija un rango en la pregunta siguiente."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": _("Escriba la edad en números, por ejemplo 34."),
            "min_value": _("La edad no puede ser negativa."),
            "max_value": _("Revise la edad: parece muy alta."),
        },
    )
    age_range = forms.ChoiceField(
        label=_("O su rango de edad"),
        required=False,
        widget=forms.RadioSelect,
        choices=[(code, label) for code, label, _group, _minor in AGE_RANGES],
    )
    guardian_consent = forms.BooleanField(
        label=_(
            "Soy menor de 18 años y mi madre, padre o acudiente autoriza que registre mis datos"
        ),
        required=False,
    )
    locality = forms.ChoiceField(
        label=_("¿En qué localidad de Bogotá vive?"),
        choices=[
            ("", _("Elija una opción")),
            *[(name, name) for name in BOGOTA_LOCALITIES],
            (OUTSIDE_BOGOTA, _("Vivo fuera de Bogotá")),
        ],
        error_messages={"required": _("Elija su localidad o «Vivo fuera de Bogotá».")},
    )
    municipality = forms.CharField(
        label=_("Si vive fuera de Bogotá, ¿en qué municipio?"),
        required=False,
        max_length=100,
    )
    stakeholder_group = forms.ChoiceField(
        label=_("¿A qué grupo pertenece?"),
        required=False,
        choices=[("", _("Prefiero no responder")), *[(g, g) for g in STAKEHOLDER_GROUPS]],
    )
    topic = forms.CharField(
        label=_("¿Qué tema le gustaría que tratáramos?"),
        required=False,
        min_length=3,
        max_length=300,
        help_text=_("Un tema para este o los próximos espacios. No escriba datos personales."),
        error_messages={
            "min_length": _("Escriba el tema en al menos 3 letras, o deje el espacio en blanco."),
            "max_length": _("El tema es muy largo: máximo 300 caracteres."),
        },
    )
    consent = forms.BooleanField(
        label=_("Autorizo el tratamiento de mis datos personales según el texto anterior"),
        error_messages={"required": CONSENT_REQUIRED},
    )
    consent_version = forms.CharField(widget=forms.HiddenInput)
    contact_consent = forms.BooleanField(
        label=_("Quiero recibir invitaciones a próximos espacios"),
        required=False,
        help_text=_(
            "Opcional. Le escribiremos a su correo para invitarle a otros espacios de rendición "
            "de cuentas. Cada invitación trae un enlace para dejar de recibirlas."
        ),
    )

    def __init__(self, *args, groups: list[str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if groups is None:
            groups = _stakeholder_group_names()
        self.fields["stakeholder_group"].choices = [
            ("", _("Prefiero no responder")),
            *[(name, name) for name in groups],
        ]

    def clean_document_number(self) -> str:
        digits = "".join(ch for ch in self.cleaned_data["document_number"] if ch.isdigit())
        problem = document_number_problem(digits)
        if problem:
            raise forms.ValidationError(problem)
        return digits

    def clean(self):
        data = super().clean()
        reading = attendance_age(data.get("age"), data.get("age_range"))
        minor = False
        if reading is not None:
            data["age_group"], minor = reading
        elif "age" not in self.errors:
            self.add_error("age", AGE_REQUIRED)
        if data.get("locality") == OUTSIDE_BOGOTA:
            if not data.get("municipality", "").strip():
                self.add_error("municipality", _("Escriba el municipio donde vive."))
            else:
                data["locality"] = data["municipality"].strip()
        problems = attendance_consent_problems(
            minor=minor,
            guardian_consent=bool(data.get("guardian_consent")),
            contact_consent=bool(data.get("contact_consent")),
            email=data.get("email", ""),
        )
        for field, message in problems.items():
            if field not in self.errors:
                self.add_error(field, message)
        return data


SCORE_CHOICES = [
    (5, _("5 — Muy bien")),
    (4, _("4 — Bien")),
    (3, _("3 — Regular")),
    (2, _("2 — Mal")),
    (1, _("1 — Muy mal")),
]


class EvaluationForm(PublicForm):
    satisfaction = forms.TypedChoiceField(
        label=_("En general, ¿cómo le pareció el espacio?"),
        coerce=int,
        choices=SCORE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Elija una calificación.")},
    )
    clarity = forms.TypedChoiceField(
        label=_("¿Qué tan clara fue la información?"),
        coerce=int,
        choices=SCORE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Elija una calificación.")},
    )
    usefulness = forms.TypedChoiceField(
        label=_("¿Qué tan útil fue para usted?"),
        coerce=int,
        choices=SCORE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Elija una calificación.")},
    )
    topic_covered = forms.ChoiceField(
        label=_("¿Se habló del tema que le interesaba?"),
        choices=Answer3.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Elija una opción.")},
    )
    would_return = forms.ChoiceField(
        label=_("¿Volvería a participar?"),
        choices=[("yes", _("Sí")), ("partly", _("Tal vez")), ("no", _("No"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Elija una opción.")},
    )
    topic = forms.CharField(
        label=_("¿Qué tema le gustaría que tratáramos?"),
        required=False,
        min_length=3,
        max_length=300,
        help_text=_("Un tema para este o los próximos espacios. No escriba datos personales."),
        error_messages={
            "min_length": _("Escriba el tema en al menos 3 letras, o deje el espacio en blanco."),
            "max_length": _("El tema es muy largo: máximo 300 caracteres."),
        },
    )
    comment = forms.CharField(
        label=_("Comentario o sugerencia"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Máximo 2.000 caracteres. No escriba datos de otras personas."),
        error_messages={"max_length": _("El comentario es muy largo: máximo 2.000 caracteres.")},
    )
    consent = forms.BooleanField(
        label=_("Autorizo el tratamiento de los datos que escribí en el comentario"),
        required=False,
        help_text=_("Solo es necesario si escribe un comentario."),
    )
    consent_version = forms.CharField(widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if data.get("comment", "").strip() and not data.get("consent"):
            self.add_error(
                "consent",
                _(
                    "Para guardar su comentario necesitamos su autorización. Si no la da, borre el "
                    "comentario y envíe la evaluación."
                ),
            )
        return data
